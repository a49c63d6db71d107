namespace MovieRec.Tests.Notebooks.Packages;

/// <summary>
/// <c>#r "nuget:"</c> for any package, restored by NuGet (a generated project and <c>dotnet restore</c>) from a local
/// folder feed built by <see cref="LocalFeed"/>: dependencies, version rules, native libraries, caching, the errors, the
/// packages the kernel ships, and the <c>#!time</c> / <c>#!whos</c> magics. Every notebook folder has a nuget.config that
/// clears the user's sources, so nothing here needs the network except the one test that says so.
/// </summary>
[Collection(ConsoleUsers.Name)]
[Trait("Category", "Integration")] // dotnet restore for every package reference, and Jupyter for one test
public sealed class PackageReferenceTests(LocalFeed feed) : IClassFixture<LocalFeed>
{
    private sealed class Recorder : CellOutput
    {
        public List<string> Displays { get; } = [];

        public StringBuilder Text { get; } = new();

        public List<string> Results { get; } = [];

        public override void Stream(string name, string text) => Text.Append(text);

        public override void Display(MimeBundle bundle, string? displayId) => Displays.Add(bundle.PlainText);

        public override void UpdateDisplay(MimeBundle bundle, string displayId) => Displays.Add(bundle.PlainText);

        public override void Result(MimeBundle bundle, int executionCount) => Results.Add(bundle.PlainText);

        public override void ClearOutput(bool wait)
        {
        }
    }

    private NotebookSession Session(string folder, string? packages = null, string? projects = null) => new(new NotebookSessionOptions
    {
        BaseDirectory = folder,
        PackagesFolder = packages ?? feed.Packages,
        RestoreProjectsFolder = projects ?? feed.Projects,
    });

    private static async Task<(CellResult Result, Recorder Output)> RunAsync(NotebookSession session, string code)
    {
        var output = new Recorder();
        return (await session.ExecuteAsync(code, output), output);
    }

    private static async Task<Recorder> OkAsync(NotebookSession session, string code)
    {
        var (result, output) = await RunAsync(session, code);
        Assert.True(result.Error is null, $"{result.Error?.Name}: {result.Error?.Value}");
        return output;
    }

    private static async Task<CellError> ErrorAsync(NotebookSession session, string code)
    {
        var (result, _) = await RunAsync(session, code);
        Assert.NotNull(result.Error);
        return result.Error;
    }

    [Fact]
    public async Task Packages_of_one_cell_restore_together_with_their_dependency_and_show_their_progress()
    {
        var session = Session(feed.NotebookFolder("first"));
        var output = await OkAsync(session, $"#i \"nuget: {feed.Feed}\"\n#r \"nuget: Tiny.Lib, 1.0.0\"\n#r \"nuget: Tiny.Dep, 1.0.0\"\nvar kept = 42;");
        Assert.Equal(["Restoring Tiny.Lib 1.0.0, Tiny.Dep 1.0.0…", "Added Tiny.Lib 1.0.0 (Tiny.Lib.dll); Tiny.Dep 1.0.0 (Tiny.Dep.dll)"], output.Displays); // one restore
        Assert.Equal(["dep:hello you"], (await OkAsync(session, "Tiny.Lib.Greeter.Greet(\"you\")")).Results);
        Assert.Contains(Path.Combine(feed.Packages, "tiny.lib", "1.0.0"), (await OkAsync(session, "typeof(Tiny.Lib.Greeter).Assembly.Location")).Results[0], StringComparison.Ordinal);

        // Asking again for the same package, in any case, restores nothing; a shipped package resolves to the kernel's.
        Assert.Empty((await OkAsync(session, "#r \"nuget: tiny.lib\"\n#r \"nuget: Microsoft.Data.Analysis\"")).Displays);
        Assert.Equal(["42"], (await OkAsync(session, "kept")).Results);
    }

