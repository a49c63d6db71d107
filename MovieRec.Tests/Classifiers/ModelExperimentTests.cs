namespace MovieRec.Tests.Classifiers;

/// <summary>The experiment on the committed sample: splits, leakage guard, tidy tables, persistence.</summary>
public sealed class ModelExperimentTests : IClassFixture<ModelExperimentTests.Run>
{
    private readonly Run _run;

    public ModelExperimentTests(Run run) => _run = run;

    /// <summary>Baselines of two families on data/sample (small text and genome embeddings to keep it quick).</summary>
    public sealed class Run
    {
        public Run()
        {
            Dataset = MovieLensLoader.Load(TestPaths.Sample);
            Clean = DataCleaning.Clean(Dataset);
            Result = ModelExperiment.Run(RatingDataset.From(Clean.Ratings, Clean.Movies, Dataset.Tags, Dataset.Genome), new ModelExperimentOptions
            {
                Kinds = [ClassifierKind.LogisticRegression, ClassifierKind.LightGbm],
                Features = new FeatureOptions { Text = new() { Factors = 8 }, GenomeFactors = 4 },
                ImportanceRows = 500,
            });
        }

        public MovieLensDataset Dataset { get; }

        public CleanResult Clean { get; }

        public ModelExperimentResult Result { get; }
    }

    [Fact]
    public void Split_is_stratified_70_10_20_and_every_evaluated_user_is_in_training()
    {
        var split = _run.Result.Split;
        var n = (double)_run.Clean.Ratings.Rows.Count;
        Assert.InRange(split.Train.Rows.Count / n, 0.69, 0.71);
        Assert.InRange(split.Validation.Rows.Count / n, 0.09, 0.11);
        double LikeRate(Microsoft.Data.Analysis.DataFrame f) => f.ToArray<double>(Columns.Rating).Average(r => r >= 4 ? 1.0 : 0.0);
        Assert.Equal(LikeRate(split.Train), LikeRate(split.Test), 2);
        var trainUsers = split.Train.ToArray<int>(Columns.UserId).ToHashSet();
        Assert.All(split.Test.ToArray<int>(Columns.UserId), u => Assert.Contains(u, trainUsers));
    }

    [Fact]
    public void Users_only_in_held_out_rows_are_moved_to_training_and_counted()
    {
        // User 9999 has two ratings: a stratified cut can put both outside training; they must come back.
        var r = _run.Clean.Ratings;
        var movies = _run.Clean.Movies.ToArray<int>(Columns.MovieId);
        var ratings = new Microsoft.Data.Analysis.DataFrame(
            new Microsoft.Data.Analysis.Int32DataFrameColumn(Columns.UserId, [.. r.ToArray<int>(Columns.UserId), 9999, 9999]),
            new Microsoft.Data.Analysis.Int32DataFrameColumn(Columns.MovieId, [.. r.ToArray<int>(Columns.MovieId), movies[0], movies[1]]),
            new Microsoft.Data.Analysis.DoubleDataFrameColumn(Columns.Rating, [.. r.ToArray<double>(Columns.Rating), 5.0, 1.0]),
            new Microsoft.Data.Analysis.Int64DataFrameColumn(Columns.Timestamp, [.. r.ToArray<long>(Columns.Timestamp), 1L, 2L]));
        var moved = 0;
        for (var seed = 0; seed < 20; seed++)
        {
            var split = LikeSplitter.Split(ratings, 4.0, new LikeSplitOptions { Seed = seed });
            var held = split.Validation.ToArray<int>(Columns.UserId).Concat(split.Test.ToArray<int>(Columns.UserId)).ToHashSet();
            Assert.DoesNotContain(9999, held.Except(split.Train.ToArray<int>(Columns.UserId)));
            Assert.Equal(ratings.Rows.Count, split.Train.Rows.Count + split.Validation.Rows.Count + split.Test.Rows.Count);
            moved += split.MovedToTraining;
        }

        Assert.True(moved > 0, "over 20 seeds, user 9999's two ratings sometimes both fall outside training and are moved back");

        var temporal = LikeSplitter.Split(ratings, 4.0, new LikeSplitOptions { Temporal = true });
        Assert.True(temporal.MovedToTraining >= 0);
        Assert.Equal(ratings.Rows.Count, temporal.Train.Rows.Count + temporal.Validation.Rows.Count + temporal.Test.Rows.Count);
    }

    [Fact]
    public void Metrics_table_is_tidy_with_every_model_split_and_metric()
    {
        var m = _run.Result.Metrics;
        Assert.Equal(["model", "split", "search", "label", "accuracy", "precision", "recall", "f1", "rocAuc", "prAuc", "logLoss", "seconds"], m.Columns.Select(c => c.Name));
        Assert.Equal(2 * 3, m.Rows.Count);
        var auc = m.ToArray<double>("rocAuc");
        Assert.All(auc, a => Assert.InRange(a, 0.6, 1.0));
        Assert.Equal(2, _run.Result.BestParameters.Rows.Count);
        Assert.NotEmpty(_run.Result.Importance.ToStringArray("feature"));
    }

