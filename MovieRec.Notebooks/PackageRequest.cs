namespace MovieRec.Notebooks;

/// <summary>One <c>#r "nuget: NAME[, VERSION]"</c> line.</summary>
/// <param name="Name">The package id.</param>
/// <param name="Version">The version or range as written (NuGet's syntax: <c>13.0.3</c>, <c>13.*</c>, <c>[1.0,2.0)</c>), or null for the newest.</param>
/// <param name="Line">The 1-based line of the cell.</param>
internal sealed record PackageRequest(string Name, string? Version, int Line);
