namespace MovieRec.Benchmarks;

/// <summary>
/// <see cref="TopK.Select"/> over one user's score row: 9,742 movies (ml-latest-small's catalog), the top 10, with and
/// without the user's ~165 rated movies excluded. Scores are drawn once, normally distributed, as a factor model's are.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[ThroughputColumns]
public class TopKBenchmarks
{
    private const int Movies = 9_742;

    private float[] _scores = null!;
    private int[] _seen = null!;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(7);
        _scores = [.. Enumerable.Range(0, Movies).Select(_ => (float)(Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble())))];
        _seen = [.. Enumerable.Range(0, Movies).Where(_ => rng.Next(59) == 0)];
    }

    /// <summary>Top 10 of the row.</summary>
    [Benchmark]
    [Throughput(Movies, 1, "scores")]
    public int[] Top10() => TopK.Select(_scores, 10);

    /// <summary>Top 10 of the row, the seen movies excluded.</summary>
    [Benchmark]
    [Throughput(Movies, 1, "scores")]
    public int[] Top10_ExcludingSeen() => TopK.Select(_scores, 10, _seen);
}
