namespace MovieRec.Tests.Cli;

public sealed class RecommendCommandTests
{
    [Theory]
    [InlineData("recommend", "--user", "1", "score")]
    [InlineData("similar", "--movie", "1", "similarity")]
    public async Task Commands_write_rows_with_the_documented_keys(string command, string option, string value, string scoreKey)
    {
        using var temp = new TempFolder();
        var json = temp.File("out.json");
        var (code, _, stderr) = await Movierec.RunAsync(command, "--data", TestPaths.Sample, option, value, "--n", "5", "--json", json);
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var rows = doc.RootElement.EnumerateArray().ToArray();
        Assert.Equal(5, rows.Length);
        foreach (var key in new[] { "movieId", "title", "year", "genres", scoreKey, "reason" }) Assert.True(rows[0].TryGetProperty(key, out _), key);
        Assert.All(rows, r => Assert.False(string.IsNullOrEmpty(r.GetProperty("title").GetString())));
    }

    [Fact]
    public async Task Profile_writes_its_fields_and_an_unknown_title_exits_4_with_suggestions()
    {
        using var temp = new TempFolder();
        var json = temp.File("profile.json");
        var (code, _, stderr) = await Movierec.RunAsync("profile", "--data", TestPaths.Sample, "--user", "1", "--json", json);
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal(1, doc.RootElement.GetProperty("userId").GetInt32());
        Assert.True(doc.RootElement.TryGetProperty("behaviour", out _));
        Assert.True(doc.RootElement.GetProperty("topGenres").GetArrayLength() > 0);

        var (missing, _, message) = await Movierec.RunAsync("similar", "--data", TestPaths.Sample, "--movie", "zzzz qqqq");
        Assert.Equal(4, missing);
        Assert.Contains("No movie matches 'zzzz qqqq'. Closest:", message);
    }

    [Fact]
    public async Task Fit_once_then_every_query_with_model_answers_as_a_fresh_fit_does()
    {
        using var temp = new TempFolder();
        var model = temp.File("sample.movierec");
        var (code, stdout, stderr) = await Movierec.RunAsync("fit", "--data", TestPaths.Sample, "--out", model);
        Assert.True(code == 0, stderr);
        Assert.Contains("wrote ", stdout, StringComparison.Ordinal);
        Assert.Contains("ratings, 600 users, 3,000 movies", stdout, StringComparison.Ordinal);

        foreach (var (command, option, value) in new[] { ("recommend", "--user", "7"), ("similar", "--movie", "1") })
        {
            var fresh = temp.File($"{command}-fresh.json");
            var saved = temp.File($"{command}-saved.json");
            (code, _, stderr) = await Movierec.RunAsync(command, "--data", TestPaths.Sample, option, value, "--json", fresh);
            Assert.True(code == 0, stderr);
            Assert.Contains("run 'movierec fit' once and pass --model", stderr, StringComparison.Ordinal);
            (code, _, stderr) = await Movierec.RunAsync(command, "--model", model, option, value, "--json", saved);
            Assert.True(code == 0, stderr);
            Assert.DoesNotContain("fitted", stderr, StringComparison.Ordinal);
            Assert.Equal(File.ReadAllText(fresh), File.ReadAllText(saved));
        }

        File.WriteAllText(temp.File("junk.movierec"), "not a model");
        (code, _, stderr) = await Movierec.RunAsync("recommend", "--model", temp.File("junk.movierec"), "--user", "1");
        Assert.Equal(2, code);
        Assert.Contains("is not a MovieRec model", stderr, StringComparison.Ordinal);
    }
}
