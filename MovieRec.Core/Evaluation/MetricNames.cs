namespace MovieRec.Evaluation;

/// <summary>
/// The column names of every metrics table (<see cref="Evaluator"/>, <c>movierec evaluate</c>'s JSON): defined once, so
/// call sites never type them. Ranking metrics carry their cut-off, e.g. <c>ndcg@10</c> (<see cref="AtK"/>).
/// </summary>
public static class MetricNames
{
    /// <summary>Root-mean-square error of rating predictions.</summary>
    public const string Rmse = "rmse";

    /// <summary>Mean absolute error of rating predictions.</summary>
    public const string Mae = "mae";

    /// <summary>Precision at k (prefix of <see cref="AtK"/>).</summary>
    public const string Precision = "precision";

    /// <summary>Recall at k.</summary>
    public const string Recall = "recall";

    /// <summary>Normalized discounted cumulative gain at k.</summary>
    public const string Ndcg = "ndcg";

    /// <summary>Mean average precision at k.</summary>
    public const string Map = "map";

    /// <summary>Share of users with at least one hit in the top k.</summary>
    public const string HitRate = "hitRate";

    /// <summary>Mean reciprocal rank of the first hit in the top k.</summary>
    public const string Mrr = "mrr";

    /// <summary>Share of the catalog recommended to anyone.</summary>
    public const string Coverage = "coverage";

    /// <summary>Mean self-information of recommended movies.</summary>
    public const string Novelty = "novelty";

    /// <summary>Share of correct class decisions (classifiers; <see cref="Classifiers.ClassificationScores"/>).</summary>
    public const string Accuracy = "accuracy";

    /// <summary>Harmonic mean of precision and recall (classifiers).</summary>
    public const string F1 = "f1";

    /// <summary>Area under the ROC curve (classifiers).</summary>
    public const string RocAuc = "rocAuc";

    /// <summary>Area under the precision-recall curve, as average precision (classifiers).</summary>
    public const string PrAuc = "prAuc";

    /// <summary>Mean negative log-likelihood of the labels (classifiers; lower is better).</summary>
    public const string LogLoss = "logLoss";

    /// <summary>Training time, in seconds.</summary>
    public const string FitSeconds = "fitSeconds";

    /// <summary>Rating-prediction time, in seconds.</summary>
    public const string PredictSeconds = "predictSeconds";

    /// <summary>Ranking time, in seconds.</summary>
    public const string RankSeconds = "rankSeconds";

    /// <summary>A ranking metric's column at cut-off <paramref name="k"/>: <c>AtK(Ndcg, 10)</c> is <c>ndcg@10</c>.</summary>
    public static string AtK(string metric, int k) => string.Create(CultureInfo.InvariantCulture, $"{metric}@{k}");

    /// <summary>The lower bound of a metric's 95% bootstrap interval over users: <c>Low(AtK(Ndcg, 10))</c> is <c>ndcg@10Low</c>.</summary>
    public static string Low(string metric) => metric + "Low";

    /// <summary>The upper bound of a metric's 95% bootstrap interval over users, e.g. <c>ndcg@10High</c>.</summary>
    public static string High(string metric) => metric + "High";

    /// <summary>True for metrics where lower is better (<see cref="Rmse"/>, <see cref="Mae"/>, <see cref="LogLoss"/>, the timings).</summary>
    public static bool LowerIsBetter(string metric) => metric is Rmse or Mae or LogLoss || metric.EndsWith("Seconds", StringComparison.Ordinal);
}
