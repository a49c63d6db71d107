using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace MovieRec.Models;

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

    internal override IEstimator<ITransformer> CreateEstimator(MLContext ml) => ml.BinaryClassification.Trainers.FastForest(new FastForestBinaryTrainer.Options
    {
        NumberOfTrees = Trees, NumberOfLeaves = Leaves, MinimumExampleCountPerLeaf = MinExamplesPerLeaf,
        FeatureFraction = FeatureFraction, Seed = Seed, NumberOfThreads = Threads,
    }).Append(ml.BinaryClassification.Calibrators.Platt());
}
