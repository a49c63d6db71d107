namespace MovieRec.Evaluation;

/// <summary>Percentile bootstrap intervals over users (Efron &amp; Tibshirani, 1993), seeded.</summary>
/// <remarks>
/// Each of <c>resamples</c> replicates draws n values with replacement from the n per-user values and takes their mean;
/// the interval is the (1 − level)/2 and (1 + level)/2 quantiles of the replicate means. Two algorithms measured on the
/// same users compare by <see cref="PairedDifference"/>: an interval of their per-user differences that excludes 0 is a
/// difference the users' spread does not explain.
/// </remarks>
public static class Bootstrap
{
    /// <summary>The default number of replicates.</summary>
    public const int DefaultResamples = 1000;

    /// <summary>The mean of <paramref name="values"/> and its percentile bootstrap interval.</summary>
    public static (double Mean, double Low, double High) MeanInterval(IReadOnlyList<double> values, double level = 0.95, int resamples = DefaultResamples, int seed = 42)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!(level > 0 && level < 1)) throw new ArgumentOutOfRangeException(nameof(level), level, "The level must lie in (0, 1).");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(resamples);
        var n = values.Count;
        if (n == 0) return (double.NaN, double.NaN, double.NaN);
        var rng = new Random(seed);
        var means = new double[resamples];
        for (var r = 0; r < resamples; r++)
        {
            double sum = 0;
            for (var d = 0; d < n; d++) sum += values[rng.Next(n)];
            means[r] = sum / n;
        }

        Array.Sort(means);
        return (values.Average(), Quantile(means, (1 - level) / 2), Quantile(means, (1 + level) / 2));
    }

    /// <summary>The interval of the mean per-user difference a − b over the users both dictionaries hold.</summary>
    public static (double Mean, double Low, double High) PairedDifference(IReadOnlyDictionary<int, double> a, IReadOnlyDictionary<int, double> b, double level = 0.95,
        int resamples = DefaultResamples, int seed = 42)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var differences = a.Keys.Where(b.ContainsKey).Order().Select(u => a[u] - b[u]).ToList();
        return MeanInterval(differences, level, resamples, seed);
    }

    private static double Quantile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var lo = (int)Math.Floor(position);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((position - lo) * (sorted[hi] - sorted[lo]));
    }
}
