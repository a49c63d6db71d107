namespace MovieRec.Notebooks;

/// <summary>A package NuGet restored for a notebook, with the files this runtime loads from it.</summary>
/// <param name="Name">The package id.</param>
/// <param name="Version">The version NuGet chose.</param>
/// <param name="Assemblies">Full paths of its runtime assemblies for this framework and runtime identifier.</param>
/// <param name="NativeLibraries">Full paths of its native libraries for this runtime identifier.</param>
internal sealed record RestoredPackage(string Name, string Version, IReadOnlyList<string> Assemblies, IReadOnlyList<string> NativeLibraries);
