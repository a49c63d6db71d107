namespace MovieRec.Tests.Cli;

[Trait("Category", "Integration")]
public sealed class BenchCommandTests
{
    [Fact]
    public async Task Small_bench_generates_once_and_reports_every_stage_with_memory()
    {
        using var temp = new TempFolder();
        var json = temp.File("bench.json");
        var (code, stdout, stderr) = await Movierec.RunAsync("bench", "--scale", "small", "--data-dir", temp.Path, "--json", json);
        Assert.True(code == 0, stderr + stdout);

        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var stages = doc.RootElement.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("stage").GetString()).ToArray();
        Assert.Contains("load", stages);
        Assert.Contains("biased MF, 64 factors, 20 epochs", stages);
        Assert.Contains("top-10 for every user (PureSVD)", stages);
        Assert.All(doc.RootElement.GetProperty("stages").EnumerateArray(), s => Assert.True(s.GetProperty("peakWorkingSetMb").GetDouble() > 0));
        Assert.Equal(79_989, doc.RootElement.GetProperty("ratings").GetInt32());
        Assert.True(File.Exists(Path.Combine(temp.Path, "synthetic-small-v2", "ratings.csv")), "the generated dataset is kept for reuse");
    }
}
