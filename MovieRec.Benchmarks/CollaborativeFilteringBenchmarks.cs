using MovieRec.Evaluation;

namespace MovieRec.Benchmarks;

/// <summary>The other CF algorithms on ml-latest-small (biased MF has its own class, <see cref="BiasedMFBenchmarks"/>).</summary>
[MemoryDiagnoser]
[MedianColumn]
public class CollaborativeFilteringBenchmarks
{
    private IReadOnlyList<TrainTestSplit> _folds = null!;
    private RatingDataset _all = null!;

    [GlobalSetup]
    public void Setup()
    {
        var ratings = MovieLensLoader.Load(BenchPaths.MlLatestSmall).Ratings;
        _folds = Splitters.KFold(ratings, 5, seed: 42);
        _all = RatingDataset.From(ratings);
    }

    /// <summary>PureSVD (k = 50, randomized SVD with 4 power iterations) on all ratings.</summary>
    [Benchmark]
    public IDenseScorer PureSvd_Fit() => new PureSvd().Fit(_all);

    /// <summary>Item k-NN similarity lists on all ratings.</summary>
    [Benchmark]
    public IDenseScorer ItemKnn_Fit() => new ItemKnn().Fit(_all);

    /// <summary>SVD++ with Surprise's SVDpp defaults, 5-fold CV, fit and RMSE (Surprise's SVDpp: 297 s).</summary>
    [Benchmark]
    public double SvdPlusPlus_5Fold_FitAndTest() => FiveFold(AlgorithmCatalog.Create("svd++"));

    /// <summary>EASE^R (1,500 most-rated movies, λ 250) on all ratings: the Gram matrix and its blocked inverse.</summary>
    [Benchmark]
    public IDenseScorer Ease_Fit() => new Ease().Fit(_all);

    /// <summary>Implicit ALS (128 factors, 15 epochs, 3 CG steps) on all ratings.</summary>
    [Benchmark]
    public IDenseScorer ImplicitAls_Fit() => new ImplicitAls().Fit(_all);

    private double FiveFold(IRecommenderAlgorithm<IDenseScorer> algorithm) => BiasedMFBenchmarks.FiveFold(_folds, algorithm);
}
