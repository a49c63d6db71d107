using Microsoft.Data.Analysis;
using MovieRec.Features;

namespace MovieRec.Models;

/// <summary>Everything <see cref="ModelExperiment.Run"/> produced.</summary>
public sealed class ModelExperimentResult
{
    internal ModelExperimentResult(LikeSplit split, FeatureModel features, DataFrame metrics, DataFrame bestParameters, DataFrame crossValidation,
        DataFrame importance, IReadOnlyDictionary<(ClassifierKind Kind, string Search), TrainedClassifier> models)
    {
        Split = split;
        Features = features;
        Metrics = metrics;
        BestParameters = bestParameters;
        CrossValidation = crossValidation;
        Importance = importance;
        Models = models;
    }

    /// <summary>The split (with the count of rows moved to training).</summary>
    public LikeSplit Split { get; }

    /// <summary>The feature pipeline fitted on the training split.</summary>
    public FeatureModel Features { get; }

    /// <summary>One row per (model, split, search): accuracy, precision, recall, f1, rocAuc, prAuc, logLoss, seconds (training time).</summary>
    public DataFrame Metrics { get; }

    /// <summary>Per model and search: the parameters used and, when tuned, the best cross-validated score.</summary>
    public DataFrame BestParameters { get; }

    /// <summary>Every candidate of every search (empty without tuning).</summary>
    public DataFrame CrossValidation { get; }

    /// <summary>Permutation importance per model and search: model, search, feature, importance.</summary>
    public DataFrame Importance { get; }

    /// <summary>The trained classifiers by (family, "baseline" or "tuned"), each with the feature pipeline attached.</summary>
    public IReadOnlyDictionary<(ClassifierKind Kind, string Search), TrainedClassifier> Models { get; }
}
