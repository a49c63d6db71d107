using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace MovieRec.Models;

/// <summary>Builds the ML.NET estimator of a classifier family with given hyperparameters (Label → Probability).</summary>
internal static class ClassifierFactory
{
    public static IEstimator<ITransformer> Create(MLContext ml, ClassifierKind kind, ClassifierParameters p, int seed) => kind switch
    {
        ClassifierKind.LogisticRegression => ml.Transforms.NormalizeMeanVariance("Features")
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                L1Regularization = p.L1Regularization, L2Regularization = p.L2Regularization, MaximumNumberOfIterations = 200, NumberOfThreads = p.Threads,
            })),
        ClassifierKind.RandomForest => ml.BinaryClassification.Trainers.FastForest(new FastForestBinaryTrainer.Options
        {
            NumberOfTrees = p.Trees, NumberOfLeaves = p.Leaves, MinimumExampleCountPerLeaf = p.MinExamplesPerLeaf,
            FeatureFraction = p.FeatureFraction, Seed = seed, NumberOfThreads = p.Threads,
        }).Append(ml.BinaryClassification.Calibrators.Platt()),
        ClassifierKind.GradientBoosting => ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = p.Trees, NumberOfLeaves = p.Leaves, LearningRate = p.LearningRate, MinimumExampleCountPerLeaf = p.MinExamplesPerLeaf,
            FeatureFraction = p.FeatureFraction, Seed = seed, NumberOfThreads = p.Threads,
        }),
        _ => ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
        {
            NumberOfIterations = p.Trees, NumberOfLeaves = p.Leaves, LearningRate = p.LearningRate, MinimumExampleCountPerLeaf = p.MinExamplesPerLeaf,
            Booster = new GradientBooster.Options { FeatureFraction = p.FeatureFraction }, Seed = seed, Silent = true, Verbose = false, NumberOfThreads = p.Threads,
        }),
    };
}
