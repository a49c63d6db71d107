using System.Diagnostics;

namespace MovieRec.Evaluation;

/// <summary>Fits algorithms on splits and measures them: one split (<see cref="Evaluate(IRecommenderAlgorithm{IDenseScorer}, TrainTestSplit, EvaluationOptions?, CancellationToken)"/>), a fitted model or composed engine (<see cref="Evaluate(IDenseScorer, DataFrame, EvaluationOptions?, CancellationToken)"/>), k folds (<see cref="CrossValidate"/>), a parameter grid (<c>GridSearch</c> (on k folds or on given splits)).</summary>
public static class Evaluator
{
    /// <summary>Fits <paramref name="algorithm"/> on the split's training ratings and measures it on its test ratings.</summary>
    /// <remarks>A composition of the DataFrame seams: <see cref="IFittable{TModel}.Fit"/> on the training ratings (the split's
    /// <see cref="TrainTestSplit.TrainSet"/>, indexed once for every algorithm fitted on the split),
    /// <see cref="Scoring.Predict"/> of the test pairs into <see cref="RatingMetrics"/> (every test rating, fallbacks included and
    /// counted), and <see cref="Scoring.Recommend"/> of each test user's top k unseen movies into <see cref="RankingMetrics"/>.</remarks>
    public static EvaluationResult Evaluate(IRecommenderAlgorithm<IDenseScorer> algorithm, TrainTestSplit split, EvaluationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        ArgumentNullException.ThrowIfNull(split);
        options ??= new EvaluationOptions();
        var watch = Stopwatch.StartNew();
        var model = algorithm.Fit(split.TrainSet, cancellationToken);
        var fit = watch.Elapsed.TotalSeconds;

        var measured = Evaluate(model, split.Test, options, cancellationToken);
        return measured with { Algorithm = algorithm.Name, FitSeconds = fit };
    }

    /// <summary>
    /// Measures an already fitted model (any <see cref="IDenseScorer"/>: an algorithm's model, or a composed engine from
    /// <see cref="Recommendations.MovieRecommender.AsScorer"/>) on the held-out ratings <paramref name="test"/>: the same
    /// metrics as <see cref="Evaluate(IRecommenderAlgorithm{IDenseScorer}, TrainTestSplit, EvaluationOptions?, CancellationToken)"/>,
    /// with fitSeconds 0. Coverage and novelty come from the model's own training ratings (<see cref="IScorer.Train"/>).
    /// </summary>
    public static EvaluationResult Evaluate(IDenseScorer model, DataFrame test, EvaluationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(test);
        options ??= new EvaluationOptions();
        var watch = Stopwatch.StartNew();
        double rmse = double.NaN, mae = double.NaN;
        var fallbacks = 0;
        if (model.PredictsRatings)
        {
            // Scoring.Predict's rows are the test rows, in order: the metrics read the aligned columns directly.
            var predictions = Scoring.Predict(model, test);
            var actual = Array.ConvertAll(test.ToDoubles(Columns.Rating), r => (float)r);
            var predicted = Array.ConvertAll(predictions.ToArray<double>(Columns.Prediction), r => (float)r);
            rmse = RatingMetrics.Rmse(actual, predicted);
            mae = RatingMetrics.Mae(actual, predicted);
            fallbacks = predictions.ToArray<bool>(Columns.Fallback).Count(f => f);
        }

        var predict = watch.Elapsed.TotalSeconds;
        watch.Restart();
        RankingReport? ranking = null;
        if (options.Ranking)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var users = test.ToArray<int>(Columns.UserId).Distinct().Order();
            var recommendations = Scoring.Recommend(model, users, options.K);
            var popularity = new Dictionary<int, int>(model.Train.ItemIds.Count);
            for (var i = 0; i < model.Train.ItemIds.Count; i++) popularity[model.Train.ItemIds[i]] = model.Train.ItemCounts[i];
            ranking = RankingMetrics.Evaluate(test, recommendations, options.K, options.LikeThreshold, model.Train.ItemIds.Count, (popularity, model.Train.UserIds.Count));
        }

