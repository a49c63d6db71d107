namespace MovieRec.Classifiers;

/// <summary>The stratification every like split and fold assignment shares: the rows of each class (likes first), each
/// shuffled by one seeded generator in that order.</summary>
internal static class StratifiedRows
{
    /// <summary>The row indices with label true, shuffled, then those with label false, shuffled by the same
    /// <paramref name="rng"/>.</summary>
    public static IEnumerable<int[]> ByClass(IReadOnlyList<bool> labels, Random rng)
    {
        foreach (var cls in new[] { true, false })
        {
            var rows = Enumerable.Range(0, labels.Count).Where(i => labels[i] == cls).ToArray();
            rng.Shuffle(rows);
            yield return rows;
        }
    }

    /// <summary>Each row's fold: the rows of each class dealt round-robin into <paramref name="folds"/> folds after a
    /// seeded shuffle.</summary>
    public static int[] Folds(IReadOnlyList<bool> labels, int folds, int seed)
    {
        var fold = new int[labels.Count];
        foreach (var rows in ByClass(labels, new Random(seed)))
        {
            for (var p = 0; p < rows.Length; p++) fold[rows[p]] = p % folds;
        }

        return fold;
    }
}
