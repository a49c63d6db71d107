using System.Collections;
using System.Net;
using Microsoft.Data.Analysis;

namespace MovieRec.Notebooks;

/// <summary>
/// Turns a displayed value into a <see cref="MimeBundle"/>: DataFrames and collections as text/html tables plus aligned
/// text/plain, Plotly.NET charts as <see cref="MimeBundle.PlotlyMimeType"/> plus a text/html fallback, <see cref="HtmlContent"/>
/// as text/html, anything else as invariant text.
/// </summary>
public static partial class MimeFormatter
{
    /// <summary>Rows shown of a DataFrame or collection.</summary>
    public const int MaxRows = 20;

    /// <summary>plotly.js in a script element that always defines <c>window.Plotly</c>: its UMD header would register an AMD
    /// module instead where RequireJS is loaded (the classic Notebook), so <c>define</c>, <c>exports</c> and <c>module</c> are hidden from it.</summary>
    internal static string PlotlyScript() => "<script type=\"text/javascript\">(function (define, exports, module) {\n" + PlotlyJs.Value + "\n})();</script>";

    /// <summary>The plotly.js that Plotly.NET embeds (2.28.0), for offline pages.</summary>
    internal static readonly Lazy<string> PlotlyJs = new(() =>
    {
        var assembly = typeof(Plotly.NET.GenericChart).Assembly;
        var name = assembly.GetManifestResourceNames().First(n => n.EndsWith(".min.js", StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        return reader.ReadToEnd();
    });

    /// <summary>The representations of <paramref name="value"/> (see the class remarks).</summary>
    public static MimeBundle Format(object? value)
    {
        var (html, text) = Represent(value);
        var bundle = new MimeBundle().Set("text/plain", text);
        if (value is Plotly.NET.GenericChart chart) bundle.Set(MimeBundle.PlotlyMimeType, JsonNode.Parse(Plotly.NET.GenericChart.toJson(chart))!);
        if (html is not null) bundle.Set("text/html", html);
        return bundle;
    }

    private static (string? Html, string Text) Represent(object? value)
    {
        switch (value)
        {
            case null:
                return (null, "null");
            case string s:
                return (null, s);
            case HtmlContent h:
                return (h.Html, PlainText(h.Html));
            case Plotly.NET.GenericChart chart:
                return (Plotly.NET.GenericChart.toChartHTML(chart), "Plotly chart");
            case DataFrame frame:
                return (FrameHtml(frame), FrameText(frame));
            case IEnumerable items when value is not IDictionary:
            {
                var list = items.Cast<object?>().Take(MaxRows + 1).ToList();
                var more = list.Count > MaxRows;
                if (more) list.RemoveAt(MaxRows);
                var properties = RecordProperties(list);
                var text = properties.Length > 0 ? RecordsText(list, properties) : string.Join(Environment.NewLine, list.Select(Text));
                return (ObjectsHtml(list, more), text + (more ? Environment.NewLine + "…" : string.Empty));
            }

            default:
                return IsRecordLike(value.GetType()) && RecordProperties([value]) is { Length: > 0 } scalars
                    ? (ObjectsHtml([value], false), RecordsText([value], scalars))
                    : (null, Text(value));
        }
    }

    /// <summary>A chart's HTML in a <c>movierec-chart</c> wrapper; with a PNG, the wrapper starts with it as an image that
    /// the wrapper's script removes once plotly.js is there, so the PNG shows exactly where scripts do not run or plotly.js
    /// is missing (a notebook file opened in a front end that draws its HTML but has no plotly.js).</summary>
    internal static string ChartHtml(string chartHtml, byte[]? png)
    {
        var sb = new StringBuilder("<div class=\"movierec-chart\">");
        if (png is not null)
        {
            sb.Append("<img class=\"movierec-chart-png\" alt=\"chart (static copy)\" src=\"data:image/png;base64,").Append(Convert.ToBase64String(png)).Append("\"/>");
        }

        sb.Append(chartHtml);
        if (png is not null)
        {
            sb.Append("<script type=\"text/javascript\">(function () { var s = document.currentScript; var i = s && s.parentElement.querySelector('.movierec-chart-png'); if (i && window.Plotly) i.remove(); })();</script>");
        }

        return sb.Append("</div>").ToString();
    }

    /// <summary>The text of some markup: tags dropped, entities decoded, whitespace collapsed (the text/plain of an HTML output).</summary>
    internal static string PlainText(string html) =>
        WebUtility.HtmlDecode(Whitespace().Replace(Tags().Replace(html, " "), " ")).Trim();

    [System.Text.RegularExpressions.GeneratedRegex("<[^>]*>")]
    private static partial System.Text.RegularExpressions.Regex Tags();

    [System.Text.RegularExpressions.GeneratedRegex("\\s+")]
    private static partial System.Text.RegularExpressions.Regex Whitespace();

    private static string Footer(long rows) => rows > MaxRows ? string.Create(CultureInfo.InvariantCulture, $"{Environment.NewLine}({rows:N0} rows)") : string.Empty;

    /// <summary>The first rows as an aligned text table (numbers right-aligned), with the row count when rows are cut.</summary>
    internal static string FrameText(DataFrame frame)
    {
        var rows = (int)Math.Min(MaxRows, frame.Rows.Count);
        var columns = frame.Columns.Select(c => (c.Name, Numeric: c.IsNumericColumn(), Cells: Enumerable.Range(0, rows).Select(r => Text(c[r])).ToArray())).ToList();
        return AlignedTable(columns) + Footer(frame.Rows.Count);
    }

    /// <summary>Records (anonymous objects, records, classes with properties) as an aligned text table of their scalar properties.</summary>
    internal static string RecordsText(IReadOnlyList<object?> items, PropertyInfo[] properties) =>
        AlignedTable([.. properties.Select(p => (p.Name, Numeric: IsNumber(p.PropertyType), Cells: items.Select(i => Text(i is null ? null : p.GetValue(i))).ToArray()))]);

    /// <summary>Columns as text: a header line, then one line per row; numbers right-aligned, text left-aligned.</summary>
    private static string AlignedTable(IReadOnlyList<(string Name, bool Numeric, string[] Cells)> columns)
    {
        var rows = columns.Count == 0 ? 0 : columns[0].Cells.Length;
        var widths = columns.Select(c => c.Cells.Append(c.Name).Max(t => t.Length)).ToArray();
        string Pad(string text, int c) => columns[c].Numeric ? text.PadLeft(widths[c]) : text.PadRight(widths[c]);
        var sb = new StringBuilder();
        sb.AppendJoin("  ", columns.Select((c, i) => Pad(c.Name, i))).Append('\n');
        for (var r = 0; r < rows; r++) sb.AppendJoin("  ", columns.Select((c, i) => Pad(c.Cells[r], i))).Append('\n');
        return string.Join(Environment.NewLine, sb.ToString().TrimEnd('\n').Split('\n').Select(line => line.TrimEnd()));
    }

    private static string FrameHtml(DataFrame frame)
    {
        var sb = new StringBuilder("<table class=\"dataframe\"><thead><tr>");
        foreach (var column in frame.Columns) sb.Append("<th>").Append(WebUtility.HtmlEncode(column.Name)).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        var rows = Math.Min(MaxRows, frame.Rows.Count);
        for (long r = 0; r < rows; r++)
        {
            sb.Append("<tr>");
            foreach (var column in frame.Columns) sb.Append("<td>").Append(WebUtility.HtmlEncode(Text(column[r]))).Append("</td>");
            sb.Append("</tr>");
        }

        sb.Append("</tbody></table>");
        sb.Append(CultureInfo.InvariantCulture, $"<p><i>{frame.Rows.Count:N0} rows × {frame.Columns.Count} columns</i></p>");
        return sb.ToString();
    }

    private static string ObjectsHtml(List<object?> items, bool more)
    {
        var properties = RecordProperties(items);
        var sb = new StringBuilder("<table><thead><tr>");
        if (properties.Length == 0) sb.Append("<th>value</th>");
        foreach (var p in properties) sb.Append("<th>").Append(WebUtility.HtmlEncode(p.Name)).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        foreach (var item in items)
        {
            sb.Append("<tr>");
            if (properties.Length == 0) sb.Append("<td>").Append(WebUtility.HtmlEncode(Text(item))).Append("</td>");
            foreach (var p in properties) sb.Append("<td>").Append(WebUtility.HtmlEncode(Text(item is null ? null : p.GetValue(item)))).Append("</td>");
            sb.Append("</tr>");
        }

        sb.Append("</tbody></table>");
        if (more) sb.Append("<p><i>first ").Append(MaxRows).Append(" items</i></p>");
        return sb.ToString();
    }

    /// <summary>The public scalar properties of the items' type when it is record-like, else none.</summary>
    private static PropertyInfo[] RecordProperties(IReadOnlyList<object?> items)
    {
        var type = items.FirstOrDefault(i => i is not null)?.GetType();
        return type is not null && IsRecordLike(type)
            ? [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && IsScalar(p.PropertyType))]
            : [];
    }

    private static bool IsNumber(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive && type != typeof(bool) && type != typeof(char) || type == typeof(decimal);
    }

    private static bool IsRecordLike(Type type) =>
        !type.IsPrimitive && type != typeof(string) && type != typeof(decimal) && !type.IsEnum
        && type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Any(p => p.GetIndexParameters().Length == 0);

    private static bool IsScalar(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTime) || type == typeof(DateTimeOffset);
    }

    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        double d => d.ToString("G6", CultureInfo.InvariantCulture),
        float f => f.ToString("G6", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable e when value is not string => string.Join(", ", e.Cast<object?>().Take(10).Select(Text)),
        _ => value.ToString() ?? string.Empty,
    };
}
