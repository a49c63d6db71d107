using Microsoft.ML;

namespace MovieRec.Classifiers;

/// <summary>
/// The like classifier as a component: <see cref="ClassifierOptions"/> (one record per family: <see cref="LogisticRegressionOptions"/>,
/// <see cref="RandomForestOptions"/>, <see cref="GradientBoostingOptions"/>, <see cref="LightGbmOptions"/>) →
/// <see cref="Fit"/>(feature table) → <see cref="TrainedClassifier"/>, seeded by <see cref="ClassifierOptions.Seed"/>.
/// </summary>
/// <param name="options">The family and its hyperparameters.</param>
public sealed class LikeClassifier(ClassifierOptions options)
{
    /// <summary>The family and its hyperparameters.</summary>
    public ClassifierOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>Trains on <paramref name="train"/> (rows from <see cref="FeatureModel.TransformTraining"/>, labels = like).</summary>
    /// <exception cref="ArgumentException">The table is empty or has only one class.</exception>
    public TrainedClassifier Fit(FeatureTable train, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        if (train.Rows == 0) throw new ArgumentException("The training split is empty.", nameof(train));
        var positives = train.Labels.Count(l => l);
        if (positives == 0 || positives == train.Rows) throw new ArgumentException($"The training split has only one class ({(positives == 0 ? "no likes" : "only likes")}): a classifier needs both.", nameof(train));
        var ml = new MLContext(Options.Seed);
        cancellationToken.ThrowIfCancellationRequested();
        var view = train.AsDataView();
        var model = ClassifierEstimators.Create(Options, ml).Fit(view);
        cancellationToken.ThrowIfCancellationRequested();
        return new TrainedClassifier(ml, Options, model, view.Schema, train.Names);
    }
}
