namespace MovieRec.Benchmarks;

/// <summary>The median of timed runs, as the process benchmarks (start-up, packages) report it.</summary>
internal static class Medians
{
    /// <summary>The median of <paramref name="sorted"/> (ascending): the middle value, or the mean of the two middle ones.</summary>
    public static double Of(IReadOnlyList<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}
