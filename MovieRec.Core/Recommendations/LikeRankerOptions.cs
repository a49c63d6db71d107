namespace MovieRec.Recommendations;

/// <summary>Options of <see cref="LikeRanker"/> (the ML engine).</summary>
public sealed record LikeRankerOptions
{
    /// <summary>Seed of the validation split, the classifier and the features' text and genome SVDs.</summary>
    public int Seed { get; init; } = RecommenderOptions.Defaults.Seed;

    /// <summary>The features the classifier reads.</summary>
    public FeatureOptions Features { get; init; } = RecommenderOptions.DefaultFeatures;

    /// <summary>The classifiers to choose from by validation (<see cref="ClassifierSelection"/>); with one, it is used without validation.</summary>
    public IReadOnlyList<ClassifierCandidate> Classifiers { get; init; } = RecommenderOptions.DefaultClassifiers;

    /// <summary>Share of each user's training ratings held out to choose the classifier (never test ratings).</summary>
    public double ValidationFraction { get; init; } = RecommenderOptions.Defaults.ValidationFraction;

    /// <summary>Exponent a of the popularity prior: score = P(like | rated) · ((n + 1) / U)^a (see <see cref="RecommenderOptions.PopularityPrior"/>).</summary>
    public double PopularityPrior { get; init; } = RecommenderOptions.Defaults.PopularityPrior;

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
