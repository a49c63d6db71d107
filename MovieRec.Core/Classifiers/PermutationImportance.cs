namespace MovieRec.Classifiers;

/// <summary>Permutation feature importance: how much ROC-AUC drops when one feature's column is shuffled (Breiman, 2001).</summary>
public static class PermutationImportance
{
    /// <summary>
    /// For each feature: importance = AUC(original) − AUC(column shuffled), on up to <paramref name="maxRows"/> rows of
    /// <paramref name="table"/> (a seeded sample). Returns (feature, importance) sorted by importance, largest first.
    /// </summary>
    public static DataFrame Compute(TrainedClassifier model, FeatureTable table, int maxRows = 2_000, int seed = 42)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(table);
        var rng = new Random(seed);
        var rows = Enumerable.Range(0, table.Rows).ToArray();
        rng.Shuffle(rows);
        var sample = table.Subset(rows[..Math.Min(maxRows, rows.Length)]);
        var baseline = ClassificationMetrics.RocAuc(sample.Labels, model.PredictProbabilities(sample));
        var importance = new double[sample.Columns];
        var values = (float[])sample.Values.Clone();
        var order = Enumerable.Range(0, sample.Rows).ToArray();
        for (var j = 0; j < sample.Columns; j++)
        {
            rng.Shuffle(order);
            for (var i = 0; i < sample.Rows; i++) values[(i * sample.Columns) + j] = sample.Values[(order[i] * sample.Columns) + j];
            var shuffled = new FeatureTable(values, sample.Labels, sample.Names);
            importance[j] = baseline - ClassificationMetrics.RocAuc(sample.Labels, model.PredictProbabilities(shuffled));
            for (var i = 0; i < sample.Rows; i++) values[(i * sample.Columns) + j] = sample.Values[(i * sample.Columns) + j];
        }

        var byImportance = Enumerable.Range(0, sample.Columns).OrderByDescending(j => importance[j]).ThenBy(j => j).ToArray();
        return new DataFrame(
            new StringDataFrameColumn("feature", byImportance.Select(j => sample.Names[j])),
            new DoubleDataFrameColumn("importance", byImportance.Select(j => importance[j])));
    }
}
