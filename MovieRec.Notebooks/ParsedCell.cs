namespace MovieRec.Notebooks;

/// <summary>A cell's source without its directives, and what the directives ask for.</summary>
/// <param name="Source">The code, directive lines blanked.</param>
/// <param name="Packages">The <c>#r "nuget:"</c> lines, in order.</param>
/// <param name="Sources">The <c>#i "nuget:"</c> package sources, in order.</param>
/// <param name="Time">Whether <c>#!time</c> asked for the cell's wall time.</param>
/// <param name="Whos">Whether <c>#!whos</c> asked for the session's variables.</param>
internal sealed record ParsedCell(string Source, IReadOnlyList<PackageRequest> Packages, IReadOnlyList<string> Sources, bool Time, bool Whos);
