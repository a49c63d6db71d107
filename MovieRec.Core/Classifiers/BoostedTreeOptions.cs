namespace MovieRec.Classifiers;

/// <summary>What the boosting families (<see cref="GradientBoostingOptions"/>, <see cref="LightGbmOptions"/>) add to the
/// tree options: a learning rate.</summary>
public abstract record BoostedTreeOptions : TreeClassifierOptions
{
    /// <summary>The families are this library's (<see cref="ClassifierEstimators"/> builds each one's ML.NET estimator).</summary>
    private protected BoostedTreeOptions()
    {
    }

    /// <summary>Boosting learning rate.</summary>
    public double LearningRate { get; init; } = Defaults.LearningRate;

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, double> Hyperparameters() => new Dictionary<string, double>
    {
        ["trees"] = Trees, ["leaves"] = Leaves, ["learningRate"] = LearningRate, ["minLeaf"] = MinExamplesPerLeaf, ["featureFraction"] = FeatureFraction,
    };
}
