namespace MovieRec.Benchmarks;

/// <summary>Adds the three <see cref="ThroughputColumn"/> columns to a benchmark class.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ThroughputColumnsAttribute() : ColumnConfigBaseAttribute(
    new ThroughputColumn(ThroughputColumn.Kind.Items), new ThroughputColumn(ThroughputColumn.Kind.Gflops), new ThroughputColumn(ThroughputColumn.Kind.OfPeak));
