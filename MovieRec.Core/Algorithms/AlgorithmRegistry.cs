using MovieRec.Recommendations;
using static System.FormattableString;

namespace MovieRec.Algorithms;

/// <summary>Algorithms by name, as <c>movierec evaluate --algorithms</c> and the notebooks name them.</summary>
public static class AlgorithmRegistry
{
    /// <summary>The tuned biased-MF options: the best RMSE of a 24-candidate grid search (5-fold CV, ml-latest-small).</summary>
    public static BiasedMFOptions TunedBiasedMF { get; } = new() { Factors = 64, Epochs = 25, LearningRate = 0.015, Regularization = 0.08 };

    /// <summary>The sequence k-NN options that are best inside <see cref="Blend"/>: the blend's <see cref="TuningGrid"/>
    /// (window 50/200, decay 0.5/1, normalization 0.4/0.5, 200/400 neighbours for its seqknn-blend component), scored on a
    /// validation split of the recommenders protocol's training part (ml-latest-small), with <c>ease-sessions</c> among the
    /// components. Alone, <see cref="SequenceKnnOptions.Defaults"/> rank better.</summary>
    public static SequenceKnnOptions BlendSequenceKnn { get; } = new() { Window = 50, Decay = 1, Normalization = 0.5, Neighbors = 200 };

    /// <summary>The EASE options with sessions (<see cref="EaseOptions.SessionLength"/>) that are best on validation: the
    /// <c>ease-sessions</c> <see cref="TuningGrid"/> (sessions of 5/10/20/40 ratings, γ 1/2/4, λ 250/500/750/1000, the
    /// 1,500 most-rated movies), scored on a validation split of the recommenders protocol's training part
    /// (ml-latest-small; <c>movierec tune --algorithm ease-sessions</c>).</summary>
    public static EaseOptions SessionEase { get; } = new() { SessionLength = 20, SessionWeight = 2, Regularization = 750 };

    /// <summary>Every name with what it creates.</summary>
    public static IReadOnlyDictionary<string, string> Descriptions { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["globalmean"] = "the training mean for every rating",
        ["bias"] = "μ + b_u + b_i by ALS (Surprise BaselineOnly defaults)",
        ["popular"] = "most rated movies first (top-N only)",
        ["biasedmf"] = "biased MF / Funk SVD with Surprise's SVD defaults (100 factors, 20 epochs, lr 0.005, reg 0.02)",
        ["biasedmf-tuned"] = "biased MF with 64 factors, 25 epochs, lr 0.015, reg 0.08",
        ["puresvd"] = "PureSVD of the user-mean-centred matrix, 50 factors",
        ["puresvd-raw"] = "PureSVD of the raw matrix (the top-N variant), 50 factors",
        ["itemknn"] = "item k-NN, cosine, 40 neighbours, shrinkage 25",
        ["ease"] = Invariant($"EASE^R closed-form item-item autoencoder (Steck 2019), λ {EaseOptions.Defaults.Regularization}, the {EaseOptions.Defaults.MaxItems:N0} most-rated movies"),
        ["ease-sessions"] = Invariant($"EASE^R whose Gram matrix also counts each user's sessions ({SessionEase.SessionLength} consecutive ratings in time order) with weight {SessionEase.SessionWeight}, λ {SessionEase.Regularization}, the {SessionEase.MaxItems:N0} most-rated movies"),
        ["als"] = Invariant($"implicit ALS (Hu et al. 2008) with conjugate-gradient updates (Takács et al. 2011), {ImplicitAlsOptions.Defaults.Factors} factors, λ {ImplicitAlsOptions.Defaults.Regularization}, α {ImplicitAlsOptions.Defaults.Alpha}"),
        ["bpr"] = Invariant($"BPR-MF (Rendle et al. 2009), {BprOptions.Defaults.Factors} factors, {BprOptions.Defaults.Epochs} epochs, λ {BprOptions.Defaults.Regularization}, uniformly sampled negatives"),
        ["seqknn"] = Invariant($"item k-NN over time-adjacent ratings (session-based k-NN, Ludewig & Jannach 2018): window {SequenceKnnOptions.Defaults.Window}, decay d^-{SequenceKnnOptions.Defaults.Decay}, normalization (n_i n_j)^{SequenceKnnOptions.Defaults.Normalization}, {SequenceKnnOptions.Defaults.Neighbors} neighbours"),
        ["seqknn-blend"] = "seqknn with the options best inside the blend: window 50, decay d^-1, normalization (n_i n_j)^0.5, 200 neighbours",
        ["blend"] = "a blend of ease-sessions, seqknn-blend, als, itemknn and popular, standardized per user, weights tuned for NDCG@10 on a validation split of training",
        ["ratingblend"] = "linear stacking of biasedmf-tuned, svd++, itemknn and bias (rating prediction), weights by ridge regression on a validation split of training",
        ["svd++"] = Invariant($"SVD++ (Koren 2008) with Surprise's SVDpp defaults ({SvdPlusPlusOptions.Defaults.Factors} factors, {SvdPlusPlusOptions.Defaults.Epochs} epochs, lr {SvdPlusPlusOptions.Defaults.LearningRate}, reg {SvdPlusPlusOptions.Defaults.Regularization})"),
        ["ml"] = "MovieRecommender's ML engine: the like classifier chosen by validation times a popularity prior (needs the movies table)",
        ["content"] = "content ranker (MovieRecommender's content engine): cosine with the centroid of the user's liked movies in the similarity space (needs the movies table)",
        ["hybrid"] = "MovieRecommender's hybrid engine: PureSVD, the like probability and content, blended with weights learned on validation (needs the movies table)",
    };

