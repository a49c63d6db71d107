using MovieRec.Recommendations;

namespace MovieRec.Benchmarks;

/// <summary>Serving on ml-latest-small + TMDB (9,742 movies). Targets: svd top-10 &lt; 5 ms, ml &lt; 50 ms, similar &lt; 2 ms,
/// svd for all 610 users &lt; 2 s; a saved bundle loads in &lt; 300 ms, 1,000 similar queries &lt; 0.5 s, and
/// <c>movierec recommend --model</c> as a process (start-up included) &lt; 1 s.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class RecommendationBenchmarks
{
    private MovieRecommender _recommender = null!;
    private string _bundle = null!;
    private int[] _movies = null!;

    [GlobalSetup]
    public void Setup()
    {
        var ds = MovieLensLoader.Load(BenchPaths.MlLatestSmall);
        var clean = DataCleaning.Clean(ds, MovieMetadataLoader.Load(BenchPaths.TmdbMetadata, ds.Links));
        _recommender = MovieRecommender.Build(RatingDataset.From(clean.Ratings, clean.Movies, ds.Tags));
        _bundle = Path.Combine(Path.GetTempPath(), $"movierec-bench-{Environment.ProcessId}.movierec");
        _recommender.Save(_bundle);
        _movies = [.. _recommender.Ratings.ItemIds.Take(1000)];
        Console.WriteLine($"// bundle: {new FileInfo(_bundle).Length / 1e6:F1} MB");
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_bundle);

    [Benchmark]
    public int Load_Bundle() => MovieRecommender.Load(_bundle).Ratings.UserIds.Count;

    [Benchmark]
    public int Similar_1000Movies()
    {
        var total = 0;
        foreach (var movie in _movies) total += _recommender.Similar(movie, 10).Count;
        return total;
    }

    /// <summary>What a user waits for: <c>movierec recommend --model FILE --user 414</c> as a process, .NET start-up included.</summary>
    [Benchmark]
    public int Process_RecommendWithModel()
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "movierec.dll"), "recommend", "--model", _bundle, "--user", "414" }) start.ArgumentList.Add(a);
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output.Length : throw new InvalidOperationException(process.StandardError.ReadToEnd());
    }

    [Benchmark]
    public int Top10_Svd_OneUser() => _recommender.Recommend(414, RecommenderEngine.Svd).Count;

    [Benchmark]
    public int Top10_Ml_OneUser() => _recommender.Recommend(414, RecommenderEngine.Ml).Count;

    [Benchmark]
    public int Top10_Hybrid_OneUser() => _recommender.Recommend(414, RecommenderEngine.Hybrid).Count;

    [Benchmark]
    public int Similar_OneMovie() => _recommender.Similar(1, 10).Count;

    [Benchmark]
    public int Top10_Svd_AllUsers()
    {
        var total = 0;
        foreach (var user in _recommender.Ratings.UserIds) total += _recommender.Recommend(user, RecommenderEngine.Svd).Count;
        return total;
    }
}

/// <summary><c>movierec recommend --model</c> and <c>similar --model</c> as processes, on a quiet machine and while two
/// other processes keep both cores busy. Target: the busy time under 3x the quiet time.</summary>
[MedianColumn]
public class QueryUnderLoadBenchmarks
{
    private readonly List<System.Diagnostics.Process> _hogs = [];
    private string _bundle = null!;

    /// <summary>Whether two busy-looping processes run beside the query.</summary>
    [Params(false, true)]
    public bool Busy { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var ds = MovieLensLoader.Load(BenchPaths.MlLatestSmall);
        var clean = DataCleaning.Clean(ds, MovieMetadataLoader.Load(BenchPaths.TmdbMetadata, ds.Links));
        _bundle = Path.Combine(Path.GetTempPath(), $"movierec-load-{Environment.ProcessId}.movierec");
        MovieRecommender.Build(RatingDataset.From(clean.Ratings, clean.Movies, ds.Tags)).Save(_bundle);
        if (!Busy) return;
        for (var i = 0; i < Environment.ProcessorCount; i++)
        {
            _hogs.Add(System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("sh", ["-c", "while :; do :; done"]) { UseShellExecute = false })!);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var hog in _hogs)
        {
            hog.Kill();
            hog.Dispose();
        }

        File.Delete(_bundle);
    }

    [Benchmark]
    public int Recommend_Hybrid() => Run("recommend", "--user", "414", "--engine", "hybrid");

    [Benchmark]
    public int Similar() => Run("similar", "--movie", "matrix");

    private int Run(params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])[Path.Combine(AppContext.BaseDirectory, "movierec.dll"), args[0], "--model", _bundle, .. args[1..]]) start.ArgumentList.Add(a);
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output.Length : throw new InvalidOperationException(process.StandardError.ReadToEnd());
    }
}
