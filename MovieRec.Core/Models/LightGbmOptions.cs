using Microsoft.ML;
using Microsoft.ML.Trainers.LightGbm;

namespace MovieRec.Models;

/// <summary>LightGBM, the counterpart of the original project's XGBoost.</summary>
public sealed record LightGbmOptions : BoostedTreeOptions
{
    /// <inheritdoc />
    public override ClassifierKind Kind => ClassifierKind.LightGbm;

    /// <remarks>LightGBM's OpenMP threads wait passively (<see cref="NativeThreads"/>).</remarks>
    internal override IEstimator<ITransformer> CreateEstimator(MLContext ml)
    {
        NativeThreads.PreferPassiveWait();
        return ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
        {
            NumberOfIterations = Trees, NumberOfLeaves = Leaves, LearningRate = LearningRate, MinimumExampleCountPerLeaf = MinExamplesPerLeaf,
            Booster = new GradientBooster.Options { FeatureFraction = FeatureFraction }, Seed = Seed, Silent = true, Verbose = false, NumberOfThreads = Threads,
        });
    }
}
