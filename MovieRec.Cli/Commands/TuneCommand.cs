using MovieRec.Evaluation;

namespace MovieRec.Cli.Commands;

/// <summary><c>movierec tune</c>: an algorithm's tuning grid on a validation split carved from the training part only.</summary>
internal static class TuneCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "A MovieLens release folder (any format) or a catalog name.", DefaultValueFactory = _ => "sample" };
        var algorithm = new Option<string>("--algorithm") { Description = "One of: " + string.Join(", ", AlgorithmRegistry.Tunable) + ".", Required = true };
        algorithm.AcceptOnlyFromAmong([.. AlgorithmRegistry.Tunable]);
        var metric = new Option<string?>("--metric") { Description = "The column to rank candidates by (default: ndcg@10 for rankers, rmse for rating predictors)." };
        var seed = new Option<int>("--seed") { Description = "Seed of both splits and of the algorithms.", DefaultValueFactory = _ => 42 };
        var json = new Option<string?>("--json") { Description = "Also write every candidate as a JSON array to this file." }.OutputFile();
        var command = new Command("tune", "Grid-search an algorithm the way its defaults were chosen: the recommenders protocol's training part (per-user stratified 75%) is split 75/25 again, and candidates are ranked on that validation split; the test split is never read.")
        {
            data, algorithm, metric, seed, json,
        };
        command.SetAction((parse, cancellationToken) => CliRunner.RunAsync(async () =>
        {
            var s = parse.GetValue(seed);
            var name = parse.GetValue(algorithm)!;
            var (factory, grid) = AlgorithmRegistry.TuningGrid(name, s);
            var protocol = EvaluationProtocol.Recommenders;
            var rates = factory(grid.ToDictionary(p => p.Key, p => p.Value[0])) is IRatingPredictor; // a property of the algorithm
            var k = protocol.K;
            var by = parse.GetValue(metric) ?? (rates ? MetricNames.Rmse : MetricNames.AtK(MetricNames.Ndcg, k));
            var options = protocol.Options(ranking: !rates);
            // The board's columns are known before any work: a wrong --metric fails before the data is even read.
            string[] columns = [.. grid.Keys.Order(StringComparer.Ordinal),
                .. Evaluator.ToDataFrame([], options, withMean: false).Columns.Select(c => c.Name).Where(c => c is not ("algorithm" or "fold"))];
            if (!columns.Contains(by, StringComparer.Ordinal)) throw new ArgumentException($"--metric {by} is not a column of the board; choose one of: {string.Join(", ", columns)}.");
            var prepared = await new DatasetCatalog().PrepareAsync(parse.GetValue(data)!, cancellationToken: cancellationToken).ConfigureAwait(false);
            var outer = protocol.Splits(prepared.ToRatingDataset(), s)[0];
            var validation = protocol.Validation(outer, s); // the test split is never read
            DataFrame board = null!;
            AnsiConsole.Status().Start("tuning…", ctx => board = Evaluator.GridSearch(factory, grid, [validation], by, options,
                new SyncProgress<(int Candidate, int Of)>(p => ctx.Status(string.Create(CultureInfo.InvariantCulture, $"{name}: candidate {p.Candidate} of {p.Of}"))), cancellationToken));
            if (!board.Columns.Any(c => c.Name == by)) throw new ArgumentException($"No column '{by}' to rank by. Columns: {string.Join(", ", board.Columns.Select(c => c.Name))}.");
            FrameOutput.Print(board, string.Create(CultureInfo.InvariantCulture, $"{prepared.Raw.Name}: {name} on a validation split of the training part, best first by {by}"), 4,
                [.. grid.Keys.Order(StringComparer.Ordinal), by, MetricNames.FitSeconds]);
            if (parse.GetValue(json) is { } path) FrameOutput.WriteJson(path, board);
        }));
        return command;
    }
}
