using MovieRec.Evaluation;
using MovieRec.LinearAlgebra;
using MovieRec.Recommendations;

namespace MovieRec.Benchmarks;

/// <summary>
/// The other CF algorithms on ml-latest-small (biased MF has its own class, <see cref="BiasedMFBenchmarks"/>), each with
/// its rate: the work of one invocation counted from the algorithm's loops (the constants below, checked against the
/// data in <see cref="Setup"/>) over the median time, next to one core's float32 FMA peak.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[ThroughputColumns]
public class CollaborativeFilteringBenchmarks
{
    // ml-latest-small: users, rated movies, ratings, and Σ_u n_u(n_u − 1), the (movie, co-rated movie) pairs item k-NN visits.
    private const double Users = 610, Items = 9_724, Ratings = 100_836, CoRatings = 60_793_300;

    // Implicit ALS at its defaults: k factors, s CG steps, e epochs. A half-pass over rows R with the other side O costs the
    // Gram YᵀY (k² O), per row s + 1 products with it (2k² each) and per rating s + 1 dots and axpys (4k each).
    private const double AlsK = ImplicitAlsOptions.Defaults.Factors, AlsSteps = ImplicitAlsOptions.Defaults.ConjugateGradientSteps, AlsEpochs = ImplicitAlsOptions.Defaults.Epochs;
    private const double AlsFlops = AlsEpochs * ((AlsK * AlsK * (Users + Items) * (1 + (2 * (AlsSteps + 1)))) + (8 * AlsK * Ratings * (AlsSteps + 1)));

    // EASE at its defaults: the inverse of the n × n Gram matrix is n³/2 multiply-adds (in double).
    private const double EaseN = EaseOptions.Defaults.MaxItems, EaseMultiplyAdds = EaseN * EaseN * EaseN / 2;

    // SVD++ (Surprise's SVDpp defaults, k = 20): per rating the dot z·q_i (2k) and the four factor updates (19k), plus per
    // rating of the user the implicit sum and the deferred y_j update (4k); five folds of 4/5 of the ratings.
    private const double SvdppK = SvdPlusPlusOptions.Defaults.Factors, SvdppEpochs = SvdPlusPlusOptions.Defaults.Epochs;

    // BPR at its defaults: per triple two dots (4k), the p_u update (6k) and the q_i, q_j updates (10k).
    private const double BprK = BprOptions.Defaults.Factors, BprEpochs = BprOptions.Defaults.Epochs;

    private IReadOnlyList<TrainTestSplit> _folds = null!;
    private RatingDataset _all = null!;
    private double[] _gram = null!;
    private double[] _inverse = null!;

    /// <summary>Loads the ratings, checks the work constants against them and prepares EASE's Gram matrix.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var ratings = MovieLensLoader.Load(BenchPaths.MlLatestSmall).Ratings;
        _folds = Splitters.KFold(ratings, 5, seed: 42);
        _all = RatingDataset.From(ratings);
        long pairs = 0;
        for (var u = 0; u < _all.UserIds.Count; u++) pairs += (long)_all.ItemsOf(u).Length * (_all.ItemsOf(u).Length - 1);
        if (_all.UserIds.Count != Users || _all.ItemIds.Count != Items || _all.Count != Ratings || pairs != CoRatings)
        {
            throw new InvalidOperationException($"The work constants describe another dataset: {_all.UserIds.Count} users, {_all.ItemIds.Count} movies, {_all.Count} ratings, {pairs} co-rated pairs.");
        }

        _gram = Ease.Gram(_all, new EaseOptions()).Gram;
        _inverse = new double[_gram.Length];
    }

    /// <summary>PureSVD (k = 50, randomized SVD with 4 power iterations) on all ratings (its sparse products: <see cref="SparseProductBenchmarks"/>).</summary>
    [Benchmark]
    public IDenseScorer PureSvd_Fit() => new PureSvd().Fit(_all);

    /// <summary>Item k-NN similarity lists on all ratings: one multiply-add per (movie, co-rated movie, user), in double.</summary>
    [Benchmark]
    [Throughput(CoRatings, 2, "co-ratings")]
    public IDenseScorer ItemKnn_Fit() => new ItemKnn().Fit(_all);

    /// <summary>SVD++ with Surprise's SVDpp defaults, 5-fold CV, fit and RMSE (Surprise's SVDpp: 297 s).</summary>
    [Benchmark]
    [Throughput(SvdppEpochs * 4 * Ratings, 25 * SvdppK, "ratings")]
    public double SvdPlusPlus_5Fold_FitAndTest() => FiveFold(AlgorithmRegistry.Create("svd++"));

    /// <summary>BPR-MF at its defaults (32 factors, 40 epochs of as many triples as ratings) on all ratings.</summary>
    [Benchmark]
    [Throughput(BprEpochs * Ratings, 20 * BprK, "triples")]
    public IDenseScorer Bpr_Fit() => new Bpr().Fit(_all);

    /// <summary>EASE^R (1,500 most-rated movies, λ 250) on all ratings: the Gram matrix and its blocked inverse (counted: the inverse's multiply-adds).</summary>
    [Benchmark]
    [Throughput(EaseMultiplyAdds, 2, "multiply-adds")]
    public IDenseScorer Ease_Fit() => new Ease().Fit(_all);

    /// <summary>EASE with session rows (<see cref="AlgorithmRegistry.SessionEase"/>: sessions of 20, γ 2, λ 750) on all ratings: the
    /// time order, the Gram matrix with the sessions' co-ratings, and the same inverse.</summary>
    [Benchmark]
    [Throughput(EaseMultiplyAdds, 2, "multiply-adds")]
    public IDenseScorer EaseSessions_Fit() => new Ease(AlgorithmRegistry.SessionEase).Fit(_all);

    /// <summary>EASE's inverse alone: the 1,500 × 1,500 Gram matrix inverted in place on both cores, in double.</summary>
    [Benchmark]
    [Throughput(EaseMultiplyAdds, 2, "multiply-adds")]
    public double[] Ease_Inverse()
    {
        _gram.CopyTo(_inverse, 0);
        SpdInverse.Invert(_inverse, (int)EaseN, Environment.ProcessorCount);
        return _inverse;
    }

    /// <summary>Implicit ALS (128 factors, 15 epochs, 3 CG steps) on all ratings; an item is a rating visited in a half-pass.</summary>
    [Benchmark]
    [Throughput(AlsEpochs * 2 * Ratings, AlsFlops / (AlsEpochs * 2 * Ratings), "ratings")]
    public IDenseScorer ImplicitAls_Fit() => new ImplicitAls().Fit(_all);

    private double FiveFold(IRecommenderAlgorithm<IDenseScorer> algorithm) => BiasedMFBenchmarks.FiveFold(_folds, algorithm);
}
