using System.Collections.Concurrent;

namespace MovieRec.Classifiers;

/// <summary>Everything <see cref="ModelExperiment.Run"/> produced.</summary>
public sealed class ModelExperimentResult
{
    internal ModelExperimentResult(LikeSplit split, FeatureModel features, DataFrame metrics, DataFrame bestParameters, DataFrame crossValidation,
        ImportanceSource importance, IReadOnlyList<((ClassifierKind Kind, string Search) Key, TrainedClassifier Model)> trained)
    {
        Split = split;
        Features = features;
        Metrics = metrics;
        BestParameters = bestParameters;
        CrossValidation = crossValidation;
        _importanceSource = importance;
        _trained = trained;
        _importanceAll = new Lazy<DataFrame>(AllImportance);
        var models = new Dictionary<(ClassifierKind Kind, string Search), TrainedClassifier>();
        foreach (var (key, model) in trained) models[key] = model;
        Models = models;
    }

    private readonly ImportanceSource _importanceSource;
    private readonly IReadOnlyList<((ClassifierKind Kind, string Search) Key, TrainedClassifier Model)> _trained;
    private readonly ConcurrentDictionary<(ClassifierKind, string), Lazy<DataFrame>> _importance = new();
    private readonly Lazy<DataFrame> _importanceAll;

    /// <summary>The split (with the count of rows moved to training).</summary>
    public LikeSplit Split { get; }

    /// <summary>The feature pipeline fitted on the training split.</summary>
    public FeatureModel Features { get; }

    /// <summary>One row per (model, split, search), with label "model search": accuracy, precision, recall, f1, rocAuc, prAuc, logLoss, seconds (training time).</summary>
    public DataFrame Metrics { get; }

    /// <summary>Per model and search: the parameters used and, when tuned, the best cross-validated score.</summary>
    public DataFrame BestParameters { get; }

    /// <summary>Every candidate of every search (empty without tuning).</summary>
    public DataFrame CrossValidation { get; }

    /// <summary>Permutation importance per model and search, in training order: model, search, feature, importance
    /// (empty when <see cref="ModelExperimentOptions.ImportanceRows"/> is 0 or the validation split is empty).</summary>
    /// <remarks>Computed on first use (every model's; <see cref="ImportanceOf"/> computes only the one asked for), on
    /// <see cref="ModelExperimentOptions.ImportanceRows"/> seeded rows of the validation split: the same values whenever
    /// and in whatever order they are asked for.</remarks>
    public DataFrame Importance => _importanceAll.Value;

    /// <summary>The trained classifiers by (family, "baseline" or "tuned"), each with the feature pipeline attached.</summary>
    public IReadOnlyDictionary<(ClassifierKind Kind, string Search), TrainedClassifier> Models { get; }

    /// <summary>The file extension of a saved classifier (<see cref="TrainedClassifier.Save"/>).</summary>
    public const string ModelFileExtension = ".movierec-model";

    /// <summary>
    /// Saves every model into <paramref name="folder"/> as <c>KIND-SEARCH.movierec-model</c>, replacing the folder as a set:
    /// all files are written into a temporary sibling folder that is then renamed into place, so a failure or a kill leaves
    /// the previous set whole (and the next save deletes the leftover temporary). Returns the files written.
    /// </summary>
    /// <exception cref="IOException"><paramref name="folder"/> exists and holds anything other than saved models (it would
    /// be replaced as a whole); see <see cref="CheckModelFolder"/>.</exception>
    public IReadOnlyList<string> SaveModels(string folder)
    {
        CheckModelFolder(folder);
        var full = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        Temporaries.DeleteStale(full, "tmp");
        var temp = Temporaries.NewPath(full, "tmp");
        Directory.CreateDirectory(temp);
        try
        {
            var names = new List<string>();
            foreach (var ((kind, search), model) in Models.OrderBy(m => m.Key.Kind).ThenBy(m => m.Key.Search, StringComparer.Ordinal))
            {
                var name = $"{kind}-{search}{ModelFileExtension}";
                model.Save(Path.Combine(temp, name));
                names.Add(Path.Combine(full, name));
            }

            Temporaries.ReplaceFolder(temp, full);
            return names;
        }
        finally
        {
            Temporaries.Delete(temp);
        }
    }

    /// <summary>Throws unless <paramref name="folder"/> is absent, empty or holds only saved models: the check
    /// <see cref="SaveModels"/> makes, for callers that want to fail before training.</summary>
    /// <exception cref="IOException">The folder is a file or holds other entries.</exception>
    public static void CheckModelFolder(string folder)
    {
        if (File.Exists(folder)) throw new IOException($"{folder} is a file, not a folder for saved models.");
        if (!Directory.Exists(folder)) return;
        var other = Directory.EnumerateFileSystemEntries(folder).FirstOrDefault(e => !e.EndsWith(ModelFileExtension, StringComparison.Ordinal) || Directory.Exists(e));
        if (other is not null)
        {
            throw new IOException($"{folder} holds {Path.GetFileName(other)}, which is not a saved model; the folder is replaced as a set, so choose an empty or new folder.");
        }
    }

