using System.Xml.Linq;

namespace MovieRec.Tests.Notebooks;

[Collection(ConsoleUsers.Name)]
public sealed class NotebookRunnerTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Notebook(params (string Source, string[]? Tags)[] cells)
    {
        var array = new JsonArray { new JsonObject { ["cell_type"] = "markdown", ["metadata"] = new JsonObject(), ["source"] = "# Title\n- a list" } };
        foreach (var (source, tags) in cells)
        {
            var metadata = new JsonObject();
            if (tags is not null) metadata["tags"] = new JsonArray([.. tags.Select(t => (JsonNode)t)]);
            array.Add(new JsonObject { ["cell_type"] = "code", ["execution_count"] = null, ["metadata"] = metadata, ["outputs"] = new JsonArray(), ["source"] = NotebookDocument.Lines(source) });
        }

        var root = new JsonObject { ["cells"] = array, ["metadata"] = new JsonObject { ["kernelspec"] = new JsonObject { ["name"] = ".net-csharp" } }, ["nbformat"] = 4, ["nbformat_minor"] = 5 };
        var path = _temp.File($"nb{Guid.NewGuid():N}.ipynb");
        File.WriteAllText(path, root.ToJsonString());
        return path;
    }

    private static JsonArray Outputs(NotebookDocument doc, int cell) => (JsonArray)doc.Cells[cell]!["outputs"]!;

    private static string Text(JsonNode? node) => NotebookDocument.Join(node);

    [Fact]
    public async Task Outputs_come_in_order_with_each_formatter()
    {
        var path = Notebook(
            ("#!csharp\n#r \"nuget: Microsoft.Data.Analysis, 0.23.1\"\n#r \"nuget: MovieRec.Core\"\nusing Microsoft.Data.Analysis;", null),
            ("Console.WriteLine(\"hello\");\ndisplay(new DataFrame(new Int32DataFrameColumn(\"x\", new[] { 1, 2, 3 })));\nConsole.Write(\"after\");\n1.5 + 1", null),
            ("record P(string Name, int Count);\nnew[] { new P(\"a\", 1), new P(\"b\", 2) }", null),
            ("var nothing = 1;", null));

        var doc = await NotebookRunner.RunAsync(path);

        var outputs = Outputs(doc, 2);
        Assert.Equal(["stream", "display_data", "stream", "execute_result"], outputs.Select(o => o!["output_type"]!.GetValue<string>()));
        Assert.Equal("hello\n", Text(outputs[0]!["text"]));
        Assert.Contains("<table class=\"dataframe\">", Text(outputs[1]!["data"]!["text/html"]));
        Assert.Contains("3 rows × 1 columns", Text(outputs[1]!["data"]!["text/html"]));
        Assert.Equal("2.5", Text(outputs[3]!["data"]!["text/plain"]));
        Assert.Equal(2, outputs[3]!["execution_count"]!.GetValue<int>());
        Assert.Contains("<th>Name</th><th>Count</th>", Text(Outputs(doc, 3)[0]!["data"]!["text/html"]));
        Assert.Empty(Outputs(doc, 4));
        Assert.Equal([1, 2, 3, 4], doc.Cells.Skip(1).Select(c => c!["execution_count"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Errors_stop_the_run_name_the_cell_and_are_recorded()
    {
        var path = Notebook(("var a = 1;", null), ("var b = undefinedName;", null), ("var c = 3;", null));
        var output = _temp.File("out.ipynb");
        var e = await Assert.ThrowsAsync<NotebookRunException>(() => NotebookRunner.RunAsync(path, new NotebookRunOptions { OutputPath = output }));
        Assert.Equal(3, e.Cell); // the markdown title is cell 1
        Assert.Contains("CS0103", e.Message);
        Assert.Contains($"{Path.GetFileName(path)}, cell 3:", e.Message);
        var saved = NotebookDocument.Load(output);
        Assert.Equal("error", Outputs(saved, 2)[0]!["output_type"]!.GetValue<string>());
        Assert.Empty(Outputs(saved, 3)); // never ran

        var runtime = Notebook(("throw new InvalidOperationException(\"boom\");", null));
        var r = await Assert.ThrowsAsync<NotebookRunException>(() => NotebookRunner.RunAsync(runtime));
        Assert.Contains("InvalidOperationException: boom (cell line 1)", r.Message);
    }

    [Theory]
    [InlineData("#!fsharp\nlet x = 1", "'#!fsharp' magic belongs to another kernel")]
    [InlineData("#r \"nuget: Microsoft.Data.Analysis, 0.22.0\"", "'Microsoft.Data.Analysis' ships with this kernel at 0.23.1, and that version is loaded: a running kernel cannot load another version")]
    [InlineData("#i https://example.org/feed", "a package source is written #i \"nuget: SOURCE\"")]
    public async Task Directives_that_cannot_be_honoured_are_clear_errors(string source, string message)
    {
        var e = await Assert.ThrowsAsync<NotebookRunException>(() => NotebookRunner.RunAsync(Notebook((source, null))));
        Assert.Equal(2, e.Cell);
        Assert.Contains(message, e.Message);
    }

    private static Dictionary<string, string> Values(params (string Key, string Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value);

    [Fact]
    public async Task Parameters_replace_the_tagged_cell_values_in_the_run_but_not_in_the_saved_cell()
    {
        var path = Notebook(("var Dataset = \"sample\";\nint N = 10; // how many\nbool Quick = false;", ["parameters"]), ("$\"{Dataset}:{N}:{Quick}\"", null));
        var doc = await NotebookRunner.RunAsync(path, new NotebookRunOptions { Parameters = Values(("Dataset", "ml-latest-small"), ("N", "3"), ("Quick", "true")), OutputPath = _temp.File("p.ipynb") });
        Assert.Equal("ml-latest-small:3:True", Text(Outputs(doc, 3)[0]!["data"]!["text/plain"]));
        Assert.Equal("var Dataset = \"sample\";\nint N = 10; // how many\nbool Quick = false;", NotebookDocument.Source(doc.Cells[1]!)); // Run All in a kernel uses the defaults
        var note = doc.Cells[2]!;
        Assert.Equal("markdown", NotebookDocument.CellType(note)); // nothing a kernel would execute
        Assert.True(NotebookDocument.HasTag(note, NotebookRunner.InjectedTag));
        Assert.Contains("`Dataset = ml-latest-small`, `N = 3`, `Quick = true`", NotebookDocument.Source(note), StringComparison.Ordinal);
        Assert.Equal("ml-latest-small", doc.Root["metadata"]!["movierec"]!["parameters"]!["Dataset"]!.GetValue<string>());

        // Re-running the executed notebook replaces the note instead of adding another; without parameters it goes.
        var again = await NotebookRunner.RunAsync(_temp.File("p.ipynb"), new NotebookRunOptions { Parameters = Values(("N", "4")), OutputPath = _temp.File("q.ipynb") });
        Assert.Single(again.Cells, c => NotebookDocument.HasTag(c!, NotebookRunner.InjectedTag));
        Assert.Equal("sample:4:False", Text(Outputs(again, 3)[0]!["data"]!["text/plain"]));
        var plain = await NotebookRunner.RunAsync(_temp.File("q.ipynb"), new NotebookRunOptions { OutputPath = _temp.File("r.ipynb") });
        Assert.DoesNotContain(plain.Cells, c => NotebookDocument.HasTag(c!, NotebookRunner.InjectedTag));
        Assert.Null(plain.Root["metadata"]!["movierec"]);

        var unknown = await Assert.ThrowsAsync<NotebookRunException>(() => NotebookRunner.RunAsync(path, new NotebookRunOptions { Parameters = Values(("Missing", "1")) }));
        Assert.Contains("the parameters cell declares no Missing", unknown.Message);
        var wrong = await Assert.ThrowsAsync<NotebookRunException>(() => NotebookRunner.RunAsync(path, new NotebookRunOptions { Parameters = Values(("N", "many")) }));
        Assert.Contains("parameter N is a number", wrong.Message);
    }

    [Fact]
    public async Task A_failed_run_writes_outputs_up_to_the_failing_cell_clears_later_ones_and_never_touches_the_source()
    {
        var path = Notebook(("var a = 1;\na", null), ("throw new InvalidOperationException(\"boom\");", null), ("var c = 3;", null));
        var stale = NotebookDocument.Load(path);
        ((JsonObject)stale.Cells[3]!)["outputs"] = new JsonArray(new JsonObject { ["output_type"] = "stream", ["name"] = "stdout", ["text"] = "stale\n" });
        ((JsonObject)stale.Cells[3]!)["execution_count"] = 7;
        stale.Save(path);
        var before = File.ReadAllText(path);

        await Assert.ThrowsAsync<NotebookRunException>(() => NotebookRunner.RunAsync(path));
        Assert.Equal(before, File.ReadAllText(path)); // without --out, the source is untouched

        var output = _temp.File("failed.ipynb");
        await Assert.ThrowsAsync<NotebookRunException>(() => NotebookRunner.RunAsync(path, new NotebookRunOptions { OutputPath = output }));
        var saved = NotebookDocument.Load(output);
        Assert.Equal("1", Text(Outputs(saved, 1)[0]!["data"]!["text/plain"]));
        Assert.Equal("error", Outputs(saved, 2)[0]!["output_type"]!.GetValue<string>());
        Assert.Empty(Outputs(saved, 3)); // the stale output is gone
        Assert.Null(saved.Cells[3]!["execution_count"]);
        Assert.Empty(Directory.GetFiles(_temp.Path, "*.tmp"));
    }

    [Theory]
    [InlineData("{\"cells\": [", "not valid JSON")]
    [InlineData("[1, 2]", "the top level is not a JSON object")]
    [InlineData("{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"markdown\", \"source\": \"x\"}, 5]}", "cell 2: the cell is not a JSON object")]
    [InlineData("{\"nbformat\": 4, \"cells\": [{\"cell_type\": 3, \"source\": \"x\"}]}", "cell 1: 'cell_type' is not")]
    [InlineData("{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"code\", \"source\": [1]}]}", "cell 1: 'source' is not a string")]
    [InlineData("{\"nbformat\": 3, \"worksheets\": []}", "not an nbformat 4 notebook")]
    public async Task Malformed_notebooks_are_one_clear_error(string content, string message)
    {
        var path = _temp.Write("bad.ipynb", content);
        var e = await Assert.ThrowsAsync<NotebookRunException>(() => NotebookRunner.RunAsync(path));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
        Assert.StartsWith("bad.ipynb", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_notebook_too_large_to_save_again_is_refused_before_it_runs()
    {
        // A 200 MB cell used to run to the end and then fail to save ("The JSON value of length … is too large").
        var path = _temp.File("huge.ipynb");
        using (var writer = new StreamWriter(path))
        {
            writer.Write("{\"cells\": [{\"cell_type\": \"markdown\", \"metadata\": {}, \"source\": \"");
            writer.Write(new string('x', (int)NotebookDocument.MaxBytes));
            writer.Write("\"}], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}");
        }

        var e = Assert.Throws<NotebookRunException>(() => NotebookDocument.Load(path));
        Assert.Contains("huge.ipynb: is 64 MiB; notebooks of up to 64 MiB are read", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cell_that_runs_too_long_ends_with_a_timeout_naming_the_cell()
    {
        var path = Notebook(("var x = 1;", null), ("await Task.Delay(TimeSpan.FromMinutes(5), CancellationToken);", null), ("x", null));
        // 1 s: the clock starts after compilation, so the first cell's cold compiler does not count.
        var e = await Assert.ThrowsAsync<NotebookRunException>(() => NotebookRunner.RunAsync(path, new NotebookRunOptions { CellTimeout = TimeSpan.FromSeconds(1), OutputPath = _temp.File("t.ipynb") }));
        Assert.Equal(3, e.Cell);
        Assert.Contains("CellTimeout: the cell ran longer than 1 s", e.Message, StringComparison.Ordinal);
        Assert.Equal("CellTimeout", Outputs(NotebookDocument.Load(_temp.File("t.ipynb")), 2)[0]!["ename"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cancelling_a_run_records_the_interrupted_cell_and_stops()
    {
        var path = Notebook(("while (true) System.Threading.Thread.Sleep(20);", null), ("var never = 1;", null));
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => NotebookRunner.RunAsync(path, new NotebookRunOptions { OutputPath = _temp.File("c.ipynb") }, cancel.Token));
        var saved = NotebookDocument.Load(_temp.File("c.ipynb"));
        Assert.Equal("Interrupted", Outputs(saved, 1)[0]!["ename"]!.GetValue<string>());
        Assert.Empty(Outputs(saved, 2));
    }

    [Fact]
    public async Task Executed_notebooks_are_valid_nbformat_4_and_reproducible()
    {
        var path = Notebook(("using MovieRec.Synthetic;\nvar d = SyntheticDataGenerator.Generate(new SyntheticOptions { Users = 20, Movies = 50, Ratings = 450, GenomeMovies = 5 });\nd.Ratings.Rows.Count", null));
        var first = await NotebookRunner.RunAsync(path, new NotebookRunOptions { OutputPath = _temp.File("a.ipynb") });
        var second = await NotebookRunner.RunAsync(path, new NotebookRunOptions { OutputPath = _temp.File("b.ipynb") });
        Assert.Equal(File.ReadAllText(_temp.File("a.ipynb")), File.ReadAllText(_temp.File("b.ipynb")));

        var root = JsonNode.Parse(File.ReadAllText(_temp.File("a.ipynb")))!;
        Assert.Equal(4, root["nbformat"]!.GetValue<int>());
        foreach (var cell in root["cells"]!.AsArray())
        {
            Assert.True(cell!["metadata"] is JsonObject);
            Assert.True(cell["source"] is JsonArray or JsonValue);
            if (cell["cell_type"]!.GetValue<string>() != "code") continue;
            Assert.True(cell["execution_count"]!.GetValue<int>() > 0);
            foreach (var output in cell["outputs"]!.AsArray())
            {
                var type = output!["output_type"]!.GetValue<string>();
                Assert.Contains(type, new[] { "stream", "display_data", "execute_result", "error" });
                if (type is "display_data" or "execute_result") Assert.True(output["data"]!["text/plain"] is not null && output["metadata"] is JsonObject);
            }
        }

        var html = NotebookHtml.Render(first, "t");
        Assert.Contains("<h1>Title</h1>", html);
        Assert.Contains("<ul><li>a list</li></ul>", html);
    }

    [Fact]
    public async Task Charts_carry_plotly_json_and_html_while_plotly_js_lives_only_in_the_html_page()
    {
        var path = Notebook(
            ("#r \"nuget: Plotly.NET.Interactive, 6.0.0\"\n#r \"nuget: Plotly.NET.CSharp, 0.14.0\"\nusing Plotly.NET.CSharp;", null),
            ("Chart.Line<int, int, string>(x: new[] { 1, 2, 3 }, y: new[] { 2, 4, 3 })", null),
            ("display(Chart.Point<int, int, string>(x: new[] { 1, 2 }, y: new[] { 5, 6 }));", null));
        var doc = await NotebookRunner.RunAsync(path, new NotebookRunOptions { OutputPath = _temp.File("charts.ipynb") });
        foreach (var cell in new[] { 2, 3 })
        {
            var data = Outputs(doc, cell)[0]!["data"]!;
            Assert.Contains("Plotly.newPlot", Text(data["text/html"]));
            Assert.True(Text(data["text/html"]).Length < 100_000, "no plotly.js inside the notebook");
            Assert.Equal("Plotly chart", Text(data["text/plain"]));
            Assert.NotEmpty(data[MimeBundle.PlotlyMimeType]!["data"]!.AsArray());
        }

        Assert.Equal([2, 4, 3], Outputs(doc, 2)[0]!["data"]![MimeBundle.PlotlyMimeType]!["data"]![0]!["y"]!.AsArray().Select(v => v!.GetValue<int>()));
        var page = NotebookHtml.Render(doc, "charts");
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(page, @"plotly\.js v\d"));
        Assert.True(page.Length > 1_000_000, "the page carries plotly.js once, so it works offline");
    }

    [Fact]
    public void Pinned_package_versions_match_the_central_package_versions()
    {
        var props = XDocument.Load(Path.Combine(TestPaths.RepositoryRoot, "Directory.Packages.props"));
        var versions = props.Descendants("PackageVersion").ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Version")!);
        foreach (var (name, package) in NotebookPackages.Known)
        {
            var version = package.Version;
            if (name is "MovieRec.Core" or "MovieRec.Charts" or "MovieRec.Notebooks" or "Plotly.NET.Interactive") continue;
            Assert.Equal(versions[name], version);
        }

        Assert.Equal(versions["Plotly.NET"], NotebookPackages.Known["Plotly.NET.Interactive"].Version); // an alias of the bundled Plotly.NET

        var build = XDocument.Load(Path.Combine(TestPaths.RepositoryRoot, "Directory.Build.props"));
        Assert.Equal(build.Descendants("Version").First().Value, NotebookPackages.Known["MovieRec.Core"].Version);
    }
}
