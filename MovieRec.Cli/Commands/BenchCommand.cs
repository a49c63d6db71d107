using System.Diagnostics;
using MovieRec.Features;
using MovieRec.Synthetic;

namespace MovieRec.Cli.Commands;

/// <summary><c>movierec bench</c>: the whole pipeline end to end on a generated dataset, timed per stage with peak memory.</summary>
internal static class BenchCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create()
    {
        var scale = new Option<string>("--scale") { Description = "small (the sample's size: 600 users, 3,000 movies, 80k ratings) or 25m (162,000 users, 59,000 movies, 25M ratings).", DefaultValueFactory = _ => "small" };
        scale.AcceptOnlyFromAmong("small", "25m");
        var json = new Option<string?>("--json") { Description = "Also write the stage timings as JSON to this file." }.OutputFile();
        var dataDir = new Option<string?>("--data-dir") { Description = "Where generated datasets are kept and reused (default: $MOVIEREC_BENCH_DATA, else the temp folder)." };
        var command = new Command("bench", "Time every stage end to end (load, clean, features, biased MF, PureSVD, top-10 for all users, similar movies) with peak memory.")
        {
            scale, json, dataDir,
        };
        command.SetAction(parse => CliRunner.Run(() =>
        {
            var name = parse.GetValue(scale)!;
            var options = name == "25m" ? SyntheticOptions.Scale25m : new SyntheticOptions();
            var root = parse.GetValue(dataDir) ?? (Environment.GetEnvironmentVariable("MOVIEREC_BENCH_DATA") is { Length: > 0 } env ? env : Path.Combine(Path.GetTempPath(), "movierec-bench"));
            var folder = Path.Combine(root, $"synthetic-{name}-v{SyntheticDataGenerator.Version}");
            var stages = new List<(string Stage, double Seconds, double PeakMb)>();
            var watch = new Stopwatch();
            T Stage<T>(string stage, Func<T> run)
            {
                AnsiConsole.MarkupLine($"[grey]{Markup.Escape(stage)}…[/]");
                watch.Restart();
                var result = run();
                using var process = Process.GetCurrentProcess();
                stages.Add((stage, watch.Elapsed.TotalSeconds, process.PeakWorkingSet64 / 1e6));
                return result;
            }

            if (!File.Exists(Path.Combine(folder, "ratings.csv")))
            {
                Stage("generate (once, then reused)", () => SyntheticDataGenerator.GenerateTo(folder, options, overwrite: true).Ratings.Rows.Count);
                GC.Collect();
            }

            var dataset = Stage("load", () => MovieLensLoader.Load(folder));
            var clean = Stage("clean", () => DataCleaning.Clean(dataset));
            // One dataset for every stage: the features read it with the movie side (the rating arrays are shared).
            var ratings = Stage("index ratings (RatingDataset)", () => RatingDataset.From(clean.Ratings));
            var features = Stage("features: fit on all ratings + interaction dataset", () =>
            {
                var model = new FeaturePipeline(new FeatureOptions { Text = new() { Factors = 32 }, GenomeFactors = 16 })
                    .Fit(ratings.WithMovies(clean.Movies, dataset.Tags, dataset.Genome));
                _ = model.TransformTraining();
                return model;
            });
            Stage("biased MF, 64 factors, 20 epochs", () => new BiasedMF(new BiasedMFOptions { Factors = 64, Epochs = 20 }).Fit(ratings));
            var svd = Stage("PureSVD, k = 64", () => new PureSvd(new PureSvdOptions { Factors = 64, CenterByUserMean = false }).Fit(ratings));
            Stage("top-10 for every user (PureSVD)", () => Scoring.Recommend(svd, ratings.UserIds, k: 10).Rows.Count);
            var space = Stage("similarity space", () => MovieEmbeddingSpace.Build(features));
            Stage("1,000 similar-movie queries", () =>
            {
                var rng = new Random(1);
                var total = 0;
                for (var q = 0; q < 1_000; q++) total += space.MostSimilar(space.MovieIds[rng.Next(space.MovieIds.Count)], 10).Count;
                return total;
            });

            var table = new Table().Title(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"{name}: {clean.Ratings.Rows.Count:N0} ratings, {ratings.UserIds.Count:N0} users, {clean.Movies.Rows.Count:N0} movies; {Environment.ProcessorCount} cores")))
                .AddColumn("stage").AddColumn(new TableColumn("seconds").RightAligned()).AddColumn(new TableColumn("peak working set (MB)").RightAligned());
            foreach (var (stage, seconds, peak) in stages) table.AddRow(Markup.Escape(stage), seconds.ToString("F2", CultureInfo.InvariantCulture), peak.ToString("N0", CultureInfo.InvariantCulture));
            AnsiConsole.Write(table);
            if (parse.GetValue(json) is { } path)
            {
                AtomicFile.WriteAllText(path, JsonSerializer.Serialize(new
                {
                    scale = name,
                    ratings = clean.Ratings.Rows.Count,
                    users = ratings.UserIds.Count,
                    movies = clean.Movies.Rows.Count,
                    cores = Environment.ProcessorCount,
                    stages = stages.Select(s => new { stage = s.Stage, seconds = Math.Round(s.Seconds, 3), peakWorkingSetMb = Math.Round(s.PeakMb) }),
                }, Indented));
            }
        }));
        return command;
    }
}
