using System.Net;
using System.Text.RegularExpressions;

namespace MovieRec.Notebooks;

/// <summary>Renders an executed notebook as one self-contained HTML page (markdown, code, outputs); a page with charts
/// carries plotly.js once, in its head, so it works offline.</summary>
public static partial class NotebookHtml
{
    /// <summary>The page of <paramref name="document"/>.</summary>
    public static string Render(NotebookDocument document, string title)
    {
        ArgumentNullException.ThrowIfNull(document);
        var outputs = document.Cells.OfType<JsonObject>().SelectMany(c => c["outputs"] as JsonArray ?? []).OfType<JsonObject>();
        var charts = outputs.Any(o => o["data"]?["text/html"] is { } h && NotebookDocument.Join(h).Contains("Plotly.newPlot", StringComparison.Ordinal));
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").Append(WebUtility.HtmlEncode(title)).Append("</title><style>")
          .Append("body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;line-height:1.45}pre{background:#f6f8fa;padding:.6em;overflow:auto}")
          .Append("table{border-collapse:collapse;font-size:.9em}td,th{border:1px solid #ddd;padding:.2em .5em}.error{background:#fee;color:#900}.count{color:#888;font-size:.8em}")
          .Append("</style>");
        if (charts) sb.Append(MimeFormatter.PlotlyScript());
        sb.Append("</head><body>");
        foreach (var cell in document.Cells.OfType<JsonObject>())
        {
            var source = NotebookDocument.Source(cell);
            if (cell["cell_type"]?.GetValue<string>() == "markdown")
            {
                sb.Append(Markdown(source));
                continue;
            }

            if (cell["cell_type"]?.GetValue<string>() != "code") continue;
            sb.Append("<div class=\"count\">[").Append(cell["execution_count"]?.ToString() ?? " ").Append("]</div><pre><code>")
              .Append(WebUtility.HtmlEncode(source)).Append("</code></pre>");
            foreach (var output in (cell["outputs"] as JsonArray ?? []).OfType<JsonObject>())
            {
                switch (output["output_type"]?.GetValue<string>())
                {
                    case "stream":
                        sb.Append("<pre>").Append(WebUtility.HtmlEncode(NotebookDocument.Join(output["text"]))).Append("</pre>");
                        break;
                    case "error":
                        sb.Append("<pre class=\"error\">").Append(WebUtility.HtmlEncode(output["evalue"]?.GetValue<string>() ?? string.Empty)).Append("</pre>");
                        break;
                    default:
                        var data = output["data"] as JsonObject;
                        if (data?["text/html"] is { } html) sb.Append(NotebookDocument.Join(html));
                        else if (data?["text/plain"] is { } text) sb.Append("<pre>").Append(WebUtility.HtmlEncode(NotebookDocument.Join(text))).Append("</pre>");
                        break;
                }
            }
        }

        return sb.Append("</body></html>").ToString();
    }

    /// <summary>A small Markdown subset: headings, bullet lists, paragraphs, inline code, bold, links and images.</summary>
    internal static string Markdown(string text)
    {
        var sb = new StringBuilder();
        var inList = false;
        var paragraph = new List<string>();
        void FlushParagraph()
        {
            if (paragraph.Count > 0) sb.Append("<p>").Append(Inline(string.Join(' ', paragraph))).Append("</p>");
            paragraph.Clear();
        }

        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var heading = Heading().Match(line);
            var item = Bullet().Match(line);
            if (heading.Success || item.Success || line.Trim().Length == 0) FlushParagraph();
            if (!item.Success && inList)
            {
                sb.Append("</ul>");
                inList = false;
            }

            if (heading.Success)
            {
                var level = heading.Groups[1].Value.Length;
                sb.Append("<h").Append(level).Append('>').Append(Inline(heading.Groups[2].Value)).Append("</h").Append(level).Append('>');
            }
            else if (item.Success)
            {
                if (!inList) sb.Append("<ul>");
                inList = true;
                sb.Append("<li>").Append(Inline(item.Groups[1].Value)).Append("</li>");
            }
            else if (line.Trim().Length > 0)
            {
                paragraph.Add(line.Trim());
            }
        }

        FlushParagraph();
        if (inList) sb.Append("</ul>");
        return sb.ToString();
    }

    private static string Inline(string text)
    {
        var html = WebUtility.HtmlEncode(text);
        html = Image().Replace(html, "<img alt=\"$1\" src=\"$2\">");
        html = Link().Replace(html, "<a href=\"$2\">$1</a>");
        html = Code().Replace(html, "<code>$1</code>");
        return Bold().Replace(html, "<b>$1</b>");
    }

    [GeneratedRegex(@"^(#{1,6})\s+(.*)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\s*[-*]\s+(.*)$")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"!\[([^\]]*)\]\(([^)]+)\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[([^\]]+)\]\(([^)]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"`([^`]+)`")]
    private static partial Regex Code();

    [GeneratedRegex(@"\*\*([^*]+)\*\*")]
    private static partial Regex Bold();
}
