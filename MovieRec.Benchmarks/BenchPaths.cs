namespace MovieRec.Benchmarks;

/// <summary>Where the benchmarks find their data (BenchmarkDotNet runs them in a child process under bin/).</summary>
internal static class BenchPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string SharedData => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data"));

    public static string MlLatestSmall => Path.Combine(SharedData, "ml-latest-small");

    public static string TmdbMetadata => Path.Combine(SharedData, "tmdb-sample", "movies_metadata.csv");

    public static string Sample => Path.Combine(RepositoryRoot, "data", "sample");

    /// <summary>The generated 25M-rating dataset: $MOVIEREC_BENCH_DATA/synthetic-25m-v&lt;generator version&gt;, else under the temp folder.</summary>
    public static string Synthetic25m => Path.Combine(
        Environment.GetEnvironmentVariable("MOVIEREC_BENCH_DATA") is { Length: > 0 } root ? root : Path.Combine(Path.GetTempPath(), "movierec-bench"),
        $"synthetic-25m-v{MovieRec.Synthetic.SyntheticDataGenerator.Version}");

    private static string FindRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "MovieRec.sln"))) return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmarks from inside the MovieRec repository.");
    }
}
