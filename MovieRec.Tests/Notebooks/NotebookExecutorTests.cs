using System.Text.Json.Nodes;
using System.Xml.Linq;
using MovieRec.Cli.Notebooks;
using MovieRec.Tests.Support;

namespace MovieRec.Tests.Notebooks;

public sealed class NotebookExecutorTests : IDisposable
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

        var doc = await NotebookExecutor.RunAsync(path);

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
        var e = await Assert.ThrowsAsync<NotebookRunException>(() => NotebookExecutor.RunAsync(path, outputPath: output));
        Assert.Equal(3, e.Cell); // the markdown title is cell 1
        Assert.Contains("CS0103", e.Message);
        Assert.Contains($"{Path.GetFileName(path)}, cell 3:", e.Message);
        var saved = NotebookDocument.Load(output);
        Assert.Equal("error", Outputs(saved, 2)[0]!["output_type"]!.GetValue<string>());
        Assert.Empty(Outputs(saved, 3)); // never ran

        var runtime = Notebook(("throw new InvalidOperationException(\"boom\");", null));
        var r = await Assert.ThrowsAsync<NotebookRunException>(() => NotebookExecutor.RunAsync(runtime));
        Assert.Contains("InvalidOperationException: boom", r.Message);
    }

    [Theory]
    [InlineData("#!fsharp\nlet x = 1", "'#!fsharp' magic belongs to another kernel")]
    [InlineData("#r \"nuget: Newtonsoft.Json, 13.0.3\"", "package 'Newtonsoft.Json' is not available")]
    [InlineData("#r \"nuget: Microsoft.Data.Analysis, 0.22.0\"", "pinned to 0.23.1 in this project, but the notebook asks for 0.22.0")]
    public async Task Directives_that_cannot_be_honoured_are_clear_errors(string source, string message)
    {
        var e = await Assert.ThrowsAsync<NotebookRunException>(() => NotebookExecutor.RunAsync(Notebook((source, null))));
        Assert.Equal(2, e.Cell);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public async Task Parameters_are_injected_after_the_tagged_cell_as_papermill_does()
    {
        var path = Notebook(("var Dataset = \"sample\";\nint N = 10; // how many\nbool Quick = false;", ["parameters"]), ("$\"{Dataset}:{N}:{Quick}\"", null));
        var doc = await NotebookExecutor.RunAsync(path, new Dictionary<string, string> { ["Dataset"] = "ml-latest-small", ["N"] = "3", ["Quick"] = "true" });
        Assert.Equal("ml-latest-small:3:True", Text(Outputs(doc, 3)[0]!["data"]!["text/plain"]));
        Assert.Contains("int N = 10; // how many", NotebookDocument.Source(doc.Cells[1]!)); // the defaults stay
        Assert.True(NotebookDocument.HasTag(doc.Cells[2]!, "injected-parameters"));
        Assert.Equal("// Injected parameters\nvar Dataset = \"ml-latest-small\";\nint N = 3; // how many\nbool Quick = true;\n", NotebookDocument.Source(doc.Cells[2]!));

        // Re-running the executed notebook replaces its injected cell instead of adding another.
        var executed = Path.ChangeExtension(path, ".out.ipynb");
        doc.Save(executed);
        var again = await NotebookExecutor.RunAsync(executed, new Dictionary<string, string> { ["N"] = "4" });
        Assert.Single(again.Cells, c => NotebookDocument.HasTag(c!, "injected-parameters"));
        Assert.Equal("sample:4:False", Text(Outputs(again, 3)[0]!["data"]!["text/plain"]));
        var plain = await NotebookExecutor.RunAsync(executed);
        Assert.DoesNotContain(plain.Cells, c => NotebookDocument.HasTag(c!, "injected-parameters"));

        var unknown = await Assert.ThrowsAsync<NotebookRunException>(() => NotebookExecutor.RunAsync(path, new Dictionary<string, string> { ["Missing"] = "1" }));
        Assert.Contains("no cell tagged 'parameters' declares Missing", unknown.Message);
        var wrong = await Assert.ThrowsAsync<NotebookRunException>(() => NotebookExecutor.RunAsync(path, new Dictionary<string, string> { ["N"] = "many" }));
        Assert.Contains("parameter N is a number", wrong.Message);
    }

    [Fact]
    public async Task Executed_notebooks_are_valid_nbformat_4_and_reproducible()
    {
        var path = Notebook(("using MovieRec.Synthetic;\nvar d = SyntheticDataGenerator.Generate(new SyntheticOptions { Users = 20, Movies = 50, Ratings = 450, GenomeMovies = 5 });\nd.Ratings.Rows.Count", null));
        var first = await NotebookExecutor.RunAsync(path, outputPath: _temp.File("a.ipynb"));
        var second = await NotebookExecutor.RunAsync(path, outputPath: _temp.File("b.ipynb"));
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
    public async Task Charts_render_as_html_with_plotly_js_embedded_once_per_notebook()
    {
        var path = Notebook(
            ("#r \"nuget: Plotly.NET.Interactive, 6.0.0\"\n#r \"nuget: Plotly.NET.CSharp, 0.14.0\"\nusing Plotly.NET.CSharp;", null),
            ("Chart.Line<int, int, string>(x: new[] { 1, 2, 3 }, y: new[] { 2, 4, 3 })", null),
            ("display(Chart.Point<int, int, string>(x: new[] { 1, 2 }, y: new[] { 5, 6 }));", null));
        var doc = await NotebookExecutor.RunAsync(path);
        var first = Text(Outputs(doc, 2)[0]!["data"]!["text/html"]);
        var second = Text(Outputs(doc, 3)[0]!["data"]!["text/html"]);
        Assert.Contains("Plotly.newPlot", first);
        Assert.Contains("Plotly.newPlot", second);
        Assert.True(first.Length > 1_000_000, "the first chart carries plotly.js");
        Assert.True(second.Length < 100_000, "later charts do not repeat it");
        Assert.Contains("Plotly chart", Text(Outputs(doc, 2)[0]!["data"]!["text/plain"]));
    }

    [Fact]
    public void Pinned_package_versions_match_the_central_package_versions()
    {
        var props = XDocument.Load(Path.Combine(TestPaths.RepositoryRoot, "Directory.Packages.props"));
        var versions = props.Descendants("PackageVersion").ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Version")!);
        foreach (var (name, (version, _)) in NotebookExecutor.Packages)
        {
            if (name is "MovieRec.Core" or "MovieRec.Charts" or "Plotly.NET.Interactive") continue;
            Assert.Equal(versions[name], version);
        }

        Assert.Equal(versions["Plotly.NET"], NotebookExecutor.Packages["Plotly.NET.Interactive"].Version); // an alias of the bundled Plotly.NET

        var build = XDocument.Load(Path.Combine(TestPaths.RepositoryRoot, "Directory.Build.props"));
        Assert.Equal(build.Descendants("Version").First().Value, NotebookExecutor.Packages["MovieRec.Core"].Version);
    }
}
