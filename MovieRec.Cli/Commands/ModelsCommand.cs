using System.Diagnostics;
using MovieRec.Classifiers;

namespace MovieRec.Cli.Commands;

/// <summary><c>movierec models</c>: features → baselines (→ tuning) on any MovieLens folder.</summary>
internal static class ModelsCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "A MovieLens release folder (any format) or a catalog name.", DefaultValueFactory = _ => "sample" };
        var metadata = new Option<string?>("--metadata") { Description = "A movie_metadata.csv or Kaggle TMDB movies_metadata.csv (joined through links.csv), or a collection name: tmdb-sample, seed-sample." };
        var tune = new Option<bool>("--tune") { Description = "Also tune every family: grid search (logistic regression), randomized search (trees), 3-fold CV, F1." };
        var seed = new Option<int>("--seed") { Description = "Seed of split, folds, search and trainers.", DefaultValueFactory = _ => 42 };
        var iterations = new Option<int>("--iterations") { Description = "Random-search candidates per tree family.", DefaultValueFactory = _ => 6 }.InRange(1, 1_000);
        var json = new Option<string?>("--json") { Description = "Write the metrics as a JSON array to this file." }.OutputFile();
        var save = new Option<string?>("--save") { Description = "Save every trained model (with its feature pipeline) into this folder; the folder is replaced as a set (it must hold nothing but saved models)." }.OutputFolder();
        var command = new Command("models", "Train logistic regression, random forest, gradient boosting and LightGBM to predict likes; print metrics on train, validation and test.")
        {
            data, metadata, tune, seed, iterations, json, save,
        };
        command.SetAction((parse, cancellationToken) => CliRunner.RunAsync(async () =>
        {
            var total = Stopwatch.StartNew();
            if (parse.GetValue(save) is { } saveTo) ModelExperimentResult.CheckModelFolder(saveTo); // before minutes of training
            var prepared = await new DatasetCatalog().PrepareAsync(parse.GetValue(data)!, parse.GetValue(metadata), cancellationToken: cancellationToken).ConfigureAwait(false);
            var folder = prepared.Raw.Folder;
            var options = new ModelExperimentOptions { Tune = parse.GetValue(tune), Seed = parse.GetValue(seed), RandomIterations = parse.GetValue(iterations) };
            ModelExperimentResult result = null!;
            AnsiConsole.Status().Start("starting…", ctx =>
            {
                var progress = new SyncProgress<SearchProgress>(p => ctx.Status(Markup.Escape(p.Candidates == 0
                    ? p.Stage
                    : string.Create(CultureInfo.InvariantCulture, $"{p.Stage}: candidate {p.Candidate}/{p.Candidates}, fold {p.Fold}/{p.Folds}, best {p.BestScore:F4}"))));
                result = ModelExperiment.Run(prepared.ToRatingDataset(), options, progress, cancellationToken);
            });

            FrameOutput.Print(result.Metrics, string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(Path.GetFullPath(folder))}: {result.Split.Train.Rows.Count:N0} train / {result.Split.Validation.Rows.Count:N0} validation / {result.Split.Test.Rows.Count:N0} test ratings ({result.Split.MovedToTraining:N0} moved to training)"));
            FrameOutput.Print(result.BestParameters, "parameters");
            AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"[grey]total {total.Elapsed.TotalSeconds:F1} s[/]"));
            if (parse.GetValue(json) is { } path) FrameOutput.WriteJson(path, result.Metrics);
            if (parse.GetValue(save) is { } dir)
            {
                var files = result.SaveModels(dir);
                AnsiConsole.WriteLine($"saved {files.Count} models to {Path.GetFullPath(dir)}");
            }
        }));
        return command;
    }
}
