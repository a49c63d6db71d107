namespace MovieRec.Notebooks;

/// <summary>A displayed output that can be replaced in place (Jupyter's <c>update_display_data</c>).</summary>
public sealed class DisplayHandle
{
    private readonly NotebookSession _session;

    internal DisplayHandle(NotebookSession session, string displayId)
    {
        _session = session;
        DisplayId = displayId;
    }

    /// <summary>The display's id.</summary>
    public string DisplayId { get; }

    /// <summary>Replaces the displayed value with <paramref name="value"/>.</summary>
    public void Update(object? value) => _session.Update(value, DisplayId);

    /// <inheritdoc/>
    public override string ToString() => $"display {DisplayId}";
}
