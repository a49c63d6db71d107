using System.Diagnostics;
using MovieRec.Evaluation;

namespace MovieRec.Classifiers;

/// <summary>
/// The classifier stage end to end: split, fit features on the training split only, train each family's baseline,
/// optionally tune each family by cross-validated search, and measure every model on train, validation and test.
/// </summary>
/// <remarks>
/// Test scores use features fitted without any test rating (<see cref="FeaturePipeline"/>), and searches refit the rating
/// statistics inside every fold (<see cref="RatingFolds"/>). A tuned model is the best candidate retrained on the whole
/// training split, evaluated exactly like the baseline.
/// </remarks>
public static class ModelExperiment
{
    private static readonly string[] SplitNames = ["train", "validation", "test"];

    /// <summary>Runs the experiment on <paramref name="data"/>: its ratings, split here, and its movie side (movies table, tags, genome).</summary>
    /// <exception cref="ArgumentException">The dataset has no movies table.</exception>
    public static ModelExperimentResult Run(RatingDataset data, ModelExperimentOptions? options = null,
        IProgress<SearchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.RequireMovies("The model experiment");
        options ??= new ModelExperimentOptions();
        void Stage(string stage) => progress?.Report(new SearchProgress(stage, 0, 0, 0, 0, double.NaN));

        Stage("splitting");
        var ratings = data.ToDataFrame();
        var (part, moved) = LikeSplitter.Parts(ratings, options.Features.LikeThreshold, options.Split with { Seed = options.Seed });
        var split = LikeSplitter.Frames(ratings, part, moved);
        Stage("fitting features on the training split");
        var train = data.Subset(Array.ConvertAll(part, x => x == 0)); // the training rows, cut from the dataset itself
        var features = new FeaturePipeline(options.Features).Fit(train, cancellationToken);
        // Training rows get leave-one-out statistics (their own rating excluded), held-out rows the plain fitted ones.
        FeatureTable[] tables = [FeatureTable.From(features.TransformTraining()), FeatureTable.From(features.Transform(split.Validation)), FeatureTable.From(features.Transform(split.Test))];

        var metrics = new List<(string Model, string Split, string Search, ClassificationScores Scores, double Seconds)>();
        var best = new List<(string Model, string Search, string Parameters, double CvScore)>();
        var models = new List<((ClassifierKind, string), TrainedClassifier)>();
        var searches = new List<DataFrame>();
        RatingFolds? folds = options.Tune ? new RatingFolds(train, options.Features, features, options.Folds, options.Seed) : null;

        void TrainAndMeasure(ClassifierOptions parameters, string search, double cvScore)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var kind = parameters.Kind;
            Stage($"training {kind} ({search})");
            var watch = Stopwatch.StartNew();
            var model = new LikeClassifier(parameters).Fit(tables[0], cancellationToken);
            var seconds = watch.Elapsed.TotalSeconds;
            for (var s = 0; s < tables.Length; s++)
            {
                if (tables[s].Rows == 0) continue;
                metrics.Add((kind.ToString(), SplitNames[s], search, ClassificationMetrics.Compute(tables[s].Labels, model.PredictProbabilities(tables[s])), seconds));
            }

            best.Add((kind.ToString(), search, parameters.Describe(), cvScore));
            models.Add(((kind, search), model));
        }

        foreach (var kind in options.Kinds)
        {
            TrainAndMeasure(ClassifierOptions.Default(kind) with { Seed = options.Seed }, "baseline", double.NaN);
            if (folds is null) continue;
            IReadOnlyList<ClassifierOptions> candidates = kind == ClassifierKind.LogisticRegression
                ? ClassifierSearch.LogisticRegressionGrid(options.Seed)
                : ClassifierSearch.RandomCandidates(kind, options.RandomIterations, options.Seed);
            var result = ClassifierSearch.Search(candidates, folds, options.Metric, progress, cancellationToken);
            searches.Add(result.Results);
            TrainAndMeasure(result.Best, "tuned", result.BestScore);
        }

        // Permutation importance is computed when asked for (ImportanceOf, Importance): a notebook shows one model's.
        var importance = new ImportanceSource(tables[1], options.ImportanceRows, options.Seed);
        return new ModelExperimentResult(split, features, MetricsFrame(metrics), BestFrame(best, options.Metric), Concat(searches), importance, models);
    }

    private static DataFrame MetricsFrame(List<(string Model, string Split, string Search, ClassificationScores Scores, double Seconds)> rows) => new(
        new StringDataFrameColumn("model", rows.Select(r => r.Model)),
        new StringDataFrameColumn("split", rows.Select(r => r.Split)),
        new StringDataFrameColumn("search", rows.Select(r => r.Search)),
        new StringDataFrameColumn("label", rows.Select(r => r.Model + " " + r.Search)),
        new DoubleDataFrameColumn(MetricNames.Accuracy, rows.Select(r => r.Scores.Accuracy)),
        new DoubleDataFrameColumn(MetricNames.Precision, rows.Select(r => r.Scores.Precision)),
        new DoubleDataFrameColumn(MetricNames.Recall, rows.Select(r => r.Scores.Recall)),
        new DoubleDataFrameColumn(MetricNames.F1, rows.Select(r => r.Scores.F1)),
        new DoubleDataFrameColumn(MetricNames.RocAuc, rows.Select(r => r.Scores.RocAuc)),
        new DoubleDataFrameColumn(MetricNames.PrAuc, rows.Select(r => r.Scores.PrAuc)),
        new DoubleDataFrameColumn(MetricNames.LogLoss, rows.Select(r => r.Scores.LogLoss)),
        new DoubleDataFrameColumn("seconds", rows.Select(r => r.Seconds)));

    private static DataFrame BestFrame(List<(string Model, string Search, string Parameters, double CvScore)> rows, string metric) => new(
        new StringDataFrameColumn("model", rows.Select(r => r.Model)),
        new StringDataFrameColumn("search", rows.Select(r => r.Search)),
        new StringDataFrameColumn("parameters", rows.Select(r => r.Parameters)),
        new DoubleDataFrameColumn("cv" + ClassifierSearch.Capitalized(metric), rows.Select(r => r.CvScore)));

    private static DataFrame Concat(List<DataFrame> frames)
    {
        if (frames.Count == 0) return new DataFrame(new StringDataFrameColumn("model", 0));
        // Different families have the same columns (model, candidate, parameters, mean, std, folds, seconds, best).
        var result = frames[0].Clone();
        foreach (var frame in frames.Skip(1)) result = result.Append(frame.Rows, inPlace: false);
        return result;
    }
}
