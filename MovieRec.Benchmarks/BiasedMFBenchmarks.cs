using MovieRec.Evaluation;
using MovieRec.Recommendations;

namespace MovieRec.Benchmarks;

/// <summary>
/// Biased MF (SGD) on ml-latest-small, with its rate: ratings processed per second and GFLOP/s (6k flops per rating:
/// 2k for p·q, 4k for the two factor updates) next to one core's FMA peak. Targets (issue 18): one epoch with 100 factors
/// ≤ 15 ms; 5-fold CV fit + test with Surprise's SVD defaults ≤ 0.45 s (Surprise: 4.5 s).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[ThroughputColumns]
public class BiasedMFBenchmarks
{
    // 100,836 ratings; each 5-fold training set holds 4/5 of them, so an epoch over all five folds sees 4 × 100,836.
    private const double Ratings = 100_836;
    private const double FiveFoldEpochRatings = 4 * Ratings;

    private IReadOnlyList<TrainTestSplit> _folds = null!;
    private BiasedMFTrainer _oneThread = null!;
    private BiasedMFTrainer _allCores = null!;

    [GlobalSetup]
    public void Setup()
    {
        var ratings = MovieLensLoader.Load(BenchPaths.MlLatestSmall).Ratings;
        _folds = Splitters.KFold(ratings, 5, seed: 42);
        var all = RatingDataset.From(ratings);
        _oneThread = BiasedMFTrainer.Prepare(all, new BiasedMFOptions { Threads = 1 });
        _allCores = BiasedMFTrainer.Prepare(all, new BiasedMFOptions());
    }

    /// <summary>One SGD epoch over all 100,836 ratings, 100 factors, one thread (the state is prepared once; epochs continue it).</summary>
    [Benchmark]
    [Throughput(Ratings, 600, "ratings")]
    public void BiasedMF_OneEpoch_100Factors_OneThread() => _oneThread.Epoch();

    /// <summary>The same epoch with the DSGD strata on all cores.</summary>
    [Benchmark]
    [Throughput(Ratings, 600, "ratings")]
    public void BiasedMF_OneEpoch_100Factors() => _allCores.Epoch();

    /// <summary>Surprise's SVD defaults (100 factors, 20 epochs), five folds: build each training set, fit, predict every test rating. Returns the mean RMSE.</summary>
    [Benchmark]
    [Throughput(20 * FiveFoldEpochRatings, 600, "ratings")]
    public double BiasedMFDefaults_5Fold_FitAndTest() => FiveFold(_folds, AlgorithmRegistry.Create("biasedmf"));

    /// <summary>The tuned biased MF (64 factors, 25 epochs), the same way.</summary>
    [Benchmark]
    [Throughput(25 * FiveFoldEpochRatings, 384, "ratings")]
    public double BiasedMFTuned_5Fold_FitAndTest() => FiveFold(_folds, AlgorithmRegistry.Create("biasedmf-tuned"));

    /// <summary>Mean test RMSE of <paramref name="algorithm"/> over <paramref name="folds"/> (no ranking metrics).</summary>
    internal static double FiveFold(IReadOnlyList<TrainTestSplit> folds, IRecommenderAlgorithm<IDenseScorer> algorithm)
    {
        var options = new EvaluationOptions { Ranking = false };
        return folds.Average(f => Evaluator.Evaluate(algorithm, f, options).Rmse);
    }
}
