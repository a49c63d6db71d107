namespace MovieRec.Notebooks;

/// <summary>Why a cell failed, as Jupyter's <c>error</c> output carries it.</summary>
/// <param name="Name">The error's name: the exception type, <c>CompilationError</c>, <c>DirectiveError</c>, <c>Interrupted</c> or <c>CellTimeout</c>.</param>
/// <param name="Value">The message.</param>
/// <param name="Traceback">The lines to show: the message, then where in the cell (<c>line N</c>) it happened.</param>
/// <param name="Line">The 1-based line of the cell where it happened, when known.</param>
public sealed record CellError(string Name, string Value, IReadOnlyList<string> Traceback, int? Line)
{
    /// <summary>The error in one line: name, message and cell line.</summary>
    public override string ToString() => Line is { } line ? $"{Name}: {Value} (cell line {line})" : $"{Name}: {Value}";
}
