namespace MovieRec.Tests.Classifiers;

/// <summary>Each family on constructed problems with a known decision rule.</summary>
public sealed class ClassifierTests
{
    /// <summary>Five uniform features; like = x0 + 0.5·x1 > 0.75, with 3% of labels flipped.</summary>
    private static FeatureTable Linear(int rows, int seed)
    {
        var rng = new Random(seed);
        var values = new float[rows * 5];
        var labels = new bool[rows];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < 5; j++) values[(i * 5) + j] = (float)rng.NextDouble();
            labels[i] = values[i * 5] + (0.5 * values[(i * 5) + 1]) > 0.75;
            if (rng.NextDouble() < 0.03) labels[i] = !labels[i];
        }

        return new FeatureTable(values, labels, ["x0", "x1", "x2", "x3", "x4"]);
    }

    /// <summary>like = (x0 > 0.5) XOR (x1 > 0.5): needs trees with at least 4 leaves (or depth 2).</summary>
    private static FeatureTable Xor(int rows, int seed)
    {
        var rng = new Random(seed);
        var values = new float[rows * 3];
        var labels = new bool[rows];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < 3; j++) values[(i * 3) + j] = (float)rng.NextDouble();
            labels[i] = values[i * 3] > 0.5 ^ values[(i * 3) + 1] > 0.5;
        }

        return new FeatureTable(values, labels, ["a", "b", "noise"]);
    }

    [Theory]
    [InlineData(ClassifierKind.LogisticRegression)]
    [InlineData(ClassifierKind.RandomForest)]
    [InlineData(ClassifierKind.GradientBoosting)]
    [InlineData(ClassifierKind.LightGbm)]
    public void Every_family_learns_a_known_rule(ClassifierKind kind)
    {
        var model = new LikeClassifier(ClassifierOptions.Default(kind)).Fit(Linear(3_000, 1));
        var test = Linear(2_000, 2);
        var auc = ClassificationMetrics.RocAuc(test.Labels, model.PredictProbabilities(test));
        Assert.True(auc > 0.93, $"{kind}: AUC {auc:F4}");
    }

    [Theory]
    [InlineData(ClassifierKind.LogisticRegression)]
    [InlineData(ClassifierKind.RandomForest)]
    [InlineData(ClassifierKind.GradientBoosting)]
    [InlineData(ClassifierKind.LightGbm)]
    public void Seeded_training_is_reproducible(ClassifierKind kind)
    {
        var train = Linear(1_000, 3);
        var test = Linear(300, 4);
        var a = new LikeClassifier(Small(kind)).Fit(train).PredictProbabilities(test);
        var b = new LikeClassifier(Small(kind)).Fit(train).PredictProbabilities(test);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Grid_search_picks_the_candidate_that_can_represent_the_rule()
    {
        var folds = new TableFolds(Xor(1_500, 5), folds: 3, seed: 1);
        GradientBoostingOptions stump = new() { Trees = 1, Leaves = 2, MinExamplesPerLeaf = 5 }, forest = new() { Trees = 50, Leaves = 16, MinExamplesPerLeaf = 5 };
        var result = ClassifierSearch.Search([stump, forest], folds, metric: "rocAuc");
        Assert.Equal(forest, result.Best);
        Assert.True(result.BestScore > 0.95, $"best AUC {result.BestScore:F3}");
        Assert.Equal(2, result.Results.Rows.Count);
        Assert.Equal(true, result.Results["best"][1]);
    }

    [Fact]
    public void Randomized_search_reports_progress_picks_the_best_mean_and_can_be_cancelled()
    {
        var folds = new TableFolds(Xor(1_200, 6), folds: 2, seed: 2);
        var candidates = ClassifierSearch.RandomCandidates(ClassifierKind.LightGbm, 3, seed: 9).Prepend(new LightGbmOptions { Trees = 1, Leaves = 2 }).ToList<ClassifierOptions>();
        var reports = new List<SearchProgress>();
        var result = ClassifierSearch.Search(candidates, folds, "rocAuc", progress: new Sync(reports));
        var means = result.Results.ToArray<double>("meanRocAuc");
        Assert.Equal(means.Max(), result.BestScore, 12);
        Assert.NotEqual(candidates[0], result.Best);
        Assert.Equal(candidates.Count * 2, reports.Count);
        Assert.Equal((4, 4, 2, 2), (reports[^1].Candidate, reports[^1].Candidates, reports[^1].Fold, reports[^1].Folds));
        Assert.Equal(ClassifierSearch.RandomCandidates(ClassifierKind.LightGbm, 3, seed: 9), ClassifierSearch.RandomCandidates(ClassifierKind.LightGbm, 3, seed: 9));
        Assert.Throws<ArgumentException>(() => ClassifierSearch.Search([new LightGbmOptions(), new RandomForestOptions()], folds));
        Assert.Throws<ArgumentException>(() => ClassifierSearch.RandomCandidates(ClassifierKind.LogisticRegression, 3));

        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => ClassifierSearch.Search(candidates, folds, cancellationToken: cancelled.Token));
    }

    [Fact]
    public void LightGbm_native_threads_wait_passively_unless_the_user_chose_a_policy()
    {
        var chosen = Environment.GetEnvironmentVariable("OMP_WAIT_POLICY"); // the process's own environment, read before any setenv
        _ = ClassifierEstimators.Create(new LightGbmOptions { Trees = 1, Leaves = 2 }, new Microsoft.ML.MLContext(1));
        Assert.Equal(chosen ?? "PASSIVE", NativeThreads.NativeVariable("OMP_WAIT_POLICY"));
    }

    private static ClassifierOptions Small(ClassifierKind kind) => ClassifierOptions.Default(kind) switch
    {
        TreeClassifierOptions trees => trees with { Trees = 20, Seed = 7 },
        var other => other with { Seed = 7 },
    };

    [Fact]
    public void Logistic_regression_fits_with_a_fixed_thread_count_by_default_because_its_model_depends_on_the_count()
    {
        // Every way to get default logistic-regression options has the fixed count, whatever this machine's cores.
        Assert.All(new ClassifierOptions[]
        {
            new LogisticRegressionOptions(), ClassifierOptions.Default(ClassifierKind.LogisticRegression), ClassifierCandidate.LogisticRegression.Options,
            ClassifierSearch.LogisticRegressionGrid(7)[3], new LogisticRegressionOptions() with { Seed = 3 },
        }, o => Assert.Equal(LogisticRegressionOptions.Defaults.Threads, o.Threads));

        // The reason: L-BFGS sums its gradient per thread, so another count fits another model on a large enough table.
        var table = Linear(60_000, 5);
        var fixedCount = new LikeClassifier(new LogisticRegressionOptions()).Fit(table).PredictProbabilities(table);
        Assert.Equal(fixedCount, new LikeClassifier(new LogisticRegressionOptions { Threads = LogisticRegressionOptions.Defaults.Threads }).Fit(table).PredictProbabilities(table));
        Assert.NotEqual(fixedCount, new LikeClassifier(new LogisticRegressionOptions { Threads = 1 }).Fit(table).PredictProbabilities(table));
    }

    [Fact]
    public void Bad_input_gives_clear_errors()
    {
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => new LikeClassifier(new LightGbmOptions()).Fit(new FeatureTable([], [], ["x"]))).Message);
        Assert.Contains("one class", Assert.Throws<ArgumentException>(() => new LikeClassifier(new LogisticRegressionOptions()).Fit(new FeatureTable([1f, 2f], [true, true], ["x"]))).Message);
        var e = Assert.Throws<ArgumentException>(() => new FeatureTable([1f, float.NaN, 3f, 4f], [true, false], ["a", "b"]));
        Assert.Contains("'b' of row 0 is NaN", e.Message);
    }

    private sealed class Sync(List<SearchProgress> list) : IProgress<SearchProgress>
    {
        public void Report(SearchProgress value) => list.Add(value);
    }
}
