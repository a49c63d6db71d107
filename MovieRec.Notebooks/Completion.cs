namespace MovieRec.Notebooks;

/// <summary>Completions at a cursor: the names, and the span of the code they replace.</summary>
/// <param name="Matches">Names that fit, sorted.</param>
/// <param name="Start">Where the replaced text starts (the start of the partial name).</param>
/// <param name="End">Where it ends (the cursor).</param>
public sealed record Completion(IReadOnlyList<string> Matches, int Start, int End);
