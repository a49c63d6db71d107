namespace MovieRec.Notebooks;

/// <summary>
/// Where a running cell's outputs go, in the order they happen: the batch runner writes them into the notebook, the
/// kernel publishes them on its iopub socket. Calls come from one output pump at a time, never concurrently.
/// </summary>
public abstract class CellOutput
{
    /// <summary>Console text (<paramref name="name"/> is <c>stdout</c> or <c>stderr</c>).</summary>
    public abstract void Stream(string name, string text);

    /// <summary>A displayed value (<c>display(x)</c>); <paramref name="displayId"/> is set when it can be updated later.</summary>
    public abstract void Display(MimeBundle bundle, string? displayId);

    /// <summary>A new value for the display with <paramref name="displayId"/> (a progress line, <c>handle.Update(x)</c>).</summary>
    public abstract void UpdateDisplay(MimeBundle bundle, string displayId);

    /// <summary>The cell's final expression.</summary>
    public abstract void Result(MimeBundle bundle, int executionCount);

    /// <summary>Clears the cell's outputs (with <paramref name="wait"/>: when the next output arrives).</summary>
    public abstract void ClearOutput(bool wait);
}
