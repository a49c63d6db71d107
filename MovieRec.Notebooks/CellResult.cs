namespace MovieRec.Notebooks;

/// <summary>How a cell ended.</summary>
/// <param name="ExecutionCount">The cell's execution count (1 for the session's first cell).</param>
/// <param name="Error">Null when the cell succeeded.</param>
public sealed record CellResult(int ExecutionCount, CellError? Error)
{
    /// <summary>Whether the cell ran to its end without an error.</summary>
    public bool Succeeded => Error is null;
}
