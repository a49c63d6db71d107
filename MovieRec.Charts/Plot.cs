using System.Globalization;
using Microsoft.Data.Analysis;
using Plotly.NET;
using Plotly.NET.LayoutObjects;
using CSharpChart = Plotly.NET.CSharp.Chart;
using Plotly.NET.CSharp;

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
        var values = Numbers(frame, y);
        var chart = horizontal
            ? CSharpChart.Bar<double, string, string>(values: values.Reverse(), Keys: new Optional<IEnumerable<string>>(keys.Reverse(), true))
            : CSharpChart.Column<double, string, string>(values: values, Keys: new Optional<IEnumerable<string>>(keys, true));
        return horizontal
            ? Style(chart, title, yTitle ?? y, xTitle ?? x, logX: logY)
            : Style(chart, title, xTitle ?? x, yTitle ?? y, logY: logY);
    }

    /// <summary>Grouped bars: one group per value of <paramref name="category"/>, one bar (and legend entry) per value of <paramref name="series"/>.</summary>
    public static GenericChart GroupedBar(DataFrame frame, string category, string series, string value, string title, string? yTitle = null, double? yMin = null, double? yMax = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var traces = Groups(frame, series).Select(g =>
            CSharpChart.Column<double, string, string>(values: g.Rows.Select(r => Number(frame[value][r])), Keys: new Optional<IEnumerable<string>>(g.Rows.Select(r => Label(frame[category][r])), true), Name: g.Name ?? value));
        var chart = Style(CSharpChart.Combine(traces), title, category, yTitle ?? value);
        return yMin is null && yMax is null ? chart : chart.WithYAxisStyle<double, double, string>(MinMax: new Optional<Tuple<double, double>>(Tuple.Create(yMin ?? 0, yMax ?? 1), true));
    }

    /// <summary>Lines of <paramref name="y"/> against the number in <paramref name="x"/>, one per value of <paramref name="series"/> when given.</summary>
    public static GenericChart Line(DataFrame frame, string x, string y, string title, string? series = null, string? xTitle = null, string? yTitle = null,
        bool logX = false, bool logY = false, bool markers = false, bool diagonal = false)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var traces = Groups(frame, series).Select(g =>
            CSharpChart.Line<double, double, string>(x: g.Rows.Select(r => Number(frame[x][r])), y: g.Rows.Select(r => Number(frame[y][r])), ShowMarkers: markers, Name: g.Name ?? y)).ToList();
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
        var traces = Groups(frame, color).Select(g =>
            CSharpChart.Point<double, double, string>(x: g.Rows.Select(r => Number(frame[x][r])), y: g.Rows.Select(r => Number(frame[y][r])), Name: g.Name ?? y, Opacity: 0.75,
                MultiText: text is null ? default : new Optional<IEnumerable<string>>(g.Rows.Select(r => Label(frame[text][r])), true)));
        return Style(CSharpChart.Combine(traces), title, xTitle ?? x, yTitle ?? y);
    }

    private static GenericChart Style(GenericChart chart, string title, string xTitle, string yTitle, bool logX = false, bool logY = false)
    {
        chart = Plotly.NET.Chart.withTitle(title, null).Invoke(chart);
        chart = logX
            ? chart.WithXAxisStyle<double, double, string>(TitleText: xTitle, AxisType: StyleParam.AxisType.Log)
            : chart.WithXAxisStyle<double, double, string>(TitleText: xTitle);
        chart = logY
            ? chart.WithYAxisStyle<double, double, string>(TitleText: yTitle, AxisType: StyleParam.AxisType.Log)
            : chart.WithYAxisStyle<double, double, string>(TitleText: yTitle);
        return chart.WithSize(Width, Height);
    }

    private static IEnumerable<(string? Name, List<long> Rows)> Groups(DataFrame frame, string? column)
    {
        if (column is null) return [(null, [.. Enumerable.Range(0, (int)frame.Rows.Count).Select(i => (long)i)])];
        var groups = new List<(string? Name, List<long> Rows)>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (long r = 0; r < frame.Rows.Count; r++)
        {
            var key = Label(frame[column][r]);
            if (!index.TryGetValue(key, out var g))
            {
                index[key] = g = groups.Count;
                groups.Add((key, []));
            }

            groups[g].Rows.Add(r);
        }

        return groups;
    }

    private static string[] Labels(DataFrame frame, string column) => [.. Enumerable.Range(0, (int)frame.Rows.Count).Select(r => Label(frame[column][r]))];

    private static double[] Numbers(DataFrame frame, string column) => [.. Enumerable.Range(0, (int)frame.Rows.Count).Select(r => Number(frame[column][r]))];

    private static string Label(object? value) => value switch
    {
        null => string.Empty,
        double d => d.ToString("G6", CultureInfo.InvariantCulture),
        float f => f.ToString("G6", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static double Number(object? value) => value is null ? double.NaN : Convert.ToDouble(value, CultureInfo.InvariantCulture);
}
