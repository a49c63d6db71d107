namespace MovieRec.Classifiers;

/// <summary>Binary-classification metrics from labels and predicted probabilities, computed over arrays.</summary>
public static class ClassificationMetrics
{
    /// <summary>Every metric; the class decision is probability ≥ <paramref name="threshold"/>.</summary>
    /// <exception cref="ArgumentException">Empty input or lengths that differ.</exception>
    public static ClassificationScores Compute(IReadOnlyList<bool> labels, IReadOnlyList<float> probabilities, double threshold = 0.5)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(probabilities);
        if (labels.Count == 0 || labels.Count != probabilities.Count) throw new ArgumentException($"{labels.Count} labels and {probabilities.Count} probabilities: need the same, non-zero number.");
        long tp = 0, fp = 0, tn = 0, fn = 0;
        double logLoss = 0;
        for (var i = 0; i < labels.Count; i++)
        {
            var positive = probabilities[i] >= threshold;
            if (positive && labels[i]) tp++;
            else if (positive) fp++;
            else if (labels[i]) fn++;
            else tn++;
            var p = Math.Clamp(probabilities[i], 1e-15, 1 - 1e-15);
            logLoss -= labels[i] ? Math.Log(p) : Math.Log(1 - p);
        }

        var precision = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
        var recall = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new ClassificationScores((double)(tp + tn) / labels.Count, precision, recall, f1, RocAuc(labels, probabilities), AveragePrecision(labels, probabilities), logLoss / labels.Count);
    }

    /// <summary>The ROC curve: false- and true-positive rates at every distinct score threshold (highest first), thinned to
    /// at most <paramref name="maxPoints"/> points for plotting; columns <c>threshold</c>, <c>fpr</c>, <c>tpr</c>.</summary>
    /// <remarks>Starts at (0, 0) and ends at (1, 1); the area under it equals <see cref="RocAuc"/> (ties counted half).
    /// Thinning keeps evenly spaced points along the curve, so a plot of 200 points is indistinguishable from the full one.</remarks>
    /// <exception cref="ArgumentException">Lengths differ, or only one class is present.</exception>
    public static DataFrame RocCurve(IReadOnlyList<bool> labels, IReadOnlyList<float> scores, int maxPoints = 200)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(scores);
        if (labels.Count != scores.Count) throw new ArgumentException($"{labels.Count} labels and {scores.Count} scores: need the same number.");
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 2);
        var positives = labels.Count(l => l);
        var negatives = labels.Count - positives;
        if (positives == 0 || negatives == 0) throw new ArgumentException("a ROC curve needs both classes among the labels");
        var order = Enumerable.Range(0, labels.Count).OrderByDescending(i => scores[i]).ToArray();
        var thresholds = new List<double> { double.PositiveInfinity };
        var fpr = new List<double> { 0 };
        var tpr = new List<double> { 0 };
        long tp = 0, fp = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]]) end++;
            for (var t = start; t <= end; t++)
            {
                if (labels[order[t]]) tp++;
                else fp++;
            }

            thresholds.Add(scores[order[start]]);
            fpr.Add((double)fp / negatives);
            tpr.Add((double)tp / positives);
            start = end + 1;
        }

        var keep = fpr.Count <= maxPoints
            ? Enumerable.Range(0, fpr.Count).ToArray()
            : [.. Enumerable.Range(0, maxPoints).Select(k => (int)Math.Round(k * (fpr.Count - 1) / (double)(maxPoints - 1))).Distinct()];
        return new DataFrame(
            new DoubleDataFrameColumn("threshold", keep.Select(k => thresholds[k])),
            new DoubleDataFrameColumn("fpr", keep.Select(k => fpr[k])),
            new DoubleDataFrameColumn("tpr", keep.Select(k => tpr[k])));
    }

    /// <summary>ROC-AUC by the rank-sum (Mann–Whitney) formula with average ranks for ties; NaN when only one class is present.</summary>
    public static double RocAuc(IReadOnlyList<bool> labels, IReadOnlyList<float> scores)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(scores);
        var order = Enumerable.Range(0, labels.Count).OrderBy(i => scores[i]).ToArray();
        double rankSum = 0;
        long positives = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]]) end++;
            var rank = ((start + end) / 2.0) + 1;
            for (var t = start; t <= end; t++)
            {
                if (!labels[order[t]]) continue;
                rankSum += rank;
                positives++;
            }

            start = end + 1;
        }

        var negatives = labels.Count - positives;
        if (positives == 0 || negatives == 0) return double.NaN;
        return (rankSum - (positives * (positives + 1) / 2.0)) / (positives * (double)negatives);
    }

    /// <summary>Average precision (scikit-learn's PR-AUC): Σ (R_k − R_{k−1}) P_k over distinct descending thresholds.</summary>
    public static double AveragePrecision(IReadOnlyList<bool> labels, IReadOnlyList<float> scores)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(scores);
        var positives = labels.Count(l => l);
        if (positives == 0) return double.NaN;
        var order = Enumerable.Range(0, labels.Count).OrderByDescending(i => scores[i]).ToArray();
        double ap = 0, previousRecall = 0;
        long tp = 0, seen = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]]) end++;
            for (var t = start; t <= end; t++)
            {
                seen++;
                if (labels[order[t]]) tp++;
            }

            var recall = (double)tp / positives;
            ap += (recall - previousRecall) * ((double)tp / seen);
            previousRecall = recall;
            start = end + 1;
        }

        return ap;
    }
}
