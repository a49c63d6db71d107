namespace MovieRec.Notebooks;

/// <summary>A package a notebook may reference: its name, the pinned version and the assembly that provides it.</summary>
/// <param name="Name">The NuGet package id.</param>
/// <param name="Version">The version the build pinned.</param>
/// <param name="Assembly">The assembly the notebook gets.</param>
public sealed record NotebookPackage(string Name, string Version, Assembly Assembly);
