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
}
