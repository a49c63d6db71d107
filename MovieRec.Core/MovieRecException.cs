namespace MovieRec;

/// <summary>
/// The base of every error MovieRec reports about its inputs: bad data files (<c>DataFileException</c>), datasets that
/// cannot be downloaded (<c>DatasetDownloadException</c>), unknown movies (<c>MovieNotFoundException</c>) and failed
/// notebooks (<c>NotebookRunException</c>, in MovieRec.Notebooks). Catch this one type to handle them all.
/// </summary>
/// <remarks>Argument checks on the API itself (a negative count, a null frame) stay <see cref="ArgumentException"/>s:
/// they are programming errors, not problems with the data.</remarks>
public abstract class MovieRecException : Exception
{
    /// <summary>Creates the exception.</summary>
    protected MovieRecException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
