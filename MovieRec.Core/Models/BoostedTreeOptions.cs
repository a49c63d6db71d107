namespace MovieRec.Models;

/// <summary>What the boosting families (<see cref="GradientBoostingOptions"/>, <see cref="LightGbmOptions"/>) add to the
/// tree options: a learning rate.</summary>
public abstract record BoostedTreeOptions : TreeClassifierOptions
{
    /// <summary>Boosting learning rate.</summary>
    public double LearningRate { get; init; } = Defaults.LearningRate;

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, double> Hyperparameters() => new Dictionary<string, double>
    {
        ["trees"] = Trees, ["leaves"] = Leaves, ["learningRate"] = LearningRate, ["minLeaf"] = MinExamplesPerLeaf, ["featureFraction"] = FeatureFraction,
    };
}
