namespace MovieRec.Tests.Support;

/// <summary>Where the repository and the shared reference data are.</summary>
internal static class TestPaths
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MovieRec.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("MovieRec.sln not found above " + AppContext.BaseDirectory);
    });

    public static string RepositoryRoot => Root.Value;

    public static string Sample => Path.Combine(RepositoryRoot, "data", "sample");

    /// <summary>../shared/data beside the repository (MOVIEREC_SHARED_DATA overrides).</summary>
    public static string SharedData =>
        Environment.GetEnvironmentVariable("MOVIEREC_SHARED_DATA") is { Length: > 0 } overridden
            ? overridden
            : Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data"));

    public static string MlLatestSmall => Path.Combine(SharedData, "ml-latest-small");

    public static string SeedSample => Path.Combine(SharedData, "seed-sample");

    public static string TmdbSample => Path.Combine(SharedData, "tmdb-sample");
}
