namespace MovieRec.Tests.Algorithms;

[Trait("Category", "RealData")]
public sealed class RealDataAlgorithmTests
{
    [RealDataFact]
    public void Biased_mf_beats_the_bias_baseline_on_ml_latest_small()
    {
        var ratings = MovieLensLoader.Load(TestPaths.MlLatestSmall).Ratings;
        var split = Splitters.KFold(ratings, 5, seed: 42)[0];
        var options = new EvaluationOptions { Ranking = false };
        var mf = Evaluator.Evaluate(AlgorithmRegistry.Create("biasedmf-tuned"), split, options);
        var bias = Evaluator.Evaluate(new Bias(), split, options);
        Assert.True(mf.Rmse < bias.Rmse - 0.01, $"biased MF {mf.Rmse:F4}, bias {bias.Rmse:F4}");
    }

    [RealDataFact]
    public void The_best_top_n_algorithm_beats_most_popular_ndcg_by_half_on_a_stratified_split()
    {
        var ratings = MovieLensLoader.Load(TestPaths.MlLatestSmall).Ratings;
        var split = Splitters.Stratified(ratings, 0.75, StratifyBy.User, seed: 42);
        var options = new EvaluationOptions { K = 10 };
        var popular = Evaluator.Evaluate(new MostPopular(), split, options).Ranking!.Ndcg;
        var best = new[] { "puresvd", "puresvd-raw", "biasedmf-tuned", "itemknn" }
            .Select(name => (name, Evaluator.Evaluate(AlgorithmRegistry.Create(name), split, options).Ranking!.Ndcg)).MaxBy(p => p.Ndcg);
        Assert.True(best.Ndcg >= 1.5 * popular, $"best {best.name} NDCG@10 {best.Ndcg:F4}, most popular {popular:F4}");
    }

    [RealDataFact]
    public void Ease_and_als_beat_puresvd_on_the_recommenders_protocol_and_the_blend_is_at_least_as_good()
    {
        var ratings = MovieLensLoader.Load(TestPaths.MlLatestSmall).Ratings;
        var split = Splitters.Stratified(ratings, 0.75, StratifyBy.User, seed: 42);
        var options = new EvaluationOptions { K = 10 };
        var ndcg = new[] { "puresvd-raw", "ease", "als", "ease-sessions", "blend" }.ToDictionary(n => n, n => Evaluator.Evaluate(AlgorithmRegistry.Create(n), split, options).Ranking!.Ndcg);
        Assert.True(ndcg["ease"] > ndcg["puresvd-raw"] + 0.03, string.Join(", ", ndcg));
        Assert.True(ndcg["als"] > ndcg["puresvd-raw"] + 0.03, string.Join(", ", ndcg));
        Assert.True(ndcg["blend"] >= new[] { ndcg["ease-sessions"], ndcg["ease"], ndcg["als"] }.Max(), string.Join(", ", ndcg)); // its best component included
    }

    /// <summary>
    /// Issue 14: EASE with session rows (<see cref="AlgorithmRegistry.SessionEase"/>, chosen on validation) ranks better
    /// than EASE^R on the recommenders protocol, on every one of three splits, not by the luck of one.
    /// </summary>
    [RealDataFact]
    public void Sessions_lift_ease_on_the_recommenders_protocol_for_every_seed()
    {
        var ratings = MovieLensLoader.Load(TestPaths.MlLatestSmall).Ratings;
        var options = new EvaluationOptions { K = 10 };
        foreach (var seed in new[] { 42, 1, 2 })
        {
            var split = Splitters.Stratified(ratings, 0.75, StratifyBy.User, seed);
            var ease = Evaluator.Evaluate(AlgorithmRegistry.Create("ease"), split, options).Ranking!;
            var sessions = Evaluator.Evaluate(AlgorithmRegistry.Create("ease-sessions"), split, options).Ranking!;
            var (lift, low, _) = Bootstrap.PairedDifference(sessions.UserNdcg, ease.UserNdcg);
            Assert.True(low > 0 && lift > 0.01, $"seed {seed}: ease-sessions {sessions.Ndcg:F4}, ease {ease.Ndcg:F4}, paired lift {lift:F4} (low {low:F4})");
        }
    }

    [RealDataFact]
    public void Svd_plus_plus_matches_surprise_accuracy_on_five_folds()
    {
        var ratings = MovieLensLoader.Load(TestPaths.MlLatestSmall).Ratings;
        var cv = Evaluator.CrossValidate(new SvdPlusPlus(), ratings, 5, new EvaluationOptions { Ranking = false }, seed: 42);
        var rmse = cv.ToArray<double>(MetricNames.Rmse)[^1];
        Assert.True(rmse < 0.870, $"SVD++ 5-fold RMSE {rmse:F4} (Surprise's SVDpp: 0.8602)");
    }

    /// <summary>
    /// Issue 18: the DSGD strata (8 × 8 blocks, both cores) learn as well as plain sequential SGD (one block), Surprise's
    /// order of work. With Surprise's SVD defaults on the same five folds, the mean RMSE over five seeds agrees to the
    /// fourth decimal; one seed's RMSE moves by about 0.0005 with the seed whatever the schedule.
    /// </summary>
    [RealDataFact]
    public void Dsgd_strata_learn_as_well_as_sequential_sgd_over_seeds()
    {
        var ratings = MovieLensLoader.Load(TestPaths.MlLatestSmall).Ratings;
        var folds = Splitters.KFold(ratings, 5, seed: 42);
        var options = new EvaluationOptions { Ranking = false };
        double MeanRmse(int blocks) => Enumerable.Range(1, 5)
            .Average(seed => folds.Average(f => Evaluator.Evaluate(new BiasedMF(new BiasedMFOptions { Seed = seed, Blocks = blocks }), f, options).Rmse));
        double sequential = MeanRmse(1), strata = MeanRmse(BiasedMFOptions.Defaults.Blocks);
        Assert.True(Math.Abs(strata - sequential) < 0.0003, $"DSGD {strata:F5}, sequential SGD {sequential:F5}");
        Assert.InRange(strata, 0.870, 0.877);
    }
}
