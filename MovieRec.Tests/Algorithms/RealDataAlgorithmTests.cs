using MovieRec.Algorithms;
using MovieRec.Data;
using MovieRec.Evaluation;
using MovieRec.Tests.Support;

namespace MovieRec.Tests.Algorithms;

public sealed class RealDataAlgorithmTests
{
    [RealDataFact]
    public void Biased_mf_beats_the_bias_baseline_on_ml_latest_small()
    {
        var ratings = MovieLensLoader.Load(TestPaths.MlLatestSmall).Ratings;
        var split = Splitters.KFold(ratings, 5, seed: 42)[0];
        var options = new EvaluationOptions { Ranking = false };
        var mf = Evaluator.Evaluate(AlgorithmCatalog.Create("biasedmf-tuned"), split, options);
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
            .Select(name => (name, Evaluator.Evaluate(AlgorithmCatalog.Create(name), split, options).Ranking!.Ndcg)).MaxBy(p => p.Ndcg);
        Assert.True(best.Ndcg >= 1.5 * popular, $"best {best.name} NDCG@10 {best.Ndcg:F4}, most popular {popular:F4}");
    }
}
