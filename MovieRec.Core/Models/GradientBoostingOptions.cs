using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace MovieRec.Models;

/// <summary>ML.NET FastTree (gradient-boosted trees).</summary>
public sealed record GradientBoostingOptions : BoostedTreeOptions
{
    /// <inheritdoc />
    public override ClassifierKind Kind => ClassifierKind.GradientBoosting;

    internal override IEstimator<ITransformer> CreateEstimator(MLContext ml) => ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
    {
        NumberOfTrees = Trees, NumberOfLeaves = Leaves, LearningRate = LearningRate, MinimumExampleCountPerLeaf = MinExamplesPerLeaf,
        FeatureFraction = FeatureFraction, Seed = Seed, NumberOfThreads = Threads,
    });
}
