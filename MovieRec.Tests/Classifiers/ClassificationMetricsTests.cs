namespace MovieRec.Tests.Classifiers;

public sealed class ClassificationMetricsTests
{
    [Fact]
    public void Metrics_match_a_hand_computed_confusion_matrix_roc_and_pr_curve()
    {
        bool[] y = [true, true, false, false, true, false];
        float[] p = [0.9f, 0.4f, 0.35f, 0.8f, 0.6f, 0.1f];
        var s = ClassificationMetrics.Compute(y, p);
        // Threshold 0.5: TP 2 (0.9, 0.6), FP 1 (0.8), FN 1 (0.4), TN 2.
        Assert.Equal(4 / 6.0, s.Accuracy, 12);
        Assert.Equal(2 / 3.0, s.Precision, 12);
        Assert.Equal(2 / 3.0, s.Recall, 12);
        Assert.Equal(2 / 3.0, s.F1, 12);
        // ROC-AUC: of 9 (positive, negative) pairs the positive scores higher in 3 + 2 + 2 = 7.
        Assert.Equal(7 / 9.0, s.RocAuc, 12);
        // PR: descending 0.9+ 0.8- 0.6+ 0.4+ ...: AP = 1/3·1 + 1/3·2/3 + 1/3·3/4.
        Assert.Equal((1 / 3.0) + (2 / 9.0) + (1 / 4.0), s.PrAuc, 6);
        var logLoss = -(Math.Log(0.9) + Math.Log(0.4) + Math.Log(0.65) + Math.Log(0.2) + Math.Log(0.6) + Math.Log(0.9)) / 6;
        Assert.Equal(logLoss, s.LogLoss, 6);
    }

    [Fact]
    public void Ties_count_one_half_and_degenerate_inputs_are_explicit()
    {
        Assert.Equal(0.5, ClassificationMetrics.RocAuc([true, false], [0.5f, 0.5f]), 12);
        Assert.Equal(0.75, ClassificationMetrics.RocAuc([true, false, false], [0.7f, 0.7f, 0.1f]), 12);
        Assert.True(double.IsNaN(ClassificationMetrics.RocAuc([true, true], [0.2f, 0.9f])));
        Assert.Throws<ArgumentException>(() => ClassificationMetrics.Compute([], []));
        Assert.Equal(0, ClassificationMetrics.Compute([true, false], [0.1f, 0.2f]).F1); // nothing predicted positive
    }
}
