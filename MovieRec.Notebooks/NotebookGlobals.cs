namespace MovieRec.Notebooks;

/// <summary>
/// What notebook code sees as globals: <c>display(x)</c> and <c>HTML(s)</c> as in the .NET Interactive kernel, plus the
/// running cell's <see cref="CancellationToken"/>, <see cref="Progress{T}"/> lines and <see cref="ClearOutput"/>.
/// </summary>
#pragma warning disable IDE1006, CA1822 // the kernel's lower-case names; instance members are what scripts see
public sealed class NotebookGlobals
{
    private readonly NotebookSession _session;

    internal NotebookGlobals(NotebookSession session) => _session = session;

    /// <summary>Cancelled when the running cell is interrupted (Jupyter's interrupt, Ctrl+C or <c>--cell-timeout</c> in a
    /// batch run). Pass it to long library work: searches and downloads stop at their next check.</summary>
    public CancellationToken CancellationToken => _session.CellCancellation;

    /// <summary>Shows <paramref name="value"/> as an output of the running cell; the handle updates it in place.</summary>
    public DisplayHandle display(object? value)
    {
        var handle = new DisplayHandle(_session, Guid.NewGuid().ToString("N"));
        _session.Show(value, handle.DisplayId);
        return handle;
    }

    /// <summary>Marks <paramref name="html"/> as HTML to show as it is (not as text).</summary>
    public HtmlContent HTML(string html) => new(html);

    /// <summary>A progress line for library work that reports progress (searches, folds): shown once, then updated in place.</summary>
    /// <typeparam name="T">What the work reports; shown with its <c>ToString()</c>.</typeparam>
    public IProgress<T> Progress<T>() => new ProgressLine<T>(display(string.Empty));

    /// <summary>Clears the running cell's outputs so far (with <paramref name="wait"/>: when the next output arrives).</summary>
    public void ClearOutput(bool wait = false) => _session.Clear(wait);

    private sealed class ProgressLine<T>(DisplayHandle handle) : IProgress<T>
    {
        public void Report(T value) => handle.Update(value?.ToString() ?? string.Empty);
    }
}
#pragma warning restore IDE1006, CA1822
