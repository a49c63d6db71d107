using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using MovieRec.Algorithms;
using MovieRec.Data;
using MovieRec.Evaluation;
using Spectre.Console;

namespace MovieRec.Cli.Commands;

/// <summary><c>movierec evaluate</c>: collaborative filtering algorithms on any MovieLens folder.</summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "A MovieLens release folder (any format) or a catalog name.", DefaultValueFactory = _ => "sample" };
        var algorithms = new Option<string>("--algorithms")
        {
            Description = "Comma-separated: " + string.Join("; ", AlgorithmCatalog.Descriptions.Select(p => $"{p.Key} = {p.Value}")),
            DefaultValueFactory = _ => string.Join(',', AlgorithmCatalog.Descriptions.Keys),
        };
        var split = new Option<string>("--split") { Description = "kfold (by user), random (per user), stratified (per user, recommenders' python_stratified_split) or temporal (each user's latest).", DefaultValueFactory = _ => "kfold" };
        split.AcceptOnlyFromAmong("kfold", "random", "stratified", "temporal");
        var folds = new Option<int>("--folds") { Description = "Folds for kfold.", DefaultValueFactory = _ => 5 }.InRange(2, 1_000);
        var fraction = new Option<double>("--test-fraction") { Description = "Held-out share for random, stratified and temporal.", DefaultValueFactory = _ => 0.25 }.Fraction();
        var k = new Option<int>("--k") { Description = "Ranking cut-off (1 to 1,000).", DefaultValueFactory = _ => 10 }.InRange(1, 1_000);
        var seed = new Option<int>("--seed") { Description = "Seed of splits and algorithms.", DefaultValueFactory = _ => 42 };
        var json = new Option<string?>("--json") { Description = "Also write the results as a JSON array to this file." }.OutputFile();
        var command = new Command("evaluate", "Cross-validate or hold-out-evaluate collaborative filtering: RMSE, MAE and top-k ranking metrics, with timings.")
        {
            data, algorithms, split, folds, fraction, k, seed, json,
        };
        command.SetAction(parse => CliRunner.Run(() =>
        {
            var folder = DataCommands.ResolveFolder(parse.GetValue(data)!);
            var ratings = DataCleaning.Clean(MovieLensLoader.Load(folder)).Ratings;
            var names = parse.GetValue(algorithms)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var s = parse.GetValue(seed);
            var splits = parse.GetValue(split) switch
            {
                "kfold" => Splitters.KFold(ratings, parse.GetValue(folds), s),
                "random" => [Splitters.RandomPerUser(ratings, parse.GetValue(fraction), s)],
                "stratified" => [Splitters.Stratified(ratings, 1 - parse.GetValue(fraction), StratifyBy.User, s)],
                _ => (IReadOnlyList<TrainTestSplit>)[Splitters.Temporal(ratings, parse.GetValue(fraction))],
            };
            var options = new EvaluationOptions { K = parse.GetValue(k) };
            var rows = new List<(string Name, EvaluationResult[] Results)>();
            foreach (var name in names)
            {
                var algorithm = AlgorithmCatalog.Create(name, s);
                var results = new List<EvaluationResult>();
                AnsiConsole.Status().Start($"{name}…", ctx =>
                {
                    for (var f = 0; f < splits.Count; f++)
                    {
                        ctx.Status(string.Create(CultureInfo.InvariantCulture, $"{name}: split {f + 1} of {splits.Count}"));
                        results.Add(Evaluator.Evaluate(algorithm, splits[f], options));
                    }
                });
                rows.Add((name, [.. results]));
            }

            Print(rows, options.K, folder, splits.Count);
            if (parse.GetValue(json) is { } path) WriteJson(path, rows, options.K);
        }));
        return command;
    }

    private static void Print(List<(string Name, EvaluationResult[] Results)> rows, int k, string folder, int splits)
    {
        var kk = k.ToString(CultureInfo.InvariantCulture);
        var table = new Table().Title(Markup.Escape($"{Path.GetFileName(Path.GetFullPath(folder))}: mean of {splits} split(s); seconds summed"))
            .AddColumns("algorithm", "rmse", "mae", $"precision@{kk}", $"recall@{kk}", $"ndcg@{kk}", $"map@{kk}", "coverage", "fit s", "predict s", "rank s");
        foreach (var (name, results) in rows)
        {
            var m = Summary(results);
            table.AddRow([Markup.Escape(name), .. new[] { m.Rmse, m.Mae, m.Precision, m.Recall, m.Ndcg, m.Map, m.Coverage }.Select(F), F(m.Fit), F(m.Predict), F(m.Rank)]);
        }

        AnsiConsole.Write(table);
    }

    private static void WriteJson(string path, List<(string Name, EvaluationResult[] Results)> rows, int k)
    {
        var kk = k.ToString(CultureInfo.InvariantCulture);
        JsonFile.Write(path, writer =>
        {
            writer.WriteStartArray();
            foreach (var (name, results) in rows)
            {
                var m = Summary(results);
                writer.WriteStartObject();
                writer.WriteString("algorithm", name);
                writer.WriteString("details", results[0].Algorithm);
                Number(writer, "rmse", m.Rmse);
                Number(writer, "mae", m.Mae);
                Number(writer, $"precision@{kk}", m.Precision);
                Number(writer, $"recall@{kk}", m.Recall);
                Number(writer, $"ndcg@{kk}", m.Ndcg);
                Number(writer, $"map@{kk}", m.Map);
                Number(writer, $"hitRate@{kk}", m.HitRate);
                Number(writer, $"mrr@{kk}", m.Mrr);
                Number(writer, "coverage", m.Coverage);
                Number(writer, "novelty", m.Novelty);
                Number(writer, "fitSeconds", m.Fit);
                Number(writer, "predictSeconds", m.Predict);
                Number(writer, "rankSeconds", m.Rank);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });
    }

    private static (double Rmse, double Mae, double Precision, double Recall, double Ndcg, double Map, double HitRate, double Mrr, double Coverage, double Novelty, double Fit, double Predict, double Rank)
        Summary(EvaluationResult[] r) => (
            r.Average(x => x.Rmse), r.Average(x => x.Mae), r.Average(x => x.Ranking?.Precision ?? double.NaN), r.Average(x => x.Ranking?.Recall ?? double.NaN),
            r.Average(x => x.Ranking?.Ndcg ?? double.NaN), r.Average(x => x.Ranking?.Map ?? double.NaN), r.Average(x => x.Ranking?.HitRate ?? double.NaN),
            r.Average(x => x.Ranking?.Mrr ?? double.NaN), r.Average(x => x.Ranking?.Coverage ?? double.NaN), r.Average(x => x.Ranking?.Novelty ?? double.NaN),
            r.Sum(x => x.FitSeconds), r.Sum(x => x.PredictSeconds), r.Sum(x => x.RankSeconds));

    private static void Number(Utf8JsonWriter writer, string name, double value)
    {
        if (double.IsNaN(value)) writer.WriteNull(name);
        else writer.WriteNumber(name, Math.Round(value, 6));
    }

    private static string F(double value) => double.IsNaN(value) ? "-" : value.ToString("F3", CultureInfo.InvariantCulture);
}
