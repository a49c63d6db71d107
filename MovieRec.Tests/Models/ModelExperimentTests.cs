using MovieRec.Data;
using MovieRec.Features;
using MovieRec.Models;
using MovieRec.Tests.Support;

namespace MovieRec.Tests.Models;

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
            Result = ModelExperiment.Run(Clean.Ratings, Clean.Movies, new ModelExperimentOptions
            {
                Kinds = [ClassifierKind.LogisticRegression, ClassifierKind.LightGbm],
                Features = new FeatureOptions { Text = new() { Components = 8 }, GenomeComponents = 4 },
                ImportanceRows = 500,
            }, Dataset.Tags, Dataset.Genome);
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
            var split = LikeSplitter.Split(ratings, new LikeSplitOptions { Seed = seed });
            var held = split.Validation.ToArray<int>(Columns.UserId).Concat(split.Test.ToArray<int>(Columns.UserId)).ToHashSet();
            Assert.DoesNotContain(9999, held.Except(split.Train.ToArray<int>(Columns.UserId)));
            Assert.Equal(ratings.Rows.Count, split.Train.Rows.Count + split.Validation.Rows.Count + split.Test.Rows.Count);
            moved += split.MovedToTraining;
        }

        Assert.True(moved > 0, "over 20 seeds, user 9999's two ratings sometimes both fall outside training and are moved back");

        var temporal = LikeSplitter.Split(ratings, new LikeSplitOptions { Temporal = true });
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
    public void Save_and_load_round_trip_gives_identical_predictions_and_features()
    {
        using var temp = new TempFolder();
        var model = _run.Result.Models[(ClassifierKind.LightGbm, "baseline")];
        var path = temp.File("model.movierec.zip");
        model.Save(path);
        var loaded = TrainedClassifier.Load(path);

        var test = _run.Result.Split.Test;
        var before = model.PredictProbabilities(model.Features!.Transform(test));
        var loadedRows = loaded.Features!.Transform(test);
        Assert.Equal(before, loaded.PredictProbabilities(loadedRows));
        Assert.Equal(model.Features.Transform(test).Features(5), loadedRows.Features(5));
        Assert.Equal(model.Parameters, loaded.Parameters);
        Assert.Equal(model.Features.Text!.Transform(["a haunted house"], out _), loaded.Features.Text!.Transform(["a haunted house"], out _));
    }
}
