namespace MovieRec.Recommendations;

/// <summary>Algorithms by name, as <c>movierec evaluate --algorithms</c> and the notebooks name them: the
/// collaborative-filtering algorithms and the engines of <see cref="MovieRecommender"/> (ml, content, hybrid). It sits with
/// the engines, above everything it names; the blends resolve their component names through its collaborative-filtering part.</summary>
public static class AlgorithmRegistry
{
    /// <summary>The tuned biased-MF options: the best RMSE of a 24-candidate grid search (5-fold CV, ml-latest-small).</summary>
    public static BiasedMFOptions TunedBiasedMF => BuiltInAlgorithms.TunedBiasedMF;

    /// <summary>The sequence k-NN options that are best inside <see cref="Blend"/>: the blend's <see cref="TuningGrid"/>
    /// (window 50/200, decay 0.5/1, normalization 0.4/0.5, 200/400 neighbours for its seqknn-blend component), scored on a
    /// validation split of the recommenders protocol's training part (ml-latest-small), with <c>ease-sessions</c> among the
    /// components. Alone, <see cref="SequenceKnnOptions.Defaults"/> rank better.</summary>
    public static SequenceKnnOptions BlendSequenceKnn => BuiltInAlgorithms.BlendSequenceKnn;

    /// <summary>The EASE options with sessions (<see cref="EaseOptions.SessionLength"/>) that are best on validation: the
    /// <c>ease-sessions</c> <see cref="TuningGrid"/> (sessions of 5/10/20/40 ratings, γ 1/2/4, λ 250/500/750/1000, the
    /// 1,500 most-rated movies), scored on a validation split of the recommenders protocol's training part
    /// (ml-latest-small; <c>movierec tune --algorithm ease-sessions</c>).</summary>
    public static EaseOptions SessionEase => BuiltInAlgorithms.SessionEase;

    /// <summary>Every name with what it creates: the collaborative-filtering algorithms, then the engines of
    /// <see cref="MovieRecommender"/>.</summary>
    public static IReadOnlyDictionary<string, string> Descriptions { get; } = new Dictionary<string, string>(BuiltInAlgorithms.Descriptions, StringComparer.Ordinal)
    {
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
        _ when BuiltInAlgorithms.Descriptions.ContainsKey(name) => BuiltInAlgorithms.Create(name, seed),
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