    /// <summary>ROC curves of every trained model on one split (<c>test</c>, <c>validation</c> or <c>train</c>): columns
    /// model, search, label ("model search"), fpr, tpr (see <see cref="ClassificationMetrics.RocCurve"/>).</summary>
    /// <remarks>Held-out rows are transformed by the training-split features, as in <see cref="Metrics"/>; training rows
    /// use their leave-one-out statistics.</remarks>
    public DataFrame RocCurves(string split = "test", int maxPoints = 200)
    {
        var ratings = split switch
        {
            "train" => Split.Train,
            "validation" => Split.Validation,
            "test" => Split.Test,
            _ => throw new ArgumentException($"Unknown split '{split}': use train, validation or test.", nameof(split)),
        };
        var table = FeatureTable.From(split == "train" ? Features.TransformTraining() : Features.Transform(ratings));
        var model = new List<string>();
        var search = new List<string>();
        var fpr = new List<double>();
        var tpr = new List<double>();
        foreach (var ((kind, name), classifier) in Models.OrderBy(m => m.Key.Kind).ThenBy(m => m.Key.Search, StringComparer.Ordinal))
        {
            var curve = ClassificationMetrics.RocCurve(table.Labels, classifier.PredictProbabilities(table), maxPoints);
            foreach (var (x, y) in curve.ToArray<double>("fpr").Zip(curve.ToArray<double>("tpr")))
            {
                model.Add(kind.ToString());
                search.Add(name);
                fpr.Add(x);
                tpr.Add(y);
            }
        }

        return new DataFrame(new StringDataFrameColumn("model", model), new StringDataFrameColumn("search", search),
            new StringDataFrameColumn("label", model.Zip(search, (m, s) => m + " " + s)), new DoubleDataFrameColumn("fpr", fpr), new DoubleDataFrameColumn("tpr", tpr));
    }

    /// <summary>The <paramref name="top"/> most important features of one model (permutation importance on the
    /// validation split, largest first): feature, importance.</summary>
    public DataFrame ImportanceOf(ClassifierKind kind, string search = "tuned", int top = 15)
    {
        var table = ImportanceTable(kind, search);
        var features = table.ToStringArray("feature");
        var values = table.ToArray<double>("importance");
        var rows = Enumerable.Range(0, features.Length).OrderByDescending(i => values[i]).ThenBy(i => features[i], StringComparer.Ordinal).Take(top).ToArray();
        return new DataFrame(new StringDataFrameColumn("feature", rows.Select(i => features[i])), new DoubleDataFrameColumn("importance", rows.Select(i => values[i])));
    }

    /// <summary>One model's importance (feature, importance; empty when there is none), computed once.</summary>
    private DataFrame ImportanceTable(ClassifierKind kind, string search)
    {
        if (!_importanceSource.Enabled || !Models.TryGetValue((kind, search), out var model))
        {
            return new DataFrame(new StringDataFrameColumn("feature", 0), new DoubleDataFrameColumn("importance", 0));
        }

        return _importance.GetOrAdd((kind, search), _ => new Lazy<DataFrame>(() =>
            PermutationImportance.Compute(model, _importanceSource.Validation, _importanceSource.Rows, _importanceSource.Seed))).Value;
    }

    private DataFrame AllImportance()
    {
        var model = new List<string>();
        var search = new List<string>();
        var feature = new List<string>();
        var value = new List<double>();
        foreach (var ((kind, name), _) in _trained)
        {
            var table = ImportanceTable(kind, name);
            var names = table.ToStringArray("feature");
            var values = table.ToArray<double>("importance");
            for (var i = 0; i < names.Length; i++)
            {
                model.Add(kind.ToString());
                search.Add(name);
                feature.Add(names[i]);
                value.Add(values[i]);
            }
        }

        return new DataFrame(new StringDataFrameColumn("model", model), new StringDataFrameColumn("search", search),
            new StringDataFrameColumn("feature", feature), new DoubleDataFrameColumn("importance", value));
    }

    /// <summary>The (model, search) with the best <paramref name="metric"/> on <paramref name="split"/> (higher is better).</summary>
    public (ClassifierKind Kind, string Search) Best(string split = "validation", string metric = Evaluation.MetricNames.F1)
    {
        var splits = Metrics.ToStringArray("split");
        var models = Metrics.ToStringArray("model");
        var searches = Metrics.ToStringArray("search");
        var values = Metrics.ToArray<double>(metric);
        var best = Enumerable.Range(0, splits.Length).Where(i => splits[i] == split).OrderByDescending(i => values[i]).First();
        return (Enum.Parse<ClassifierKind>(models[best]), searches[best]);
    }
}
