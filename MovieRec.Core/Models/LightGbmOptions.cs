using Microsoft.ML;
using Microsoft.ML.Trainers.LightGbm;

namespace MovieRec.Models;

/// <summary>LightGBM, the counterpart of the original project's XGBoost.</summary>
public sealed record LightGbmOptions : TreeClassifierOptions
{
    /// <inheritdoc />
    public override ClassifierKind Kind => ClassifierKind.LightGbm;

    /// <summary>Boosting learning rate.</summary>
    public double LearningRate { get; init; } = Defaults.LearningRate;

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, double> Hyperparameters() => new Dictionary<string, double>
    {
        ["trees"] = Trees, ["leaves"] = Leaves, ["learningRate"] = LearningRate, ["minLeaf"] = MinExamplesPerLeaf, ["featureFraction"] = FeatureFraction,
    };

    internal override IEstimator<ITransformer> CreateEstimator(MLContext ml) => ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
    {
        NumberOfIterations = Trees, NumberOfLeaves = Leaves, LearningRate = LearningRate, MinimumExampleCountPerLeaf = MinExamplesPerLeaf,
        Booster = new GradientBooster.Options { FeatureFraction = FeatureFraction }, Seed = Seed, Silent = true, Verbose = false, NumberOfThreads = Threads,
    });
}
