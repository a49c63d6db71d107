namespace MovieRec.Data;

/// <summary>
/// The seeded per-group hold-out that <c>Splitters.RandomPerUser</c>, <c>Splitters.Stratified</c> and every validation
/// split carved from a dataset (<see cref="RatingDataset"/>) share: groups in ascending key order, each group's rows in row
/// order shuffled by one generator seeded once, and the first round(n · fraction) of each group held out (at most n − 1,
/// none of a group of one).
/// </summary>
internal static class PerUserHoldOut
{
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fraction"/> is not strictly between 0 and 1.</exception>
    public static void CheckFraction(double fraction)
    {
        if (!(fraction > 0 && fraction < 1)) throw new ArgumentOutOfRangeException(nameof(fraction), "The held-out fraction must lie strictly between 0 and 1.");
    }

    /// <summary>How many of a group of <paramref name="n"/> are held out.</summary>
    public static int Count(int n, double fraction) => n < 2 ? 0 : (int)Math.Min(n - 1, Math.Round(n * fraction, MidpointRounding.AwayFromZero));

    /// <summary>Which rows are held out, given each row's group key.</summary>
    public static bool[] Mark(int[] keys, double fraction, int seed)
    {
        var held = new bool[keys.Length];
        var rng = new Random(seed);
        foreach (var rows in Groups(keys))
        {
            var shuffled = rows.ToArray();
            rng.Shuffle(shuffled);
            var count = Count(rows.Count, fraction);
            for (var k = 0; k < count; k++) held[shuffled[k]] = true;
        }

        return held;
    }

    /// <summary>Row indices grouped by key, groups in ascending key order, rows in row order.</summary>
    public static IEnumerable<List<int>> Groups(int[] keys)
    {
        var groups = new SortedDictionary<int, List<int>>();
        for (var r = 0; r < keys.Length; r++)
        {
            if (!groups.TryGetValue(keys[r], out var list)) groups[keys[r]] = list = [];
            list.Add(r);
        }

        return groups.Values;
    }
}
