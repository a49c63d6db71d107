namespace MovieRec.Tests.Notebooks;

[Trait("Category", "Integration")]
public sealed class ChartRenderingTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Notebook(params string[] sources)
    {
        var cells = new JsonArray();
        foreach (var source in sources)
        {
            cells.Add(new JsonObject { ["cell_type"] = "code", ["execution_count"] = null, ["metadata"] = new JsonObject(), ["outputs"] = new JsonArray(), ["source"] = NotebookDocument.Lines(source) });
        }

        var path = _temp.File("charts.ipynb");
        File.WriteAllText(path, new JsonObject { ["cells"] = cells, ["metadata"] = new JsonObject(), ["nbformat"] = 4, ["nbformat_minor"] = 5 }.ToJsonString());
        return path;
    }

    private const string Setup = "#r \"nuget: MovieRec.Charts, 0.1.0\"\nusing MovieRec.Charts;\nusing Microsoft.Data.Analysis;\nvar f = new DataFrame(new StringDataFrameColumn(\"k\", new[] { \"a\", \"b\" }), new DoubleDataFrameColumn(\"v\", new[] { 1.0, 3 }));";

    [ChromiumFact]
    public async Task Charts_get_a_png_copy_and_every_chart_of_the_page_draws_in_chromium()
    {
        var path = Notebook(Setup, "Plot.Bar(f, \"k\", \"v\", \"bars\")", "display(Plot.Line(f, \"v\", \"v\", \"line\", markers: true));\nHTML(\"<b>done</b>\")");
        var output = _temp.Sub("out");
        var (code, stdout, stderr) = await Movierec.RunAsync("notebooks", "run", path, "--out", output, "--html", "--check-charts");
        Assert.True(code == 0, stdout + stderr);
        Assert.Contains("all 2 charts drew in headless Chromium", stdout, StringComparison.Ordinal);
        var document = NotebookDocument.Load(Path.Combine(output, "charts.ipynb"));
        var chart = (JsonObject)((JsonArray)document.Cells[1]!["outputs"]!)[0]!;
        var png = Convert.FromBase64String(chart["data"]!["image/png"]!.GetValue<string>());
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.True(png.Length > 5_000, "a drawn chart, not a blank image");
        var html = NotebookDocument.Join(chart["data"]!["text/html"]);
        Assert.Contains("class=\"movierec-chart-png\"", html, StringComparison.Ordinal);
        Assert.Contains("<b>done</b>", NotebookDocument.Join(((JsonArray)document.Cells[2]!["outputs"]!)[1]!["data"]!["text/html"]), StringComparison.Ordinal);
    }

    [ChromiumFact]
    public async Task The_page_check_fails_when_a_chart_does_not_draw()
    {
        await using var started = (await ChartRenderer.TryStartAsync()).Renderer!;
        var page = _temp.Write("broken.html", "<html><body><div class=\"movierec-chart\"><div id=\"x\"></div></div>"
            + "<div class=\"movierec-chart\"><img class=\"movierec-chart-png\" src=\"data:image/png;base64,AA==\"/></div></body></html>");
        var report = await started.CheckPageAsync(page);
        Assert.Equal(2, report.Count);
        Assert.All(report, r => Assert.Equal(0, r!["traces"]!.GetValue<int>()));
        Assert.True(report[1]!["fallbackLeft"]!.GetValue<bool>());
    }

    [Fact]
    public void Without_a_png_the_chart_html_has_no_fallback_image()
    {
        var html = MimeFormatter.ChartHtml("<div id=\"c\"></div>", null);
        Assert.Equal("<div class=\"movierec-chart\"><div id=\"c\"></div></div>", html);
        var withPng = MimeFormatter.ChartHtml("<div id=\"c\"></div>", [1, 2, 3]);
        Assert.Contains("src=\"data:image/png;base64,AQID\"", withPng, StringComparison.Ordinal);
        Assert.Contains(".remove()", withPng, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_content_shows_as_html_with_its_text_as_plain_text()
    {
        var bundle = MimeFormatter.Format(new HtmlContent("<p>a &amp; <b>b</b></p>"));
        Assert.Equal("<p>a &amp; <b>b</b></p>", bundle.Html);
        Assert.Equal("a & b", bundle.PlainText);
    }

    [Fact]
    public void Data_frames_print_as_aligned_tables()
    {
        var frame = new Microsoft.Data.Analysis.DataFrame(new Microsoft.Data.Analysis.StringDataFrameColumn("name", ["a", "bbb"]), new Microsoft.Data.Analysis.DoubleDataFrameColumn("value", [1.5, 10]));
        Assert.Equal(string.Join(Environment.NewLine, "name  value", "a       1.5", "bbb      10"), MimeFormatter.FrameText(frame));
    }
}
