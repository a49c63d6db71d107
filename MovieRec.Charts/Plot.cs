using System.Globalization;
using Microsoft.Data.Analysis;
using Plotly.NET;
using Plotly.NET.LayoutObjects;
using CSharpChart = Plotly.NET.CSharp.Chart;
using Plotly.NET.CSharp;
using MovieRec.Data;

namespace MovieRec.Charts;

/// <summary>
/// Plotly.NET charts drawn straight from a DataFrame's columns, with a title and axis titles: the few chart kinds the
/// notebooks need, each one call.
/// </summary>
/// <remarks>
/// Charts embed their data, so pass pre-aggregated frames (a histogram's bins, not its raw values: see
/// <see cref="Analysis.Eda"/>). A <c>series</c> column splits a frame into one trace per distinct value, in order of first
/// appearance, so colours stay stable from run to run. Every chart is <see cref="Width"/> × <see cref="Height"/> pixels.
/// </remarks>
public static class Plot
{
    /// <summary>Chart width in pixels.</summary>
    public const int Width = 760;

    /// <summary>Chart height in pixels.</summary>
    public const int Height = 420;

    /// <summary>Bars of <paramref name="y"/> by the category or number in <paramref name="x"/> (horizontal bars list the categories top-down).</summary>
    public static GenericChart Bar(DataFrame frame, string x, string y, string title, string? xTitle = null, string? yTitle = null, bool horizontal = false, bool logY = false)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var keys = Labels(frame, x);
        var values = frame.ToDoubles(y);
        var chart = horizontal
            ? CSharpChart.Bar<double, string, string>(values: values.Reverse(), Keys: new Optional<IEnumerable<string>>(keys.Reverse(), true))
            : CSharpChart.Column<double, string, string>(values: values, Keys: new Optional<IEnumerable<string>>(keys, true));
        // Horizontal bars get 24 px per category, so plotly.js has room to label every one instead of every other.
        return horizontal
            ? Style(chart, title, yTitle ?? y, xTitle ?? x, logX: logY, height: Math.Max(Height, 120 + (CategoryPixels * keys.Length)))
            : Style(chart, title, xTitle ?? x, yTitle ?? y, logY: logY);
    }

    /// <summary>Grouped bars: one group per value of <paramref name="category"/>, one bar (and legend entry) per value of <paramref name="series"/>.</summary>
    public static GenericChart GroupedBar(DataFrame frame, string category, string series, string value, string title, string? yTitle = null, double? yMin = null, double? yMax = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var keys = Labels(frame, category);
        var values = frame.ToDoubles(value);
        var traces = Groups(frame, series).Select(g =>
            CSharpChart.Column<double, string, string>(values: g.Rows.Select(r => values[r]), Keys: new Optional<IEnumerable<string>>(g.Rows.Select(r => keys[r]), true), Name: g.Name ?? value));
        return Range(Style(CSharpChart.Combine(traces), title, category, yTitle ?? value), yMin, yMax);
    }

    /// <summary>Grouped bars from several value columns of a wide frame: one group per row (labelled by <paramref name="x"/>),
    /// one bar (and legend entry) per column of <paramref name="values"/>.</summary>
    public static GenericChart Bars(DataFrame frame, string x, IReadOnlyList<string> values, string title, string? yTitle = null, double? yMin = null, double? yMax = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(values);
        var keys = Labels(frame, x);
        var traces = values.Select(v => CSharpChart.Column<double, string, string>(values: frame.ToDoubles(v), Keys: new Optional<IEnumerable<string>>(keys, true), Name: v));
        return Range(Style(CSharpChart.Combine(traces), title, x, yTitle ?? string.Join(", ", values)), yMin, yMax);
    }

    private static GenericChart Range(GenericChart chart, double? min, double? max) =>
        min is null && max is null ? chart : chart.WithYAxisStyle<double, double, string>(MinMax: new Optional<Tuple<double, double>>(Tuple.Create(min ?? 0, max ?? 1), true));

    /// <summary>Lines of <paramref name="y"/> against the number in <paramref name="x"/>, one per value of <paramref name="series"/> when given.</summary>
    public static GenericChart Line(DataFrame frame, string x, string y, string title, string? series = null, string? xTitle = null, string? yTitle = null,
        bool logX = false, bool logY = false, bool markers = false, bool diagonal = false)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var xs = frame.ToDoubles(x);
        var ys = frame.ToDoubles(y);
        var traces = Groups(frame, series).Select(g =>
            CSharpChart.Line<double, double, string>(x: g.Rows.Select(r => xs[r]), y: g.Rows.Select(r => ys[r]), ShowMarkers: markers, Name: g.Name ?? y)).ToList();
        if (diagonal)
        {
            traces.Add(CSharpChart.Line<double, double, string>(x: [0.0, 1.0], y: [0.0, 1.0], Name: "chance", Opacity: 0.4));
        }

        return Style(traces.Count == 1 ? traces[0] : CSharpChart.Combine(traces), title, xTitle ?? x, yTitle ?? y, logX, logY);
    }

    /// <summary>Points of (<paramref name="x"/>, <paramref name="y"/>), one colour per value of <paramref name="color"/>, hover text from <paramref name="text"/>.</summary>
    public static GenericChart Scatter(DataFrame frame, string x, string y, string title, string? color = null, string? text = null, string? xTitle = null, string? yTitle = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var xs = frame.ToDoubles(x);
        var ys = frame.ToDoubles(y);
        var texts = text is null ? null : Labels(frame, text);
        var traces = Groups(frame, color).Select(g =>
            CSharpChart.Point<double, double, string>(x: g.Rows.Select(r => xs[r]), y: g.Rows.Select(r => ys[r]), Name: g.Name ?? y, Opacity: 0.75,
                MultiText: texts is null ? default : new Optional<IEnumerable<string>>(g.Rows.Select(r => texts[r]), true)));
        return Style(CSharpChart.Combine(traces), title, xTitle ?? x, yTitle ?? y);
    }

    private const int CategoryPixels = 24;

    private static GenericChart Style(GenericChart chart, string title, string xTitle, string yTitle, bool logX = false, bool logY = false, int height = Height)
    {
        chart = Plotly.NET.Chart.withTitle(title, null).Invoke(chart);
        chart = logX
            ? chart.WithXAxisStyle<double, double, string>(TitleText: xTitle, AxisType: StyleParam.AxisType.Log)
            : chart.WithXAxisStyle<double, double, string>(TitleText: xTitle);
        chart = logY
            ? chart.WithYAxisStyle<double, double, string>(TitleText: yTitle, AxisType: StyleParam.AxisType.Log)
            : chart.WithYAxisStyle<double, double, string>(TitleText: yTitle);
        return chart.WithSize(Width, height);
    }

    private static IEnumerable<(string? Name, List<int> Rows)> Groups(DataFrame frame, string? column)
    {
        if (column is null) return [(null, [.. Enumerable.Range(0, (int)frame.Rows.Count)])];
        var labels = Labels(frame, column);
        var groups = new List<(string? Name, List<int> Rows)>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var r = 0; r < labels.Length; r++)
        {
            if (!index.TryGetValue(labels[r], out var g))
            {
                index[labels[r]] = g = groups.Count;
                groups.Add((labels[r], []));
            }

            groups[g].Rows.Add(r);
        }

        return groups;
    }

    /// <summary>A column as category labels: strings as they are, numbers formatted invariantly (G6).</summary>
    private static string[] Labels(DataFrame frame, string column) => frame[column] is StringDataFrameColumn
        ? frame.ToStringArray(column)
        : [.. frame.ToDoubles(column).Select(v => v.ToString("G6", CultureInfo.InvariantCulture))];
}
