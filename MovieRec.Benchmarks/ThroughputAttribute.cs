namespace MovieRec.Benchmarks;

/// <summary>
/// The work one invocation of a benchmark does, so <see cref="ThroughputColumn"/> can report items per second and
/// GFLOP/s from the median time, next to one core's FMA peak.
/// </summary>
/// <param name="items">Items (ratings, non-zeros, scores) processed per invocation.</param>
/// <param name="flopsPerItem">Floating-point operations per item.</param>
/// <param name="unit">What an item is, e.g. "ratings".</param>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ThroughputAttribute(double items, double flopsPerItem, string unit) : Attribute
{
    /// <summary>Items per invocation.</summary>
    public double Items { get; } = items;

    /// <summary>Flops per item.</summary>
    public double FlopsPerItem { get; } = flopsPerItem;

    /// <summary>What an item is.</summary>
    public string Unit { get; } = unit;
}