    [Fact]
    public void Permutation_importance_is_computed_on_request_and_is_the_same_in_any_order()
    {
        // Each model's importance is computed when first asked for, on the seeded validation rows: one model asked
        // alone, the whole table and a direct computation agree, whichever comes first.
        var result = _run.Result;
        var one = result.ImportanceOf(ClassifierKind.LightGbm, "baseline", top: 1000);
        var all = result.Importance;
        Assert.Equal([("LogisticRegression", "baseline"), ("LightGbm", "baseline")],
            all.ToStringArray("model").Zip(all.ToStringArray("search")).Distinct().ToArray());
        var validation = FeatureTable.From(result.Features.Transform(result.Split.Validation));
        var direct = PermutationImportance.Compute(result.Models[(ClassifierKind.LightGbm, "baseline")], validation, 500, 42);
        var rows = Enumerable.Range(0, (int)all.Rows.Count).Where(i => all.ToStringArray("model")[i] == "LightGbm").ToArray();
        Assert.Equal(direct.ToStringArray("feature"), rows.Select(i => all.ToStringArray("feature")[i]));
        Assert.Equal(direct.ToArray<double>("importance"), rows.Select(i => all.ToArray<double>("importance")[i]));
        Assert.Equal(direct.ToArray<double>("importance").Order(), one.ToArray<double>("importance").Order());
        Assert.Equal(0L, result.ImportanceOf(ClassifierKind.RandomForest, "baseline").Rows.Count); // a family not trained
    }

    [Fact]
    public void Save_and_load_round_trip_gives_identical_predictions_and_features()
    {
        using var temp = new TempFolder();
        var model = _run.Result.Models[(ClassifierKind.LightGbm, "baseline")];
        var path = temp.File("model.movierec-model");
        model.Save(path);
        var loaded = TrainedClassifier.Load(path);

        Assert.True(loaded.ModelLoaded); // a classifier file is parsed by Load: its problems are Load's errors

        var test = _run.Result.Split.Test;
        var rows = _run.Result.Features.Transform(test);
        Assert.Equal(model.PredictProbabilities(rows), loaded.PredictProbabilities(rows));

        Assert.Equal(model.FeatureNames, loaded.FeatureNames);
        Assert.Equal(model.Options, loaded.Options);
        Assert.IsType<LightGbmOptions>(loaded.Options);
    }

    [Fact]
    public void Every_corruption_of_a_saved_classifier_is_one_clear_error()
    {
        using var temp = new TempFolder();
        var good = temp.File("good.movierec-model");
        _run.Result.Models[(ClassifierKind.LogisticRegression, "baseline")].Save(good);
        var bytes = File.ReadAllBytes(good);
        var cases = new List<(string Name, byte[] Content, string Expected)>
        {
            ("empty", [], "is not a MovieRec classifier"),
            ("text", "hello, I am a CSV\n"u8.ToArray(), "is not a MovieRec classifier"),
            ("bare zip", bytes[60..], "is not a MovieRec classifier"),
            ("magic only", bytes[..16], "truncated inside its header"),
            ("header only", bytes[..60], "is damaged"),
            ("truncated half", bytes[..(bytes.Length / 2)], "is damaged"),
            ("truncated by one", bytes[..^1], "is damaged"),
            ("appended", [.. bytes, 0], "is damaged"),
        };
        foreach (var at in new[] { 60, 100, bytes.Length / 3, bytes.Length / 2, bytes.Length - 1 })
        {
            var flipped = (byte[])bytes.Clone();
            flipped[at] ^= 0x01;
            flipped[at - 1] ^= 0x80; // a two-byte flip
            cases.Add(($"flip at {at}", flipped, "checksum mismatch"));
        }

        var newer = (byte[])bytes.Clone();
        newer[16] = 9;
        cases.Add(("format 9", newer, $"was written by format 9, this version of MovieRec reads format {TrainedClassifier.FileFormatVersion}"));
        var hash = (byte[])bytes.Clone();
        hash[40] ^= 0xFF;
        cases.Add(("hash damaged", hash, "checksum mismatch"));

        foreach (var (name, content, expected) in cases)
        {
            var path = temp.WriteBytes(name.Replace(' ', '-') + ".movierec-model", content);
            var e = Assert.Throws<MovieRec.Data.DataFileException>(() => TrainedClassifier.Load(path));
            Assert.True(e.Message.Contains(expected, StringComparison.Ordinal), $"{name}: {e.Message}");
            Assert.Equal(path, e.FilePath);
        }

        Assert.Equal(13 + 2, cases.Count);
        Assert.Contains("file not found", Assert.Throws<MovieRec.Data.DataFileException>(() => TrainedClassifier.Load(temp.File("missing"))).Message);
    }

    [Fact]
    public void Saving_the_models_replaces_the_folder_as_a_set_and_removes_a_killed_run_leftover()
    {
        using var temp = new TempFolder();
        var folder = temp.File("saved");
        var first = _run.Result.SaveModels(folder);
        var stale = temp.Sub(".saved.999999999-0123456789abcdef.tmp"); // a killed run's: no such process
        var live = temp.Sub($".saved.{Environment.ProcessId}-fedcba9876543210.tmp"); // a running save's: kept
        File.WriteAllText(Path.Combine(stale, "half.movierec-model"), "x");
        var stamp = File.GetLastWriteTimeUtc(first[0]);

        var second = _run.Result.SaveModels(folder);

        Assert.Equal(first, second);
        Assert.Equal(second.Order(StringComparer.Ordinal), Directory.GetFileSystemEntries(folder).Order(StringComparer.Ordinal));
        Assert.True(File.GetLastWriteTimeUtc(second[0]) >= stamp);
        Assert.False(Directory.Exists(stale));
        Assert.True(Directory.Exists(live));
        Assert.Equal(["live", "saved"], Directory.GetFileSystemEntries(temp.Path).Select(p => p == live ? "live" : Path.GetFileName(p)).Order(StringComparer.Ordinal));
        Assert.All(second, f => TrainedClassifier.Load(f));

        File.WriteAllText(Path.Combine(folder, "notes.txt"), "mine");
        var e = Assert.Throws<IOException>(() => _run.Result.SaveModels(folder));
        Assert.Contains("notes.txt, which is not a saved model", e.Message);
        Assert.True(File.Exists(Path.Combine(folder, "notes.txt")));
    }
}