    [Theory]
    [InlineData("1.0.0", "1.0.0")]
    [InlineData("1.*", "1.1.0")]
    [InlineData("[1.0.0, 1.1.0)", "1.0.0")]
    [InlineData("", "1.1.0")]
    public async Task Versions_follow_nugets_rules(string version, string chosen)
    {
        var session = Session(feed.NotebookFolder("versions", feed.Feed));
        var reference = version.Length == 0 ? "#r \"nuget: Tiny.Lib\"" : $"#r \"nuget: Tiny.Lib, {version}\"";
        var output = await OkAsync(session, reference + "\ntypeof(Tiny.Lib.Greeter).Assembly.Location");
        Assert.Contains($"Tiny.Lib {chosen} (Tiny.Lib.dll)", output.Displays[^1], StringComparison.Ordinal);
        Assert.Contains(Path.Combine("tiny.lib", chosen), output.Results[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feed_errors_name_the_package_and_the_feed_and_the_session_keeps_its_state()
    {
        var session = Session(feed.NotebookFolder("errors", feed.Feed));
        await OkAsync(session, "var kept = 42;");

        var unknown = await ErrorAsync(session, "\n#r \"nuget: Tiny.Missing, 1.0.0\"");
        Assert.Equal("DirectiveError", unknown.Name);
        Assert.Equal(2, unknown.Line);
        Assert.Contains("NU1101: Unable to find package Tiny.Missing", unknown.Value, StringComparison.Ordinal);
        Assert.Contains("tiny", unknown.Value, StringComparison.Ordinal); // the source's name in the nuget.config

        var version = await ErrorAsync(session, "#r \"nuget: Tiny.Lib, 9.0.0\"");
        Assert.Contains("NU1102: Unable to find package Tiny.Lib with version (>= 9.0.0)", version.Value, StringComparison.Ordinal);

        var incompatible = await ErrorAsync(session, "#r \"nuget: Tiny.Future, 1.0.0\"");
        Assert.True(incompatible.Value.Contains("NU1202: Package Tiny.Future 1.0.0 is not compatible with net10.0", StringComparison.Ordinal), incompatible.Value);

        Assert.Equal(["42"], (await OkAsync(session, "kept")).Results);
    }

    [Fact]
    public async Task Version_conflicts_and_an_unreachable_feed_are_errors_and_the_session_keeps_its_state()
    {
        var session = Session(feed.NotebookFolder("conflicts", feed.Feed));
        await OkAsync(session, "var kept = 42;");

        var shipped = await ErrorAsync(session, "#r \"nuget: Microsoft.ML, 1.0.0\"");
        Assert.Contains($"'Microsoft.ML' ships with this kernel at {NotebookPackages.Known["Microsoft.ML"].Version}, and that version is loaded", shipped.Value, StringComparison.Ordinal);

        await OkAsync(session, "#r \"nuget: Tiny.Lib, 1.0.0\"");
        var other = await ErrorAsync(session, "#r \"nuget: Tiny.Lib, 1.1.0\"");
        Assert.Contains("'Tiny.Lib' 1.0.0 is already loaded in this session", other.Value, StringComparison.Ordinal);
        Assert.Contains("restart the kernel to use 1.1.0", other.Value, StringComparison.Ordinal);

        var unreachable = await ErrorAsync(session, "#i \"nuget: https://127.0.0.1:9/v3/index.json\"\n#r \"nuget: Tiny.Other, 1.0.0\"");
        Assert.True(unreachable.Value.Contains("NU1301", StringComparison.Ordinal), unreachable.Value);
        Assert.Contains("https://127.0.0.1:9/v3/index.json", unreachable.Value, StringComparison.Ordinal);

        Assert.Equal(["dep:hello still 42"], (await OkAsync(session, "Tiny.Lib.Greeter.Greet(\"still \" + kept)")).Results);
    }

    [CompilerFact]
    public async Task A_later_cell_adds_a_package_with_a_native_library_and_its_native_code_runs()
    {
        Assert.True(feed.HasNative);
        var session = Session(feed.NotebookFolder("native", feed.Feed));
        await OkAsync(session, "#r \"nuget: Tiny.Lib, 1.0.0\"");
        var output = await OkAsync(session, "#r \"nuget: Tiny.Native, 1.0.0\"\nTiny.Lib.Greeter.Greet(Tiny.Native.Answer.tiny_answer().ToString())"); // a later cell adds more
        Assert.Equal(["dep:hello 42"], output.Results);
        Assert.Equal("Added Tiny.Native 1.0.0 (Tiny.Native.dll, native: libtinyanswer.so)", output.Displays[^1]);
    }

    [Fact]
    public async Task A_second_start_needs_no_feed()
    {
        using var temp = new TempFolder();
        var copy = temp.Sub("feed");
        foreach (var package in Directory.GetFiles(feed.Feed, "Tiny.*.nupkg")) File.Copy(package, Path.Combine(copy, Path.GetFileName(package)));
        var folder = feed.NotebookFolder("cached", copy);
        string packages = temp.Sub("packages"), projects = temp.Sub("projects");
        await OkAsync(Session(folder, packages, projects), "#r \"nuget: Tiny.Lib, 1.0.0\"");

        Directory.Delete(copy, recursive: true); // the feed is gone: only the global packages folder is left
        var again = Session(folder, packages, projects);
        var output = await OkAsync(again, "#r \"nuget: Tiny.Lib, 1.0.0\"\nTiny.Lib.Greeter.Greet(\"again\")");
        Assert.Equal(["dep:hello again"], output.Results);
    }

    [Fact]
    public async Task An_assembly_file_and_a_script_file_load_relative_to_the_notebook_folder()
    {
        var folder = feed.NotebookFolder("files");
        Directory.CreateDirectory(Path.Combine(folder, "lib"));
        File.Copy(feed.DepAssembly, Path.Combine(folder, "lib", "Tiny.Dep.dll"));
        File.WriteAllText(Path.Combine(folder, "helpers.csx"), "string Twice(string s) => s + s;\n");
        var output = await OkAsync(Session(folder), "#r \"lib/Tiny.Dep.dll\"\n#load \"helpers.csx\"\nTwice(Tiny.Dep.Echo.Say(\"x\"))");
        Assert.Equal(["dep:xdep:x"], output.Results);
    }

    [Fact]
    public async Task Time_and_whos_magics_report_the_cell_and_the_variables()
    {
        var session = Session(feed.NotebookFolder("magics"));
        var timed = await OkAsync(session, "#!time\nvar count = 3;\nvar names = new List<string> { \"a\", \"b\" };");
        Assert.Matches(@"^Wall time: \d+(\.\d+)? (ms|s)\n$", timed.Text.ToString());
        var whos = await OkAsync(session, "var count = 4;\n#!whos");
        var table = Assert.Single(whos.Displays);
        Assert.Matches(@"count\s+Int32\s+4", table);
        Assert.Matches(@"names\s+List<String>\s+Count = 2", table);
        Assert.Single(table.Split('\n'), l => l.StartsWith("count", StringComparison.Ordinal)); // the latest of a name only
    }

    [NuGetOrgFact]
    public async Task A_real_package_restores_from_the_configured_feed()
    {
        // The repository's nuget.config names nuget.org; the user's global packages folder is used, as in a real kernel.
        using var temp = new TempFolder();
        var session = new NotebookSession(new NotebookSessionOptions { BaseDirectory = TestPaths.RepositoryRoot, RestoreProjectsFolder = temp.Path });
        var output = await OkAsync(session, "#r \"nuget: Humanizer.Core, 2.14.1\"\nusing Humanizer;\n\"notebook_package_test\".Humanize()");
        Assert.Equal(["notebook package test"], output.Results);
        Assert.Contains("Humanizer.Core 2.14.1 (Humanizer.dll)", output.Displays[^1], StringComparison.Ordinal);
    }

    [JupyterFact]
    public async Task A_notebook_that_references_a_package_runs_through_the_kernel_with_nbclient()
    {
        using var temp = new TempFolder();
        var folder = feed.NotebookFolder("nbclient", feed.Feed);
        var cells = new JsonArray(
            Cell("#r \"nuget: Tiny.Lib, 1.0.0\""),
            Cell("Tiny.Lib.Greeter.Greet(\"nbclient\")"));
        var notebook = new JsonObject
        {
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
            ["metadata"] = new JsonObject { ["kernelspec"] = new JsonObject { ["name"] = "movierec-packages", ["display_name"] = "C#", ["language"] = "csharp" } },
            ["cells"] = cells,
        };
        var path = Path.Combine(folder, "packages.ipynb");
        File.WriteAllText(path, notebook.ToJsonString());
        var jupyterPath = await Jupyter.InstallKernelAsync(temp.Sub("prefix"), "movierec-packages");
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = temp.Sub("packages"), ["XDG_CACHE_HOME"] = temp.Sub("cache") };
        var (code, stdout, stderr) = await Jupyter.RunAsync(["run_notebooks_nbclient.py", "movierec-packages", temp.Sub("out"), path], jupyterPath, environment: environment);
        Assert.True(code == 0, stdout + stderr);
        var executed = JsonNode.Parse(File.ReadAllText(Path.Combine(temp.Path, "out", "packages.ipynb")))!;
        var texts = executed["cells"]!.AsArray().SelectMany(c => c!["outputs"]!.AsArray()).Select(o => o!["data"]?["text/plain"]?.ToString() ?? string.Empty).ToList();
        Assert.Contains(texts, t => t.Contains("Added Tiny.Lib 1.0.0 (Tiny.Lib.dll); Tiny.Dep 1.0.0 (Tiny.Dep.dll)", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("dep:hello nbclient", StringComparison.Ordinal));
        Assert.True(Directory.Exists(Path.Combine(temp.Path, "packages", "tiny.lib", "1.0.0")), "the kernel restored into NUGET_PACKAGES");
    }

    private static JsonObject Cell(string source) => new()
    {
        ["cell_type"] = "code",
        ["id"] = Guid.NewGuid().ToString("N")[..8],
        ["metadata"] = new JsonObject(),
        ["source"] = source,
        ["outputs"] = new JsonArray(),
        ["execution_count"] = null,
    };
}
