using MovieRec.Evaluation;

namespace MovieRec.Cli.Commands;

/// <summary><c>movierec evaluate</c>: collaborative filtering algorithms on any MovieLens folder.</summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "A MovieLens release folder (any format) or a catalog name.", DefaultValueFactory = _ => "sample" };
        var algorithms = new Option<string>("--algorithms")
        {
            Description = "Comma-separated: " + string.Join("; ", AlgorithmRegistry.Descriptions.Select(p => $"{p.Key} = {p.Value}")),
            DefaultValueFactory = _ => string.Join(',', AlgorithmRegistry.Descriptions.Keys.Where(name => !AlgorithmRegistry.NeedMovies.Contains(name))),
        };
        var split = new Option<string>("--split") { Description = "kfold (by user), random (per user), stratified (per user, recommenders' python_stratified_split) or temporal (each user's latest).", DefaultValueFactory = _ => "kfold" };
        split.AcceptOnlyFromAmong("kfold", "random", "stratified", "temporal");
        var folds = new Option<int>("--folds") { Description = "Folds for kfold.", DefaultValueFactory = _ => 5 }.InRange(2, 1_000);
        var fraction = new Option<double>("--test-fraction") { Description = "Held-out share for random, stratified and temporal.", DefaultValueFactory = _ => 0.25 }.Fraction();
        var k = new Option<int>("--k") { Description = "Ranking cut-off (1 to 1,000).", DefaultValueFactory = _ => 10 }.InRange(1, 1_000);
        var seed = new Option<int>("--seed") { Description = "Seed of splits and algorithms.", DefaultValueFactory = _ => 42 };
        var protocol = new Option<string?>("--protocol")
        {
            Description = "A named protocol that sets the split and cut-off: recommenders = microsoft/recommenders' (per-user stratified 75/25, k = 10, seen movies removed).",
        };
        protocol.AcceptOnlyFromAmong("recommenders");
        var json = new Option<string?>("--json") { Description = "Also write the results as a JSON array to this file." }.OutputFile();
        var command = new Command("evaluate", "Cross-validate or hold-out-evaluate collaborative filtering: RMSE, MAE and top-k ranking metrics, with timings.")
        {
            data, algorithms, protocol, split, folds, fraction, k, seed, json,
        };
        command.SetAction((parse, cancellationToken) => CliRunner.RunAsync(async () =>
        {
            var recommenders = parse.GetValue(protocol) == "recommenders";
            foreach (var option in new Option[] { split, folds, fraction, k })
            {
                // A named protocol fixes these: an explicit value would be silently ignored, so it is an error instead.
                if (recommenders && parse.GetResult(option) is { Implicit: false }) throw new ArgumentException($"--protocol recommenders sets the split (per-user stratified 75/25) and k = {EvaluationProtocol.Recommenders.K}; drop {option.Name}.");
            }

            var prepared = await new DatasetCatalog().PrepareAsync(parse.GetValue(data)!, cancellationToken: cancellationToken).ConfigureAwait(false);
            var s = parse.GetValue(seed);
            var kind = Enum.Parse<SplitKind>(parse.GetValue(split)!, ignoreCase: true);
            var chosenProtocol = recommenders ? EvaluationProtocol.Recommenders : EvaluationProtocol.Of(kind, parse.GetValue(folds), parse.GetValue(fraction), parse.GetValue(k));
            var splits = chosenProtocol.Splits(prepared.ToRatingDataset(), s);
            var chosen = AlgorithmRegistry.Create(parse.GetValue(algorithms)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), s,
                prepared.Clean.Movies, prepared.Raw.Tags, prepared.Raw.Genome);
            var options = chosenProtocol.Options();
            DataFrame board = null!;
            AnsiConsole.Status().Start("evaluating…", ctx => board = Evaluator.Compare(chosen, splits, options,
                new SyncProgress<EvaluationProgress>(p => ctx.Status(string.Create(CultureInfo.InvariantCulture, $"{p.Algorithm}: split {p.Split} of {p.Splits}"))), cancellationToken));
            var kk = options.K;
            FrameOutput.Print(board, string.Create(CultureInfo.InvariantCulture, $"{prepared.Raw.Name}: mean of {splits.Count} split(s); seconds summed"), 3,
                "algorithm", MetricNames.Rmse, MetricNames.Mae, MetricNames.AtK(MetricNames.Precision, kk), MetricNames.AtK(MetricNames.Recall, kk),
                MetricNames.AtK(MetricNames.Ndcg, kk), MetricNames.Low(MetricNames.AtK(MetricNames.Ndcg, kk)), MetricNames.High(MetricNames.AtK(MetricNames.Ndcg, kk)),
                MetricNames.AtK(MetricNames.HitRate, kk), MetricNames.AtK(MetricNames.Mrr, kk), MetricNames.Coverage, MetricNames.FitSeconds, MetricNames.RankSeconds);
            if (parse.GetValue(json) is { } path) FrameOutput.WriteJson(path, board);
        }));
        return command;
    }
}
