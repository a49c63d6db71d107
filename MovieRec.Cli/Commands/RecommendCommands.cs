using MovieRec.Classifiers;
using Columns = MovieRec.Data.Columns;

namespace MovieRec.Cli.Commands;

/// <summary><c>movierec recommend</c>, <c>similar</c> and <c>profile</c>.</summary>
internal static class RecommendCommands
{
    public static IEnumerable<Command> Create()
    {
        yield return Fit();
        yield return Recommend();
        yield return Similar();
        yield return Profile();
    }

    private static Option<string?> ModelOption() => new("--model")
    {
        Description = "A recommender saved by 'movierec fit': loads in milliseconds instead of fitting (--data and --metadata are then not read).",
    };

    private static Command Fit()
    {
        var (data, metadata, _) = Common();
        var output = new Option<string?>("--out") { Description = "The bundle to write.", DefaultValueFactory = _ => "model.movierec" }.OutputFile();
        var seed = new Option<int>("--seed") { Description = "Seed of every learned part.", DefaultValueFactory = _ => 42 };
        var models = new Option<bool>("--models")
        {
            Description = "Also run the like classifiers' baseline-vs-tuned experiment (as 'movierec models --tune'; minutes) and keep its tables in the bundle for the web app's Models tab.",
        };
        var command = new Command("fit", "Fit everything recommend, similar and profile need (features, like classifier, PureSVD, similarity space, catalog) once and save it as one file for --model.")
        {
            data, metadata, output, seed, models,
        };
        command.SetAction((parse, cancellationToken) => CliRunner.RunAsync(async () =>
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var recommender = await BuildAsync(parse.GetValue(data)!, parse.GetValue(metadata), null, parse.GetValue(seed), fitting: true, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(models))
            {
                var prepared = await new DatasetCatalog().PrepareAsync(parse.GetValue(data)!, parse.GetValue(metadata), cancellationToken: cancellationToken).ConfigureAwait(false);
                AnsiConsole.Status().Start("classifiers: baseline and tuned…", ctx =>
                {
                    var progress = new SyncProgress<SearchProgress>(p => ctx.Status(Markup.Escape(p.Stage)));
                    recommender.ModelReport = ModelReport.From(ModelExperiment.Run(prepared.ToRatingDataset(),
                        new ModelExperimentOptions { Tune = true, Seed = parse.GetValue(seed) }, progress, cancellationToken));
                });
            }

            var path = parse.GetValue(output)!;
            recommender.Save(path);
            var info = recommender.Info;
            foreach (var score in recommender.ClassifierSelection.Scores)
            {
                AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"classifier {score.Candidate} ({score.Parameters}): validation ROC-AUC {score.ValidationAuc:F4}, average precision {score.ValidationAveragePrecision:F4}{(score.Candidate == info.Classifier ? "  ← chosen" : string.Empty)}"));
            }

            var hybrid = recommender.HybridSelection;
            AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"hybrid weights svd {hybrid.Weights.Svd:G3}, like {hybrid.Weights.Like:G3}, content {hybrid.Weights.Content:G3}: validation NDCG@10 {hybrid.HybridNdcg:F4} (svd alone {hybrid.SvdNdcg:F4}, like {hybrid.LikeNdcg:F4}, content {hybrid.ContentNdcg:F4}; {hybrid.ValidationUsers} users)"));
            AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"wrote {Path.GetFullPath(path)} ({new FileInfo(path).Length / 1e6:F1} MB): {info.Ratings:N0} ratings, {info.Users:N0} users, {info.Movies:N0} movies, classifier {info.Classifier}, seed {info.Seed}, data {info.DatasetFingerprint}, in {watch.Elapsed.TotalSeconds:F1} s"));
        }));
        return command;
    }

    private static (Option<string> Data, Option<string?> Metadata, Option<string?> Json) Common() => (
        new Option<string>("--data") { Description = "A MovieLens release folder (any format) or a catalog name.", DefaultValueFactory = _ => "sample" },
        new Option<string?>("--metadata") { Description = "A movie_metadata.csv or Kaggle TMDB movies_metadata.csv, or a collection name: tmdb-sample, seed-sample (a movie_metadata.csv in the data folder is used without this flag)." },
        new Option<string?>("--json") { Description = "Also write the rows as JSON to this file." }.OutputFile());

    private static Command Recommend()
    {
        var (data, metadata, json) = Common();
        var user = new Option<int>("--user") { Description = "The userId.", Required = true };
        var engine = new Option<string>("--engine") { Description = "svd (collaborative filtering), ml (like classifier × popularity prior), content (similar to the movies the user liked) or hybrid (a learned blend of svd, the like probability and content).", DefaultValueFactory = _ => RecommenderEngines.NameOf(RecommenderEngines.Default) };
        engine.AcceptOnlyFromAmong([.. RecommenderEngines.Names]);
        var n = new Option<int>("--n") { Description = "How many (1 to 10,000).", DefaultValueFactory = _ => 10 }.InRange(1, 10_000);
        var model = ModelOption();
        var command = new Command("recommend", "Recommend movies a user has not rated, each with a reason.") { data, metadata, model, user, engine, n, json };
        command.SetAction((parse, cancellationToken) => CliRunner.RunAsync(async () =>
        {
            var warm = parse.GetValue(model) is null ? Task.CompletedTask : FrameOutput.WarmUpAsync();
            var which = RecommenderEngines.Parse(parse.GetValue(engine)!);
            var recommender = await BuildAsync(parse.GetValue(data)!, parse.GetValue(metadata), parse.GetValue(model),
                classifier: which is RecommenderEngine.Ml or RecommenderEngine.Hybrid, cancellationToken: cancellationToken).ConfigureAwait(false);
            var rows = recommender.Recommend(parse.GetValue(user), which, parse.GetValue(n));
            await warm.ConfigureAwait(false);
            Print(rows, $"{parse.GetValue(engine)} recommendations for user {parse.GetValue(user)}", Columns.Score, parse.GetValue(json));
        }));
        return command;
    }

    private static Command Similar()
    {
        var (data, metadata, json) = Common();
        var movie = new Option<string>("--movie") { Description = "A title (forgiving: \"toy story\") or a movieId.", Required = true };
        var n = new Option<int>("--n") { Description = "How many (1 to 10,000).", DefaultValueFactory = _ => 10 }.InRange(1, 10_000);
        var model = ModelOption();
        var command = new Command("similar", "Movies most similar to one movie (text, genres, statistics, genome).") { data, metadata, model, movie, n, json };
        command.SetAction((parse, cancellationToken) => CliRunner.RunAsync(async () =>
        {
            var warm = parse.GetValue(model) is null ? Task.CompletedTask : FrameOutput.WarmUpAsync();
            // The title is looked up in the catalog before anything is fitted: a typo costs no fit.
            var recommender = await BuildAsync(parse.GetValue(data)!, parse.GetValue(metadata), parse.GetValue(model), check: catalog => catalog.Find(parse.GetValue(movie)!), classifier: false, cancellationToken: cancellationToken).ConfigureAwait(false);
            var rows = recommender.Similar(parse.GetValue(movie)!, parse.GetValue(n));
            await warm.ConfigureAwait(false);
            Print(rows, $"similar to {recommender.Catalog.TitleOf(recommender.Catalog.Find(parse.GetValue(movie)!))}", Columns.Similarity, parse.GetValue(json));
        }));
        return command;
    }

    private static Command Profile()
    {
        var (data, metadata, json) = Common();
        var user = new Option<int>("--user") { Description = "The userId.", Required = true };
        var model = ModelOption();
        var command = new Command("profile", "A user's rating behaviour and taste.") { data, metadata, model, user, json };
        command.SetAction((parse, cancellationToken) => CliRunner.RunAsync(async () =>
        {
            var recommender = await BuildAsync(parse.GetValue(data)!, parse.GetValue(metadata), parse.GetValue(model), classifier: false, cancellationToken: cancellationToken).ConfigureAwait(false);
            var profile = recommender.Profile(parse.GetValue(user));
            var table = new Table().Title($"user {profile.UserId}").AddColumn("field").AddColumn("value");
            var frame = profile.ToDataFrame();
            for (var r = 0; r < frame.Rows.Count; r++) table.AddRow(Markup.Escape((string)frame["field"][r]!), Markup.Escape((string)frame["value"][r]!));
            AnsiConsole.Write(table);
            if (parse.GetValue(json) is { } path)
            {
                AtomicFile.WriteAllText(path, JsonSerializer.Serialize(profile with { GenreTaste = new(), RatingDistribution = new() }, ProfileJson));
            }
        }));
        return command;
    }

    private static readonly JsonSerializerOptions ProfileJson = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new SkipDataFrames() },
    };

    /// <summary>Loads the bundle at <paramref name="modelPath"/>, or fits a recommender on the data; <paramref name="check"/>
    /// sees the movie catalog before the fit, so a lookup that fails costs no fitting.</summary>
    internal static async Task<MovieRecommender> BuildAsync(string dataOrName, string? metadataPath, string? modelPath, int seed = 42, bool fitting = false,
        Action<MovieCatalog>? check = null, bool classifier = true, CancellationToken cancellationToken = default)
    {
        // Without the classifier (svd, content, similar, profile) a loaded bundle never starts ML.NET.
        if (modelPath is not null) return MovieRecommender.Load(modelPath, prefetchClassifier: classifier);
        MovieRecommender recommender = null!;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var prepared = await new DatasetCatalog().PrepareAsync(dataOrName, metadataPath, cancellationToken: cancellationToken).ConfigureAwait(false);
        var folder = prepared.Raw.Folder;
        var data = prepared.ToRatingDataset();
        if (data.Movies is { } movies) check?.Invoke(movies);
        // An answer without the classifier (svd, content, similar, profile) depends neither on which classifier validation
        // chooses nor on the hybrid's weights: one candidate and given weights skip the validation fits, and the parts it
        // uses (features, PureSVD, the similarity space, all fitted on every rating) are the full fit's, to the bit.
        var full = fitting || classifier;
        var options = full ? new RecommenderOptions { Seed = seed }
            : new RecommenderOptions { Seed = seed, Like = new() { Classifiers = [ClassifierCandidate.LogisticRegression] }, HybridWeights = HybridWeights.SvdOnly };
        AnsiConsole.Status().Start(full ? "fitting features, classifier and PureSVD…" : "fitting features and PureSVD…", _ =>
        {
            recommender = MovieRecommender.Build(data, options);
        });
        if (!fitting)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"fitted features, {(full ? "the like classifier" : "one like classifier without validation (this command does not use it)")} and PureSVD on {folder} in {watch.Elapsed.TotalSeconds:F1} s (run 'movierec fit' once and pass --model to skip this)"));
        }
        return recommender;
    }

    private static void Print(IReadOnlyList<Recommendation> rows, string title, string scoreName, string? json)
    {
        var frame = Recommendation.ToDataFrame(rows, scoreName);
        FrameOutput.Print(frame, title, 4, Columns.Rank, Columns.Title, Columns.Year, Columns.Genres, scoreName, Columns.Reason);
        if (json is not null) FrameOutput.WriteJson(json, frame);
    }

    /// <summary>Leaves the profile's DataFrame views out of its JSON (they are for notebooks).</summary>
    private sealed class SkipDataFrames : System.Text.Json.Serialization.JsonConverter<Microsoft.Data.Analysis.DataFrame>
    {
        public override Microsoft.Data.Analysis.DataFrame Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, Microsoft.Data.Analysis.DataFrame value, JsonSerializerOptions options) => writer.WriteNullValue();
    }
}
