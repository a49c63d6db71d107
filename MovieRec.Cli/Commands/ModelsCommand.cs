using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Analysis;
using MovieRec.Data;
using MovieRec.Models;
using Spectre.Console;

namespace MovieRec.Cli.Commands;

/// <summary><c>movierec models</c>: features → baselines (→ tuning) on any MovieLens folder.</summary>
internal static class ModelsCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "A MovieLens release folder (any format) or a catalog name.", DefaultValueFactory = _ => "sample" };
        var metadata = new Option<string?>("--metadata") { Description = "A movie_metadata.csv or Kaggle TMDB movies_metadata.csv (joined through links.csv)." };
        var tune = new Option<bool>("--tune") { Description = "Also tune every family: grid search (logistic regression), randomized search (trees), 3-fold CV, F1." };
        var seed = new Option<int>("--seed") { Description = "Seed of split, folds, search and trainers.", DefaultValueFactory = _ => 42 };
        var iterations = new Option<int>("--iterations") { Description = "Random-search candidates per tree family.", DefaultValueFactory = _ => 6 }.InRange(1, 1_000);
        var json = new Option<string?>("--json") { Description = "Write the metrics as a JSON array to this file." }.OutputFile();
        var save = new Option<string?>("--save") { Description = "Save every trained model (with its feature pipeline) into this folder; the folder is replaced as a set (it must hold nothing but saved models)." }.OutputFolder();
        var command = new Command("models", "Train logistic regression, random forest, gradient boosting and LightGBM to predict likes; print metrics on train, validation and test.")
        {
            data, metadata, tune, seed, iterations, json, save,
        };
        command.SetAction((parse, cancellationToken) => Task.FromResult(CliRunner.Run(() =>
        {
            var total = Stopwatch.StartNew();
            if (parse.GetValue(save) is { } saveTo) ModelExperimentResult.CheckModelFolder(saveTo); // before minutes of training
            var folder = DataCommands.ResolveFolder(parse.GetValue(data)!);
            var dataset = MovieLensLoader.Load(folder);
            var meta = parse.GetValue(metadata) is { } m ? MovieMetadataLoader.Load(m, dataset.Links) : null;
            var clean = DataCleaning.Clean(dataset, meta);
            var options = new ModelExperimentOptions { Tune = parse.GetValue(tune), Seed = parse.GetValue(seed), RandomIterations = parse.GetValue(iterations) };
            ModelExperimentResult result = null!;
            AnsiConsole.Status().Start("starting…", ctx =>
            {
                var progress = new SyncProgress(p => ctx.Status(Markup.Escape(p.Candidates == 0
                    ? p.Stage
                    : string.Create(CultureInfo.InvariantCulture, $"{p.Stage}: candidate {p.Candidate}/{p.Candidates}, fold {p.Fold}/{p.Folds}, best {p.BestScore:F4}"))));
                result = ModelExperiment.Run(clean.Ratings, clean.Movies, options, dataset.Tags, dataset.Genome, progress, cancellationToken);
            });

            PrintFrame(result.Metrics, string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(Path.GetFullPath(folder))}: {result.Split.Train.Rows.Count:N0} train / {result.Split.Validation.Rows.Count:N0} validation / {result.Split.Test.Rows.Count:N0} test ratings ({result.Split.MovedToTraining:N0} moved to training)"));
            PrintFrame(result.BestParameters, "parameters");
            AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"[grey]total {total.Elapsed.TotalSeconds:F1} s[/]"));
            if (parse.GetValue(json) is { } path) WriteJson(path, result.Metrics);
            if (parse.GetValue(save) is { } dir)
            {
                var files = result.SaveModels(dir);
                AnsiConsole.WriteLine($"saved {files.Count} models to {Path.GetFullPath(dir)}");
            }
        })));
        return command;
    }

    private static void PrintFrame(DataFrame frame, string title)
    {
        var table = new Table().Title(Markup.Escape(title));
        foreach (var column in frame.Columns) table.AddColumn(column.Name);
        foreach (var row in frame.Rows)
        {
            table.AddRow([.. row.Select(v => Markup.Escape(v switch
            {
                double d when double.IsNaN(d) => "-",
                double d => d.ToString("F4", CultureInfo.InvariantCulture),
                _ => Convert.ToString(v, CultureInfo.InvariantCulture) ?? string.Empty,
            }))]);
        }

        AnsiConsole.Write(table);
    }

    private static void WriteJson(string path, DataFrame metrics)
    {
        JsonFile.Write(path, writer =>
        {
            writer.WriteStartArray();
            foreach (var row in metrics.Rows)
            {
                writer.WriteStartObject();
                for (var c = 0; c < metrics.Columns.Count; c++)
                {
                    var name = metrics.Columns[c].Name;
                    switch (row[c])
                    {
                        case double d when double.IsNaN(d): writer.WriteNull(name); break;
                        case double d: writer.WriteNumber(name, Math.Round(d, 6)); break;
                        default: writer.WriteString(name, Convert.ToString(row[c], CultureInfo.InvariantCulture)); break;
                    }
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool and race the status display).</summary>
    private sealed class SyncProgress(Action<SearchProgress> report) : IProgress<SearchProgress>
    {
        public void Report(SearchProgress value) => report(value);
    }
}
