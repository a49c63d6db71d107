using System.Diagnostics;

namespace MovieRec.Classifiers;

/// <summary>
/// Hyperparameter search with k-fold cross-validation, as scikit-learn's GridSearchCV and RandomizedSearchCV: every
/// candidate is trained on each fold's training part and scored on its validation part; the best mean score wins
/// (ties: the earlier candidate).
/// </summary>
public static class ClassifierSearch
{
    private static readonly double[] GridL2 = [0.01, 0.1, 1, 10];
    private static readonly double[] GridL1 = [0, 0.1, 1];

    /// <summary>The default logistic-regression grid: L2 ∈ {0.01, 0.1, 1, 10} × L1 ∈ {0, 0.1, 1} (12 candidates).</summary>
    public static IReadOnlyList<LogisticRegressionOptions> LogisticRegressionGrid(int seed = ClassifierOptions.Defaults.Seed) =>
        [.. from l2 in GridL2 from l1 in GridL1 select new LogisticRegressionOptions { L1Regularization = l1, L2Regularization = l2, Seed = seed }];

    /// <summary>
    /// <paramref name="iterations"/> seeded random candidates for the tree family <paramref name="kind"/>: trees 50–400,
    /// leaves 8–128 (log-uniform), learning rate 0.02–0.3 (log-uniform; drawn for every family, so the draws of the
    /// other parameters do not depend on the family), minimum examples per leaf 5–100 (log-uniform), feature fraction 0.5–1.
    /// Each candidate's trainer seed is <paramref name="seed"/>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is not a tree family.</exception>
    public static IReadOnlyList<TreeClassifierOptions> RandomCandidates(ClassifierKind kind, int iterations, int seed = ClassifierOptions.Defaults.Seed)
    {
        if (kind is ClassifierKind.LogisticRegression) throw new ArgumentException("Logistic regression is searched on a grid (LogisticRegressionGrid), not by random draws.", nameof(kind));
        var rng = new Random(seed);
        int LogInt(int lo, int hi) => (int)Math.Round(Math.Exp(Math.Log(lo) + (rng.NextDouble() * (Math.Log(hi) - Math.Log(lo)))));
        return [.. Enumerable.Range(0, iterations).Select(_ =>
        {
            var trees = 50 + (rng.Next(8) * 50);
            var leaves = LogInt(8, 128);
            var learningRate = Math.Round(Math.Exp(Math.Log(0.02) + (rng.NextDouble() * (Math.Log(0.3) - Math.Log(0.02)))), 4);
            var minLeaf = LogInt(5, 100);
            var fraction = Math.Round(0.5 + (rng.NextDouble() * 0.5), 2);
            return kind switch
            {
                ClassifierKind.RandomForest => (TreeClassifierOptions)new RandomForestOptions { Trees = trees, Leaves = leaves, MinExamplesPerLeaf = minLeaf, FeatureFraction = fraction, Seed = seed },
                ClassifierKind.GradientBoosting => new GradientBoostingOptions { Trees = trees, Leaves = leaves, LearningRate = learningRate, MinExamplesPerLeaf = minLeaf, FeatureFraction = fraction, Seed = seed },
                _ => new LightGbmOptions { Trees = trees, Leaves = leaves, LearningRate = learningRate, MinExamplesPerLeaf = minLeaf, FeatureFraction = fraction, Seed = seed },
            };
        })];
    }

