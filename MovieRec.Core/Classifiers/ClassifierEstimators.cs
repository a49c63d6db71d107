using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace MovieRec.Classifiers;

/// <summary>
/// The ML.NET estimator (Features, Label → Probability) of each classifier family's options. Kept out of the options
/// records, which are plain data: reading options (a bundle's header, a JSON file) loads no ML.NET assembly.
/// </summary>
internal static class ClassifierEstimators
{
    /// <summary>The estimator of <paramref name="options"/>' family with its hyperparameters, seed and threads.</summary>
    /// <remarks>LightGBM's OpenMP threads wait passively (<see cref="NativeThreads"/>).</remarks>
    public static IEstimator<ITransformer> Create(ClassifierOptions options, MLContext ml) => options switch
    {
        LogisticRegressionOptions o => ml.Transforms.NormalizeMeanVariance("Features")
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                L1Regularization = (float)o.L1Regularization, L2Regularization = (float)o.L2Regularization, MaximumNumberOfIterations = o.MaximumIterations, NumberOfThreads = o.Threads,
            })),
        RandomForestOptions o => ml.BinaryClassification.Trainers.FastForest(new FastForestBinaryTrainer.Options
        {
            NumberOfTrees = o.Trees, NumberOfLeaves = o.Leaves, MinimumExampleCountPerLeaf = o.MinExamplesPerLeaf,
            FeatureFraction = o.FeatureFraction, Seed = o.Seed, NumberOfThreads = o.Threads,
        }).Append(ml.BinaryClassification.Calibrators.Platt()),
        GradientBoostingOptions o => ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = o.Trees, NumberOfLeaves = o.Leaves, LearningRate = o.LearningRate, MinimumExampleCountPerLeaf = o.MinExamplesPerLeaf,
            FeatureFraction = o.FeatureFraction, Seed = o.Seed, NumberOfThreads = o.Threads,
        }),
        LightGbmOptions o => LightGbm(o, ml),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.GetType().Name, "Unknown classifier family."),
    };

    private static IEstimator<ITransformer> LightGbm(LightGbmOptions o, MLContext ml)
    {
        NativeThreads.PreferPassiveWait();
        return ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
        {
            NumberOfIterations = o.Trees, NumberOfLeaves = o.Leaves, LearningRate = o.LearningRate, MinimumExampleCountPerLeaf = o.MinExamplesPerLeaf,
            Booster = new GradientBooster.Options { FeatureFraction = o.FeatureFraction }, Seed = o.Seed, Silent = true, Verbose = false, NumberOfThreads = o.Threads,
        });
    }
}
