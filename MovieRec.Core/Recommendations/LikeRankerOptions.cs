namespace MovieRec.Recommendations;

/// <summary>Options of <see cref="LikeRanker"/> (the ML engine).</summary>
public sealed record LikeRankerOptions
{
    /// <summary>Named defaults.</summary>
    public static class Defaults
    {
        /// <summary>Seed of the validation split, the classifier and the features' SVDs.</summary>
        public const int Seed = RecommenderOptions.Defaults.Seed;

        /// <summary>Share of each user's training ratings held out to choose the classifier.</summary>
        public const double ValidationFraction = 0.1;

        /// <summary>Exponent of the popularity prior (1: P(rated) · P(like | rated)).</summary>
        public const double PopularityPrior = 1.0;
    }

    /// <summary>Seed of the validation split, the classifier and the features' text and genome SVDs.</summary>
    public int Seed { get; init; } = Defaults.Seed;

    /// <summary>The features the classifier reads.</summary>
    public FeatureOptions Features { get; init; } = RecommenderOptions.DefaultFeatures;

    /// <summary>The classifiers to choose from by validation (<see cref="ClassifierSelection"/>); with one, it is used without
    /// validation. Default: logistic regression and a regularized LightGBM (the baseline LightGBM overfits, see
    /// <see cref="ClassifierCandidate.LightGbmRegularized"/>, and each candidate adds about a second to the fit).</summary>
    public IReadOnlyList<ClassifierCandidate> Classifiers { get; init; } = RecommenderOptions.DefaultClassifiers;

    /// <summary>Share of each user's training ratings held out to choose the classifier (never test ratings).</summary>
    public double ValidationFraction { get; init; } = Defaults.ValidationFraction;

    /// <summary>
    /// Exponent a of the popularity prior: score = P(like | rated) · ((n + 1) / U)^a, n the movie's training ratings and U
    /// the users. 0 ranks by the classifier alone.
    /// </summary>
    /// <remarks>The classifier learns P(like | rated) from rated pairs only, so it cannot say which unrated movies a user
    /// will watch; alone, it ranks one-rating movies first and ties them. (n + 1) / U estimates P(rated), so a = 1 gives
    /// P(rated and liked), what a top-N list is judged on, and shrinks movies with few ratings.</remarks>
    public double PopularityPrior { get; init; } = Defaults.PopularityPrior;

    /// <summary>Threads of every parallel part: the text and genome SVDs of the features and the classifiers (LightGBM's
    /// native threads included); null (the default) leaves each part its own default (<see cref="FeatureOptions.Threads"/>,
    /// <see cref="ClassifierOptions.Threads"/>).</summary>
    /// <remarks>The features and the tree families give the same result for any count; logistic regression's model depends
    /// on it (see <see cref="LogisticRegressionOptions()"/>), so a count set here is part of what a seed reproduces.</remarks>
    public int? Threads { get; init; }

    /// <summary><see cref="Features"/> with <see cref="Seed"/> and <see cref="Threads"/> for their randomized, parallel parts.</summary>
    internal FeatureOptions PartFeatures => Features.WithSeed(Seed).WithThreads(Threads);

    /// <summary>A candidate's classifier options with <see cref="Seed"/> and, when set, <see cref="Threads"/>.</summary>
    internal ClassifierOptions Classifier(ClassifierOptions options) =>
        Threads is { } t ? options with { Seed = Seed, Threads = ThreadCount.Check(t) } : options with { Seed = Seed };
}
