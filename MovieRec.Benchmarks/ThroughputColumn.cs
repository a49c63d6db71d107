using System.Reflection;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace MovieRec.Benchmarks;

/// <summary>
/// Columns "throughput" (items/s), "GFLOP/s" and "of peak" (one core's float32 FMA peak: 2 pipes × 8 lanes × 2 flops
/// × the nominal clock; <see cref="PeakGflops"/>) from a benchmark's <see cref="ThroughputAttribute"/> and its median.
/// </summary>
public sealed class ThroughputColumn(ThroughputColumn.Kind kind) : IColumn
{
    /// <summary>Which figure the column shows.</summary>
    public enum Kind
    {
        /// <summary>Items per second.</summary>
        Items,

        /// <summary>Billions of floating-point operations per second.</summary>
        Gflops,

        /// <summary>GFLOP/s as a share of one core's peak.</summary>
        OfPeak,
    }

    /// <summary>One core's float32 FMA peak in GFLOP/s: 32 flops per cycle (AVX2, two FMA pipes) at the nominal clock
    /// read from /proc/cpuinfo (2.45 GHz on the CI machines).</summary>
    public static double PeakGflops { get; } = 32 * NominalGhz();

    /// <inheritdoc />
    public string Id => $"{nameof(ThroughputColumn)}.{kind}";

    /// <inheritdoc />
    public string ColumnName => kind switch { Kind.Items => "throughput", Kind.Gflops => "GFLOP/s", _ => "of 1-core peak" };

    /// <inheritdoc />
    public bool AlwaysShow => true;

    /// <inheritdoc />
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc />
    public int PriorityInCategory => (int)kind;

    /// <inheritdoc />
    public bool IsNumeric => true;

    /// <inheritdoc />
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc />
    public string Legend => kind switch
    {
        Kind.Items => "Items processed per second at the median time ([Throughput] on the benchmark)",
        Kind.Gflops => "Floating-point operations per second at the median time, in billions",
        _ => $"GFLOP/s over one core's float32 FMA peak ({PeakGflops:F0} GFLOP/s)",
    };

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        var work = benchmarkCase.Descriptor.WorkloadMethod.GetCustomAttribute<ThroughputAttribute>();
        var median = summary[benchmarkCase]?.ResultStatistics?.Median;
        if (work is null || median is not > 0 || (kind != Kind.Items && work.FlopsPerItem == 0)) return "-";
        var seconds = median.Value / 1e9;
        var gflops = work.Items * work.FlopsPerItem / seconds / 1e9;
        return kind switch
        {
            Kind.Items => string.Create(CultureInfo.InvariantCulture, $"{work.Items / seconds / 1e6:F1} M {work.Unit}/s"),
            Kind.Gflops => gflops.ToString("F2", CultureInfo.InvariantCulture),
            _ => string.Create(CultureInfo.InvariantCulture, $"{100 * gflops / PeakGflops:F1}%"),
        };
    }

    /// <inheritdoc />
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    /// <inheritdoc />
    public bool IsAvailable(Summary summary) => true;

    private static double NominalGhz()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("cpu MHz", StringComparison.Ordinal));
            if (line is not null && double.TryParse(line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var mhz)) return mhz / 1000;
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return 2.45;
    }
}