        return new EvaluationResult(model.GetType().Name, rmse, mae, ranking, 0, predict, options.Ranking ? watch.Elapsed.TotalSeconds : 0, fallbacks);
    }

    /// <summary>
    /// K-fold cross-validation (<see cref="Splitters.KFold"/>): one row per fold and a final "mean" row, with columns
    /// algorithm, fold, rmse, mae, precision@k, recall@k, ndcg@k, ndcg@kLow and ndcg@kHigh (the 95% bootstrap interval over users), map@k, hitRate@k, mrr@k, coverage, novelty, fitSeconds,
    /// predictSeconds, rankSeconds (Surprise's <c>cross_validate</c>).
    /// </summary>
    public static DataFrame CrossValidate(IRecommenderAlgorithm<IDenseScorer> algorithm, DataFrame ratings, int folds = 5, EvaluationOptions? options = null, int seed = 42, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var data = RatingDataset.From(ratings); // indexed once: every fold's training part is cut from it
        var results = Splitters.Split(data, SplitKind.KFold, folds, seed: seed).Select(split => Evaluate(algorithm, split, options, cancellationToken)).ToList();
        return ToDataFrame(results, options ?? new EvaluationOptions(), withMean: true);
    }

    /// <summary>
    /// Evaluates several algorithms on the same splits (<see cref="Splitters.Split(DataFrame, SplitKind, int, double, int)"/>) and returns a leaderboard: one row
    /// per algorithm, in the order given, with columns algorithm (the name given), details (<see cref="IRecommenderAlgorithm{TModel}.Name"/>,
    /// with its options), splits, the metrics of <see cref="CrossValidate"/> averaged over the splits, and the timings summed.
    /// </summary>
    /// <param name="algorithms">Name → algorithm, in the order of the leaderboard, e.g. <c>AlgorithmRegistry.Create</c> (Recommendations).</param>
    /// <param name="splits">The splits every algorithm is fitted and measured on.</param>
    /// <param name="options">Cut-off and relevance.</param>
    /// <param name="progress">Receives (algorithm, split) before each fit.</param>
    /// <param name="cancellationToken">Stops between fits.</param>
    public static DataFrame Compare(IEnumerable<KeyValuePair<string, IRecommenderAlgorithm<IDenseScorer>>> algorithms, IReadOnlyList<TrainTestSplit> splits, EvaluationOptions? options = null,
        IProgress<EvaluationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(algorithms);
        ArgumentNullException.ThrowIfNull(splits);
        if (splits.Count == 0) throw new ArgumentException("No splits to evaluate on.", nameof(splits));
        options ??= new EvaluationOptions();
        var named = algorithms.ToList();
        var results = named.Select(_ => new List<EvaluationResult>(splits.Count)).ToList();
        for (var s = 0; s < splits.Count; s++)
        {
            // Split by split: each split (made on demand by the k-fold splitters) is made once for every algorithm.
            var split = splits[s];
            for (var a = 0; a < named.Count; a++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new EvaluationProgress(named[a].Key, s + 1, splits.Count));
                results[a].Add(Evaluate(named[a].Value, split, options, cancellationToken));
            }
        }

        DataFrame? board = null;
        for (var a = 0; a < named.Count; a++)
        {
            var (name, algorithm) = named[a];
            var frame = ToDataFrame(results[a], options, withMean: true);
            var mean = frame.Filter([.. Enumerable.Range(0, (int)frame.Rows.Count).Select(r => r == frame.Rows.Count - 1)]);
            mean.Columns.Remove("fold");
            mean.Columns.Remove("algorithm");
            mean.Columns.Insert(0, new StringDataFrameColumn("algorithm", [name]));
            mean.Columns.Insert(1, new StringDataFrameColumn("details", [algorithm.Name]));
            mean.Columns.Insert(2, new Int32DataFrameColumn("splits", [splits.Count]));
            board = board is null ? mean : board.Append(mean.Rows, inPlace: false);
        }

        return board ?? throw new ArgumentException("No algorithms to compare.", nameof(algorithms));
    }

    /// <summary>
    /// Cross-validates every combination of <paramref name="grid"/> (Surprise's <c>GridSearchCV</c>): one row per
    /// candidate with its parameters and mean metrics, sorted best first by <paramref name="metric"/> (lower is better for
    /// rmse/mae, higher otherwise).
    /// </summary>
    /// <param name="factory">Builds an algorithm from one combination of parameter values.</param>
    /// <param name="grid">Parameter name → candidate values.</param>
    /// <param name="ratings">All ratings.</param>
    /// <param name="metric">The column to rank by, e.g. "rmse" or "ndcg@10".</param>
    /// <param name="folds">Folds per candidate.</param>
    /// <param name="options">Evaluation options.</param>
    /// <param name="seed">Seed of the folds (the same folds for every candidate).</param>
    /// <param name="progress">Receives (candidate, of) after each candidate.</param>
    /// <param name="cancellationToken">Stops between folds.</param>
    public static DataFrame GridSearch(Func<IReadOnlyDictionary<string, double>, IRecommenderAlgorithm<IDenseScorer>> factory, IReadOnlyDictionary<string, double[]> grid,
        DataFrame ratings, string metric = MetricNames.Rmse, int folds = 3, EvaluationOptions? options = null, int seed = 42,
        IProgress<(int Candidate, int Of)>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(ratings);
        var data = RatingDataset.From(ratings); // indexed once; the folds are made once and shared by every candidate
        return GridSearch(factory, grid, [.. Splitters.Split(data, SplitKind.KFold, folds, seed: seed)], metric, options, progress, cancellationToken);
    }

    /// <summary>
    /// The grid search on given splits, e.g. one validation split carved from a test split's training part
    /// (<c>Splitters.Stratified(split.Train, …)</c>), so the chosen parameters never see a test rating. Columns and order
    /// as the k-fold form.
    /// </summary>
    public static DataFrame GridSearch(Func<IReadOnlyDictionary<string, double>, IRecommenderAlgorithm<IDenseScorer>> factory, IReadOnlyDictionary<string, double[]> grid,
        IReadOnlyList<TrainTestSplit> splits, string metric = MetricNames.Rmse, EvaluationOptions? options = null,
        IProgress<(int Candidate, int Of)>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(splits);
        if (splits.Count == 0) throw new ArgumentException("No splits to search on.", nameof(splits));
        options ??= new EvaluationOptions { Ranking = metric is not (MetricNames.Rmse or MetricNames.Mae) };
        var names = grid.Keys.Order(StringComparer.Ordinal).ToArray();
        IEnumerable<Dictionary<string, double>> combos = [new Dictionary<string, double>()];
        foreach (var name in names)
        {
            combos = combos.SelectMany(c => grid[name].Select(v => new Dictionary<string, double>(c) { [name] = v })).ToList();
        }

        var candidates = combos.ToList();
        var rows = new List<(Dictionary<string, double> Params, DataFrame Mean)>();
        for (var c = 0; c < candidates.Count; c++)
        {
            var algorithm = factory(candidates[c]);
            var results = splits.Select(s => Evaluate(algorithm, s, options, cancellationToken)).ToList();
            rows.Add((candidates[c], ToDataFrame(results, options, withMean: false)));
            progress?.Report((c + 1, candidates.Count));
        }

        var frame = new DataFrame(new StringDataFrameColumn("algorithm", rows.Select(r => r.Mean["algorithm"][0]?.ToString() ?? string.Empty)));
        foreach (var name in names) frame.Columns.Add(new DoubleDataFrameColumn(name, rows.Select(r => r.Params[name])));
        foreach (var column in rows[0].Mean.Columns.Where(c => c is DoubleDataFrameColumn))
        {
            frame.Columns.Add(new DoubleDataFrameColumn(column.Name, rows.Select(r => Mean((DoubleDataFrameColumn)r.Mean[column.Name]))));
        }

        return MetricNames.LowerIsBetter(metric) ? frame.OrderBy(metric) : frame.OrderByDescending(metric);
    }

    /// <summary>Results as a tidy DataFrame (one row per result; with a "mean" row when asked).</summary>
    public static DataFrame ToDataFrame(IReadOnlyList<EvaluationResult> results, EvaluationOptions options, bool withMean)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(options);
        var k = options.K;
        var labels = results.Select((_, f) => f.ToString(CultureInfo.InvariantCulture)).ToList();
        var intervals = new Dictionary<EvaluationResult, (double Low, double High)>(ReferenceEqualityComparer.Instance);
        foreach (var r in results) intervals[r] = r.Ranking?.NdcgInterval() ?? (double.NaN, double.NaN);
        var columns = new (string Name, Func<EvaluationResult, double> Value)[]
        {
            (MetricNames.Rmse, r => r.Rmse), (MetricNames.Mae, r => r.Mae),
            (MetricNames.AtK(MetricNames.Precision, k), r => r.Ranking?.Precision ?? double.NaN), (MetricNames.AtK(MetricNames.Recall, k), r => r.Ranking?.Recall ?? double.NaN),
            (MetricNames.AtK(MetricNames.Ndcg, k), r => r.Ranking?.Ndcg ?? double.NaN),
            (MetricNames.Low(MetricNames.AtK(MetricNames.Ndcg, k)), r => intervals[r].Low),
            (MetricNames.High(MetricNames.AtK(MetricNames.Ndcg, k)), r => intervals[r].High),
            (MetricNames.AtK(MetricNames.Map, k), r => r.Ranking?.Map ?? double.NaN),
            (MetricNames.AtK(MetricNames.HitRate, k), r => r.Ranking?.HitRate ?? double.NaN), (MetricNames.AtK(MetricNames.Mrr, k), r => r.Ranking?.Mrr ?? double.NaN),
            (MetricNames.Coverage, r => r.Ranking?.Coverage ?? double.NaN), (MetricNames.Novelty, r => r.Ranking?.Novelty ?? double.NaN),
            (MetricNames.FitSeconds, r => r.FitSeconds), (MetricNames.PredictSeconds, r => r.PredictSeconds), (MetricNames.RankSeconds, r => r.RankSeconds),
        };
        var frame = new DataFrame(
            new StringDataFrameColumn("algorithm", results.Select(r => r.Algorithm).Concat(withMean ? [results[0].Algorithm] : [])),
            new StringDataFrameColumn("fold", labels.Concat(withMean ? ["mean"] : [])));
        foreach (var (name, value) in columns)
        {
            var values = results.Select(value).ToList();
            if (withMean) values.Add(name.EndsWith("Seconds", StringComparison.Ordinal) ? values.Sum() : values.Average());
            frame.Columns.Add(new DoubleDataFrameColumn(name, values));
        }

        return frame;
    }

    private static double Mean(DoubleDataFrameColumn column)
    {
        var values = Enumerable.Range(0, (int)column.Length).Select(i => column[i] ?? double.NaN).ToArray();
        return values.Average();
    }
}
