namespace MovieRec.Datasets;

/// <summary>Progress of a dataset download.</summary>
/// <param name="Dataset">The dataset name.</param>
/// <param name="BytesReceived">Bytes received so far.</param>
/// <param name="TotalBytes">The announced size, when the server gave one.</param>
public sealed record DownloadProgress(string Dataset, long BytesReceived, long? TotalBytes)
{
    /// <summary>The fraction done in [0, 1], when the size is known.</summary>
    public double? Fraction => TotalBytes is > 0 ? (double)BytesReceived / TotalBytes.Value : null;
}
