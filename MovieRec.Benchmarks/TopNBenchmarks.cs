using MovieRec.Synthetic;

namespace MovieRec.Benchmarks;

/// <summary>
/// Top-10 for every user of a PureSVD model (k = 64) on a generated set of 16,000 users × 56,433 rated movies: the
/// blocked product of <see cref="Scoring.Recommend"/> against one dense score row and one selection per user (the path it
/// replaced, kept here as the baseline). 2·k flops per (user, movie) score.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MedianColumn]
[ThroughputColumns]
public class TopNBenchmarks
{
    private const double Scores = 16_000.0 * 56_433;

    private PureSvdModel _model = null!;
    private RatingDataset _set = null!;

    [GlobalSetup]
    public void Setup()
    {
        var data = SyntheticDataGenerator.Generate(new SyntheticOptions { Users = 16_000, Movies = 59_000, Ratings = 2_000_000, GenomeMovies = 10, Seed = 3 });
        _set = RatingDataset.From(data.Ratings);
        if (_set.UserIds.Count * (double)_set.ItemIds.Count != Scores) throw new InvalidOperationException($"The generator changed: {_set.UserIds.Count} × {_set.ItemIds.Count}; update Scores.");
        _model = new PureSvd(new PureSvdOptions { Factors = 64, CenterByUserMean = false }).Fit(_set);
    }

    /// <summary>Blocked: 4×16 register tiles, selection fused in.</summary>
    [Benchmark(Baseline = true)]
    [Throughput(Scores, 128, "scores")]
    public int Blocked_Top10_AllUsers() => Scoring.Recommend(_model, _set.UserIds, 10).Rows.Count > 0 ? 1 : 0;

    /// <summary>One score row (k vectorized passes over the items) and one heap selection per user, users on all cores.</summary>
    [Benchmark]
    [Throughput(Scores, 128, "scores")]
    public int PerUser_Top10_AllUsers()
    {
        var total = 0;
        Parallel.For(0, _set.UserIds.Count, () => new float[_set.ItemIds.Count], (u, _, row) =>
        {
            _model.ScoreDense(u, row);
            Interlocked.Add(ref total, TopK.Select(row, 10, _set.ItemsOf(u)).Length);
            return row;
        }, _ => { });
        return total;
    }
}