    /// <summary>Cross-validates each candidate on <paramref name="folds"/> and returns the best and the full results table.</summary>
    /// <param name="candidates">Candidates of one family (a grid or random draws), each with its seed.</param>
    /// <param name="folds">The folds.</param>
    /// <param name="metric">The score to maximize: f1 (default, as the original project), rocAuc, prAuc, accuracy, precision or recall; logLoss is minimized.</param>
    /// <param name="progress">Reports candidate i of n, fold, best so far.</param>
    /// <param name="cancellationToken">Checked before every fold.</param>
    public static SearchResult Search(IReadOnlyList<ClassifierOptions> candidates, IFoldSource folds, string metric = Evaluation.MetricNames.F1,
        IProgress<SearchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(folds);
        if (candidates.Count == 0) throw new ArgumentException("No candidates to search.", nameof(candidates));
        var kind = candidates[0].Kind;
        if (candidates.Any(c => c.Kind != kind)) throw new ArgumentException("A search compares candidates of one family.", nameof(candidates));
        var minimize = Evaluation.MetricNames.LowerIsBetter(metric);
        var scores = new double[candidates.Count][];
        var seconds = new double[candidates.Count];
        var best = -1;
        var bestScore = double.NaN;
        for (var c = 0; c < candidates.Count; c++) scores[c] = new double[folds.Folds];
        var watch = Stopwatch.StartNew();
        Evaluate(candidates, folds, (c, f, _, validation, p) =>
        {
            scores[c][f] = ClassificationMetrics.Compute(validation.Labels, p).Get(metric);
            progress?.Report(new SearchProgress($"tuning {kind}", c + 1, candidates.Count, f + 1, folds.Folds, bestScore));
            if (f < folds.Folds - 1) return;
            seconds[c] = watch.Elapsed.TotalSeconds;
            watch.Restart();
            var mean = scores[c].Average();
            if (best < 0 || (minimize ? mean < bestScore : mean > bestScore))
            {
                best = c;
                bestScore = mean;
            }
        }, cancellationToken);

        var results = new DataFrame(
            new StringDataFrameColumn("model", Enumerable.Repeat(kind.ToString(), candidates.Count)),
            new Int32DataFrameColumn("candidate", Enumerable.Range(1, candidates.Count)),
            new StringDataFrameColumn("parameters", candidates.Select(p => p.Describe())),
            new DoubleDataFrameColumn("mean" + Capitalized(metric), scores.Select(s => s.Average())),
            new DoubleDataFrameColumn("std" + Capitalized(metric), scores.Select(s => Math.Sqrt(s.Select(x => (x - s.Average()) * (x - s.Average())).Average()))));
        for (var f = 0; f < folds.Folds; f++)
        {
            var fold = f;
            results.Columns.Add(new DoubleDataFrameColumn(string.Create(CultureInfo.InvariantCulture, $"fold{fold + 1}{Capitalized(metric)}"), scores.Select(s => s[fold])));
        }

        results.Columns.Add(new DoubleDataFrameColumn("seconds", seconds));
        results.Columns.Add(new BooleanDataFrameColumn("best", Enumerable.Range(0, candidates.Count).Select(c => c == best)));
        return new SearchResult(kind, candidates[best], bestScore, results);
    }

    /// <summary>
    /// Trains every candidate on each fold's training table and predicts the fold's validation table, candidate by
    /// candidate, fold by fold: the one loop behind <see cref="Search"/> and the ML engine's choice of classifier
    /// (<c>ClassifierSelection</c>), which differ only in what they read from each prediction.
    /// </summary>
    /// <param name="candidates">The options to train, each with its seed.</param>
    /// <param name="folds">The folds (one, for a hold-out).</param>
    /// <param name="scored">Called after each fit with the candidate, the fold, the trained model, the validation table and
    /// its predicted probabilities.</param>
    /// <param name="cancellationToken">Checked before every fit.</param>
    internal static void Evaluate(IReadOnlyList<ClassifierOptions> candidates, IFoldSource folds,
        Action<int, int, TrainedClassifier, FeatureTable, float[]> scored, CancellationToken cancellationToken)
    {
        for (var c = 0; c < candidates.Count; c++)
        {
            for (var f = 0; f < folds.Folds; f++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (train, validation) = folds.Fold(f);
                var model = new LikeClassifier(candidates[c]).Fit(train, cancellationToken);
                scored(c, f, model, validation, model.PredictProbabilities(validation));
            }
        }
    }

    /// <summary>"rocAuc" → "RocAuc": metric names inside camelCase column names (meanRocAuc, fold1RocAuc, cvF1).</summary>
    internal static string Capitalized(string metric) => metric.Length == 0 ? metric : char.ToUpperInvariant(metric[0]) + metric[1..];
}
