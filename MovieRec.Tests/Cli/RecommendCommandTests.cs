namespace MovieRec.Tests.Cli;

[Trait("Category", "Integration")]
public sealed class RecommendCommandTests
{
    [Theory]
    [InlineData("recommend", "--user", "1", "score")]
    [InlineData("similar", "--movie", "1", "similarity")]
    public async Task Commands_write_rows_with_the_documented_keys(string command, string option, string value, string scoreKey)
    {
        using var temp = new TempFolder();
        var json = temp.File("out.json");
        var (model, _) = await SampleBundle.GetAsync();
        var (code, _, stderr) = await Movierec.RunAsync(command, "--model", model, option, value, "--n", "5", "--json", json);
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var rows = doc.RootElement.EnumerateArray().ToArray();
        Assert.Equal(5, rows.Length);
        foreach (var key in new[] { "movieId", "title", "year", "genres", scoreKey, "reason" }) Assert.True(rows[0].TryGetProperty(key, out _), key);
        Assert.All(rows, r => Assert.False(string.IsNullOrEmpty(r.GetProperty("title").GetString())));
    }

    /// <summary>The assemblies a movierec process loaded (through <see cref="StartupHook"/>).</summary>
    private static async Task<string[]> LoadedAssembliesAsync(params string[] args)
    {
        using var temp = new TempFolder();
        var list = temp.File("loaded.txt");
        var (code, _, stderr) = await Movierec.RunWithAsync(new Dictionary<string, string?>
        {
            ["DOTNET_STARTUP_HOOKS"] = typeof(StartupHook).Assembly.Location,
            ["MOVIEREC_TEST_LOADED_ASSEMBLIES"] = list,
        }, args);
        Assert.True(code == 0, stderr);
        return File.ReadAllLines(list);
    }

    [Fact]
    public async Task A_query_from_a_bundle_loads_only_the_assemblies_its_engine_uses()
    {
        var (model, _) = await SampleBundle.GetAsync();
        // ML.NET's trainers and runtime (Microsoft.ML.DataView, the IDataView interface every DataFrame implements, is not
        // one of them), the web app, Roslyn, the kernel's sockets, the notebooks and the charts.
        string[] unused = ["Microsoft.ML.Core", "Microsoft.ML.Data", "Microsoft.ML.StandardTrainers", "Microsoft.ML.FastTree", "Microsoft.ML.LightGbm",
            "Microsoft.AspNetCore", "Microsoft.CodeAnalysis", "NetMQ", "MovieRec.Notebooks", "MovieRec.Charts", "Plotly.NET"];
        foreach (var args in new[]
        {
            new[] { "recommend", "--model", model, "--user", "1", "--engine", "svd" },
            ["recommend", "--model", model, "--user", "1", "--engine", "content"],
            ["similar", "--model", model, "--movie", "1"],
            ["profile", "--model", model, "--user", "1"],
        })
        {
            var loaded = await LoadedAssembliesAsync(args);
            Assert.Contains("MovieRec.Core", loaded); // the probe sees the process's assemblies
            var extra = loaded.Where(a => unused.Any(u => a == u || a.StartsWith(u + ".", StringComparison.Ordinal))).ToArray();
            Assert.True(extra.Length == 0, $"{string.Join(' ', args.Where(a => a != model))} loaded {string.Join(", ", extra)}");
        }

        // The engines that use the classifier do load ML.NET: what the check above looks for is visible to it.
        Assert.Contains("Microsoft.ML.Data", await LoadedAssembliesAsync("recommend", "--model", model, "--user", "1", "--engine", "ml"));
    }

    [Fact]
    public async Task Profile_writes_its_fields_and_an_unknown_title_exits_4_with_suggestions()
    {
        using var temp = new TempFolder();
        var json = temp.File("profile.json");
        var (model, _) = await SampleBundle.GetAsync();
        var (code, _, stderr) = await Movierec.RunAsync("profile", "--model", model, "--user", "1", "--json", json);
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal(1, doc.RootElement.GetProperty("userId").GetInt32());
        Assert.True(doc.RootElement.TryGetProperty("behaviour", out _));
        Assert.True(doc.RootElement.GetProperty("topGenres").GetArrayLength() > 0);

        var (missing, _, message) = await Movierec.RunAsync("similar", "--data", TestPaths.Sample, "--movie", "zzzz qqqq");
        Assert.Equal(4, missing);
        Assert.Contains("No movie matches 'zzzz qqqq'. Closest:", message);
        Assert.DoesNotContain("fitted", message, StringComparison.Ordinal); // the title is looked up before any fit
    }

    [Fact]
    public async Task Fit_once_then_every_query_with_model_answers_as_a_fresh_fit_does()
    {
        using var temp = new TempFolder();
        var queries = new[] { ("recommend", "--user", "7"), ("similar", "--movie", "1") };
        // The fresh fits (one per command, as users run them without --model) run beside the shared bundle's fit.
        var fresh = queries.Select(q => Movierec.RunAsync(q.Item1, "--data", TestPaths.Sample, q.Item2, q.Item3, "--json", temp.File($"{q.Item1}-fresh.json"))).ToArray();
        var (model, fitted) = await SampleBundle.GetAsync();
        Assert.Contains("wrote ", fitted, StringComparison.Ordinal);
        Assert.Contains("ratings, 600 users, 3,000 movies", fitted, StringComparison.Ordinal);

        for (var i = 0; i < queries.Length; i++)
        {
            var (command, option, value) = queries[i];
            var (code, _, stderr) = await fresh[i];
            Assert.True(code == 0, stderr);
            Assert.Contains("run 'movierec fit' once and pass --model", stderr, StringComparison.Ordinal);
            var saved = temp.File($"{command}-saved.json");
            (code, _, stderr) = await Movierec.RunAsync(command, "--model", model, option, value, "--json", saved);
            Assert.True(code == 0, stderr);
            Assert.DoesNotContain("fitted", stderr, StringComparison.Ordinal);
            Assert.Equal(File.ReadAllText(temp.File($"{command}-fresh.json")), File.ReadAllText(saved));
        }

        File.WriteAllText(temp.File("junk.movierec"), "not a model");
        var (junk, _, error) = await Movierec.RunAsync("recommend", "--model", temp.File("junk.movierec"), "--user", "1");
        Assert.Equal(2, junk);
        Assert.Contains("is not a MovieRec model", error, StringComparison.Ordinal);
    }
}
