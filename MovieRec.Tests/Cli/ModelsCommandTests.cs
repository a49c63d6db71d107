namespace MovieRec.Tests.Cli;

[Trait("Category", "Integration")]
public sealed class ModelsCommandTests
{
    [Fact]
    public async Task Models_writes_metrics_json_and_saves_loadable_models()
    {
        using var temp = new TempFolder();
        var json = temp.File("models.json");
        var saved = temp.File("saved");
        // A quarter of the sample's size (the same generator): what the command writes and saves does not depend on the
        // size, and every family still beats chance on it.
        var data = temp.File("small");
        SyntheticDataGenerator.Generate(new SyntheticOptions { Users = 300, Movies = 800, Ratings = 20_000, GenomeMovies = 200 }).WriteTo(data);
        var (code, stdout, stderr) = await Movierec.RunAsync("models", "--data", data, "--json", json, "--save", saved);
        Assert.True(code == 0, stderr + stdout);

        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var rows = doc.RootElement.EnumerateArray().ToArray();
        Assert.Equal(4 * 3, rows.Length); // four families × train, validation, test
        foreach (var key in new[] { "model", "split", "search", "accuracy", "precision", "recall", "f1", "rocAuc", "prAuc", "logLoss", "seconds" })
        {
            Assert.True(rows[0].TryGetProperty(key, out _), key);
        }

        Assert.Equal(["GradientBoosting", "LightGbm", "LogisticRegression", "RandomForest"], rows.Select(r => r.GetProperty("model").GetString()).Distinct().Order());
        Assert.All(rows.Where(r => r.GetProperty("split").GetString() == "test"), r => Assert.InRange(r.GetProperty("rocAuc").GetDouble(), 0.6, 1.0));
        Assert.Equal(4, Directory.GetFiles(saved, "*.movierec-model").Length);
    }
}
