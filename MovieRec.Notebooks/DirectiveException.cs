namespace MovieRec.Notebooks;

/// <summary>A directive of a cell that cannot be honoured (see <see cref="Directives"/>).</summary>
internal sealed class DirectiveException(int line, string message) : Exception(message)
{
    /// <summary>The 1-based line of the cell.</summary>
    public int Line { get; } = line;
}
