using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace MovieRec.Models;

/// <summary>ML.NET FastTree (gradient-boosted trees).</summary>
public sealed record GradientBoostingOptions : TreeClassifierOptions
{
    /// <inheritdoc />
    public override ClassifierKind Kind => ClassifierKind.GradientBoosting;

    /// <summary>Boosting learning rate.</summary>
    public double LearningRate { get; init; } = Defaults.LearningRate;

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, double> Hyperparameters() => new Dictionary<string, double>
    {
        ["trees"] = Trees, ["leaves"] = Leaves, ["learningRate"] = LearningRate, ["minLeaf"] = MinExamplesPerLeaf, ["featureFraction"] = FeatureFraction,
    };

    internal override IEstimator<ITransformer> CreateEstimator(MLContext ml) => ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
    {
        NumberOfTrees = Trees, NumberOfLeaves = Leaves, LearningRate = LearningRate, MinimumExampleCountPerLeaf = MinExamplesPerLeaf,
        FeatureFraction = FeatureFraction, Seed = Seed, NumberOfThreads = Threads,
    });
}
