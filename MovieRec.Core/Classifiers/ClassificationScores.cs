using MovieRec.Evaluation;

namespace MovieRec.Classifiers;

/// <summary>Binary-classification metrics of one model on one split (see <see cref="ClassificationMetrics"/>).</summary>
/// <param name="Accuracy">(TP + TN) / n.</param>
/// <param name="Precision">TP / (TP + FP); 0 when nothing is predicted positive.</param>
/// <param name="Recall">TP / (TP + FN).</param>
/// <param name="F1">2PR / (P + R); 0 when both are 0.</param>
/// <param name="RocAuc">Area under the ROC curve (ties count one half).</param>
/// <param name="PrAuc">Average precision: Σ (R_k − R_{k−1}) P_k over descending thresholds.</param>
/// <param name="LogLoss">−mean(y ln p + (1 − y) ln(1 − p)), p clipped to [1e-15, 1 − 1e-15].</param>
public sealed record ClassificationScores(double Accuracy, double Precision, double Recall, double F1, double RocAuc, double PrAuc, double LogLoss)
{
    /// <summary>The metric by name: accuracy, precision, recall, f1, rocAuc, prAuc, logLoss.</summary>
    public double Get(string metric) => metric switch
    {
        MetricNames.Accuracy => Accuracy,
        MetricNames.Precision => Precision,
        MetricNames.Recall => Recall,
        MetricNames.F1 => F1,
        MetricNames.RocAuc => RocAuc,
        MetricNames.PrAuc => PrAuc,
        MetricNames.LogLoss => LogLoss,
        _ => throw new ArgumentException($"Unknown metric '{metric}' (accuracy, precision, recall, f1, rocAuc, prAuc, logLoss).", nameof(metric)),
    };
}
