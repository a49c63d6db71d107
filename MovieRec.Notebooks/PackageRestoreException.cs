namespace MovieRec.Notebooks;

/// <summary>NuGet could not restore a notebook's packages (see <see cref="PackageRestorer"/>).</summary>
internal sealed class PackageRestoreException(string message) : Exception(message);
