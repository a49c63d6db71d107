namespace MovieRec.Datasets;

/// <summary>A dataset could not be found, downloaded or verified. Nothing was left in the cache.</summary>
public sealed class DatasetDownloadException : MovieRecException
{
    /// <summary>Creates the exception.</summary>
    public DatasetDownloadException(string dataset, string problem, Exception? inner = null)
        : base($"Dataset '{dataset}': {problem}", inner)
    {
        Dataset = dataset;
    }

    /// <summary>The dataset name.</summary>
    public string Dataset { get; }
}
