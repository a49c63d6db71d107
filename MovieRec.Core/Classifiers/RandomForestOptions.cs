namespace MovieRec.Classifiers;

/// <summary>ML.NET FastForest (a random forest), Platt-calibrated to probabilities.</summary>
public sealed record RandomForestOptions : TreeClassifierOptions
{
    /// <inheritdoc />
    public override ClassifierKind Kind => ClassifierKind.RandomForest;

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, double> Hyperparameters() => new Dictionary<string, double>
    {
        ["trees"] = Trees, ["leaves"] = Leaves, ["minLeaf"] = MinExamplesPerLeaf, ["featureFraction"] = FeatureFraction,
    };
}