    /// <summary>The names whose algorithm needs the movies table (<see cref="Create(string, int, DataFrame?, DataFrame?, GenomeMatrix?)"/>):
    /// the engines of <see cref="MovieRecommender"/>.</summary>
    public static IReadOnlySet<string> NeedMovies { get; } = new HashSet<string>(["ml", "content", "hybrid"], StringComparer.Ordinal);

    /// <summary>Creates the algorithms named <paramref name="names"/>, in that order (for <see cref="Evaluation.Evaluator.Compare"/>).</summary>
    /// <exception cref="ArgumentException">An unknown or repeated name.</exception>
    public static OrderedDictionary<string, IRecommenderAlgorithm<IDenseScorer>> Create(IEnumerable<string> names, int seed = 42, DataFrame? movies = null, DataFrame? tags = null, GenomeMatrix? genome = null)
    {
        ArgumentNullException.ThrowIfNull(names);
        var created = new OrderedDictionary<string, IRecommenderAlgorithm<IDenseScorer>>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (!created.TryAdd(name, Create(name, seed, movies, tags, genome))) throw new ArgumentException($"Algorithm '{name}' is named twice.", nameof(names));
        }

        return created;
    }

    /// <summary>Creates the algorithm named <paramref name="name"/>.</summary>
    /// <param name="name">A key of <see cref="Descriptions"/>.</param>
    /// <param name="seed">Seed of the algorithm.</param>
    /// <param name="movies">The cleaned movies table, for the names in <see cref="NeedMovies"/>.</param>
    /// <param name="tags">Tags for their features (optional).</param>
    /// <param name="genome">Genome for their features (optional).</param>
    /// <exception cref="ArgumentException">Unknown name (the message lists the known ones), or an engine without movies.</exception>
    public static IRecommenderAlgorithm<IDenseScorer> Create(string name, int seed = 42, DataFrame? movies = null, DataFrame? tags = null, GenomeMatrix? genome = null) => name switch
    {
        "ml" or "content" or "hybrid" when movies is null =>
            throw new ArgumentException($"'{name}' is an engine of MovieRecommender and needs the movies table: pass movies (movierec evaluate passes the dataset's).", nameof(movies)),
        "ml" => new LikeRanker(new LikeRankerOptions { Seed = seed }, movies, tags, genome),
        "content" => new ContentRanker(null, movies, tags, genome),
        "hybrid" => new HybridRanker(new RecommenderOptions { Seed = seed }, movies, tags, genome),
        "globalmean" => new GlobalMean(),
        "bias" => new Bias(),
        "popular" => new MostPopular(),
        "biasedmf" => new BiasedMF(new BiasedMFOptions { Seed = seed }),
        "biasedmf-tuned" => new BiasedMF(TunedBiasedMF with { Seed = seed }),
        "puresvd" => new PureSvd(new PureSvdOptions { Seed = seed }),
        "puresvd-raw" => new PureSvd(new PureSvdOptions { CenterByUserMean = false, Seed = seed }),
        "itemknn" => new ItemKnn(),
        "ease" => new Ease(),
        "ease-sessions" => new Ease(SessionEase),
        "seqknn" => new SequenceKnn(),
        "seqknn-blend" => new SequenceKnn(BlendSequenceKnn),
        "als" => new ImplicitAls(new ImplicitAlsOptions { Seed = seed }),
        "bpr" => new Bpr(new BprOptions { Seed = seed }),
        "blend" => new Blend(new BlendOptions { Seed = seed }),
        "svd++" => new SvdPlusPlus(new SvdPlusPlusOptions { Seed = seed }),
        "ratingblend" => new RatingBlend(new RatingBlendOptions { Seed = seed }),
        _ => throw new ArgumentException($"Unknown algorithm '{name}'. Known: {string.Join(", ", Descriptions.Keys)}.", nameof(name)),
    };

    /// <summary>The algorithms with a tuning grid (<see cref="TuningGrid(string, int)"/>).</summary>
    public static IReadOnlyList<string> Tunable { get; } = ["ease", "ease-sessions", "seqknn", "blend", "als", "bpr", "biasedmf", "svd++", "itemknn", "ratingblend"];

    /// <summary>
    /// The grid the defaults of <paramref name="name"/> were chosen from, for <see cref="Evaluation.Evaluator.GridSearch(Func{IReadOnlyDictionary{string, double}, IRecommenderAlgorithm{IDenseScorer}}, IReadOnlyDictionary{string, double[]}, IReadOnlyList{Evaluation.TrainTestSplit}, string, Evaluation.EvaluationOptions?, IProgress{ValueTuple{int, int}}?, CancellationToken)"/>:
    /// a factory from parameter values and the values of each parameter (named as the options' properties).
    /// </summary>
    /// <remarks><c>movierec tune --algorithm NAME</c> runs it on a validation split carved from the training part of a split.</remarks>
    /// <exception cref="ArgumentException">No grid for that name (the message lists those with one).</exception>
    public static (Func<IReadOnlyDictionary<string, double>, IRecommenderAlgorithm<IDenseScorer>> Factory, IReadOnlyDictionary<string, double[]> Grid) TuningGrid(string name, int seed = 42) => name switch
    {
        "ease" => (p => new Ease(new EaseOptions { Regularization = p["Regularization"], MaxItems = (int)p["MaxItems"] }),
            new Dictionary<string, double[]> { ["Regularization"] = [100, 250, 500, 1000], ["MaxItems"] = [1500, 2500, 4000] }),
        "ease-sessions" => (p => new Ease(SessionEase with { SessionLength = (int)p["SessionLength"], SessionWeight = p["SessionWeight"], Regularization = p["Regularization"] }),
            new Dictionary<string, double[]> { ["SessionLength"] = [5, 10, 20, 40], ["SessionWeight"] = [1, 2, 4], ["Regularization"] = [250, 500, 750, 1000] }),
        "seqknn" => (p => new SequenceKnn(new SequenceKnnOptions { Window = (int)p["Window"], Decay = p["Decay"], Normalization = p["Normalization"], Neighbors = (int)p["Neighbors"] }),
            new Dictionary<string, double[]> { ["Window"] = [20, 50, 200], ["Decay"] = [0.5, 1], ["Normalization"] = [0.3, 0.4, 0.5], ["Neighbors"] = [200, 400, 1000] }),
        "als" => (p => new ImplicitAls(new ImplicitAlsOptions { Factors = (int)p["Factors"], Regularization = p["Regularization"], Alpha = p["Alpha"], Seed = seed }),
            new Dictionary<string, double[]> { ["Factors"] = [32, 128], ["Regularization"] = [1, 10, 30, 100], ["Alpha"] = [0.5, 1, 5] }),
        "bpr" => (p => new Bpr(new BprOptions { Factors = (int)p["Factors"], LearningRate = p["LearningRate"], Regularization = p["Regularization"], Seed = seed }),
            new Dictionary<string, double[]> { ["Factors"] = [16, 32, 64], ["LearningRate"] = [0.02, 0.05], ["Regularization"] = [0.005, 0.02, 0.05, 0.1] }),
        "biasedmf" => (p => new BiasedMF(new BiasedMFOptions { Factors = (int)p["Factors"], Epochs = (int)p["Epochs"], LearningRate = p["LearningRate"], Regularization = p["Regularization"], Seed = seed }),
            new Dictionary<string, double[]> { ["Factors"] = [32, 64], ["Epochs"] = [20, 25], ["LearningRate"] = [0.005, 0.015], ["Regularization"] = [0.02, 0.05, 0.08] }),
        "svd++" => (p => new SvdPlusPlus(new SvdPlusPlusOptions { Factors = (int)p["Factors"], LearningRate = p["LearningRate"], Regularization = p["Regularization"], Seed = seed }),
            new Dictionary<string, double[]> { ["Factors"] = [20, 50], ["LearningRate"] = [0.005, 0.007], ["Regularization"] = [0.02, 0.05] }),
        "blend" => (p => new Blend(new BlendOptions
        {
            Seed = seed,
            Create = (component, s) => component == "seqknn-blend"
                ? new SequenceKnn(new SequenceKnnOptions { Window = (int)p["Window"], Decay = p["Decay"], Normalization = p["Normalization"], Neighbors = (int)p["Neighbors"] })
                : Create(component, s),
        }),
            new Dictionary<string, double[]> { ["Window"] = [50, 200], ["Decay"] = [0.5, 1], ["Normalization"] = [0.4, 0.5], ["Neighbors"] = [200, 400] }),
        "itemknn" => (p => new ItemKnn(new ItemKnnOptions { Neighbors = (int)p["Neighbors"], Shrinkage = p["Shrinkage"] }),
            new Dictionary<string, double[]> { ["Neighbors"] = [20, 40, 80], ["Shrinkage"] = [0, 25, 100] }),
        "ratingblend" => (p => new RatingBlend(new RatingBlendOptions { ValidationFraction = p["ValidationFraction"], Regularization = p["Regularization"], Seed = seed }),
            new Dictionary<string, double[]> { ["ValidationFraction"] = [0.05, 0.1, 0.2], ["Regularization"] = [0, 0.001, 0.01] }),
        _ => throw new ArgumentException($"No tuning grid for '{name}'. Tunable: {string.Join(", ", Tunable)}.", nameof(name)),
    };
}
