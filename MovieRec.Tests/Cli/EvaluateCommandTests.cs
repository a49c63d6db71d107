namespace MovieRec.Tests.Cli;

[Trait("Category", "Integration")]
public sealed class EvaluateCommandTests
{
    [Fact]
    public async Task Evaluate_writes_one_json_object_per_algorithm_with_the_documented_keys()
    {
        using var temp = new TempFolder();
        var json = temp.File("eval.json");
        var (code, stdout, stderr) = await Movierec.RunAsync("evaluate", "--data", TestPaths.Sample, "--algorithms", "bias,popular", "--folds", "2", "--k", "5", "--json", json);
        Assert.True(code == 0, stderr + stdout);

        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var rows = doc.RootElement.EnumerateArray().ToArray();
        Assert.Equal(["bias", "popular"], rows.Select(r => r.GetProperty("algorithm").GetString()));
        foreach (var key in new[] { "rmse", "mae", "precision@5", "recall@5", "ndcg@5", "map@5", "coverage", "fitSeconds", "predictSeconds" })
        {
            Assert.True(rows[0].TryGetProperty(key, out _), key);
        }

        Assert.Equal(JsonValueKind.Null, rows[1].GetProperty("rmse").ValueKind); // popularity predicts no ratings
        Assert.True(rows[0].GetProperty("rmse").GetDouble() is > 0.5 and < 1.2);
        Assert.True(rows[1].GetProperty("ndcg@5").GetDouble() > 0);
    }

    [Fact]
    public async Task The_recommenders_protocol_sets_a_stratified_split_and_k_10_and_reports_intervals_for_algorithms_and_engines()
    {
        using var temp = new TempFolder();
        var json = temp.File("eval.json");
        // An explicit --k (or --split, --folds, --test-fraction) would be ignored by the protocol: it is a usage error, before any work.
        var (code, stdout, stderr) = await Movierec.RunAsync("evaluate", "--data", TestPaths.Sample, "--algorithms", "popular", "--protocol", "recommenders", "--k", "3");
        Assert.Equal(1, code);
        Assert.Contains("--protocol recommenders sets the split (per-user stratified 75/25) and k = 10; drop --k.", stderr, StringComparison.Ordinal);

        (code, stdout, stderr) = await Movierec.RunAsync("evaluate", "--data", TestPaths.Sample, "--algorithms", "popular,ease,hybrid", "--protocol", "recommenders", "--json", json);
        Assert.True(code == 0, stderr + stdout);

        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var rows = doc.RootElement.EnumerateArray().ToArray();
        Assert.All(rows, r => Assert.Equal(1, r.GetProperty("splits").GetInt32())); // one stratified 75/25 split, not folds
        foreach (var row in rows)
        {
            var ndcg = row.GetProperty("ndcg@10").GetDouble(); // the protocol's k = 10
            Assert.True(row.GetProperty("ndcg@10Low").GetDouble() < ndcg && ndcg < row.GetProperty("ndcg@10High").GetDouble());
            Assert.True(row.GetProperty("hitRate@10").GetDouble() >= row.GetProperty("mrr@10").GetDouble());
        }

        Assert.Equal(["popular", "ease", "hybrid"], rows.Select(r => r.GetProperty("algorithm").GetString())); // the recommender's engine, evaluated as any algorithm
    }

    [Fact]
    public async Task Tune_ranks_every_candidate_of_the_grid_on_a_validation_split_best_first()
    {
        using var temp = new TempFolder();
        var json = temp.File("tune.json");
        var (code, stdout, stderr) = await Movierec.RunAsync("tune", "--data", TestPaths.Sample, "--algorithm", "itemknn", "--json", json);
        Assert.True(code == 0, stderr + stdout);

        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var rows = doc.RootElement.EnumerateArray().ToArray();
        Assert.Equal(9, rows.Length); // 3 neighbour counts × 3 shrinkages
        var ndcg = rows.Select(r => r.GetProperty("ndcg@10").GetDouble()).ToArray();
        Assert.Equal(ndcg.OrderByDescending(v => v), ndcg);
        Assert.Equal(9, rows.Select(r => (r.GetProperty("Neighbors").GetDouble(), r.GetProperty("Shrinkage").GetDouble())).Distinct().Count());
    }

    [Fact]
    public async Task Tune_ranks_a_rating_predictor_by_rmse_by_default()
    {
        // ratingblend predicts ratings (IRatingPredictor): its candidates are ranked by rating error, lowest first.
        using var temp = new TempFolder();
        var json = temp.File("tune.json");
        var (code, stdout, stderr) = await Movierec.RunAsync("tune", "--data", TestPaths.Sample, "--algorithm", "ratingblend", "--json", json);
        Assert.True(code == 0, stderr + stdout);
        Assert.Contains("best first by rmse", stdout, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var rmse = doc.RootElement.EnumerateArray().Select(r => r.GetProperty("rmse").GetDouble()).ToArray();
        Assert.Equal(9, rmse.Length);
        Assert.Equal(rmse.Order(), rmse);
    }
}
