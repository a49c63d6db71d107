namespace MovieRec.Tests.Evaluation;

public sealed class MetricsTests
{
    [Fact]
    public void Rmse_and_mae_by_hand_and_nan_for_empty()
    {
        float[] actual = [4, 3, 5], predicted = [3.5f, 3, 3];
        Assert.Equal(Math.Sqrt((0.25 + 0 + 4) / 3), RatingMetrics.Rmse(actual, predicted), 12);
        Assert.Equal((0.5 + 0 + 2) / 3, RatingMetrics.Mae(actual, predicted), 12);
        var warnings = new List<string>();
        Assert.True(double.IsNaN(RatingMetrics.Rmse([], [], warnings)));
        Assert.Single(warnings);
    }

    [Fact]
    public void Ranking_metrics_by_hand_with_a_user_without_relevant_items()
    {
        var recs = new Dictionary<int, int[]> { [1] = [1, 2, 3, 4], [2] = [7, 8, 9], [3] = [5] };
        var relevant = new Dictionary<int, HashSet<int>> { [1] = [2, 4, 9], [2] = [], [3] = [5] };
        var popularity = new Dictionary<int, int> { [1] = 4, [2] = 2, [3] = 1, [5] = 8 };

        var r = RankingMetrics.Evaluate(recs, relevant, k: 3, catalogSize: 10, itemPopularity: (popularity, 8));

        // User 1: top 3 = 1, 2, 3 with one hit at rank 2 (|R| = 3). User 3: one hit at rank 1 (|R| = 1). User 2 is skipped.
        var dcg1 = 1 / Math.Log2(3);
        var idcg1 = 1 + (1 / Math.Log2(3)) + (1 / Math.Log2(4));
        Assert.Equal(2, r.Users);
        Assert.Equal(1, r.UsersWithoutRelevant);
        Assert.Equal(((1.0 / 3) + (1.0 / 3)) / 2, r.Precision, 12);   // divides by k even for a 1-item list
        Assert.Equal(((1.0 / 3) + 1) / 2, r.Recall, 12);
        Assert.Equal(((dcg1 / idcg1) + 1) / 2, r.Ndcg, 12);
        Assert.Equal((((1.0 / 2) / 3) + 1) / 2, r.Map, 12);           // AP@3 = (precision@2)/min(3, |R|)
        Assert.Equal(1.0, r.HitRate);
        Assert.Equal((0.5 + 1) / 2, r.Mrr, 12);
        Assert.Equal(4 / 10.0, r.Coverage, 12);                      // {1, 2, 3, 5}
        var novelty1 = (-Math.Log2(4 / 8.0) - Math.Log2(2 / 8.0) - Math.Log2(1 / 8.0)) / 3;
        Assert.Equal((novelty1 + -Math.Log2(8 / 8.0)) / 2, r.Novelty, 12);
    }

    [Fact]
    public void Ties_in_scores_rank_by_movie_id_and_empty_truth_gives_nan_with_a_warning()
    {
        var truth = new DataFrame(new Int32DataFrameColumn(Columns.UserId, new[] { 1 }), new Int32DataFrameColumn(Columns.MovieId, new[] { 30 }), new DoubleDataFrameColumn(Columns.Rating, new[] { 5.0 }));
        var predictions = new DataFrame(
            new Int32DataFrameColumn(Columns.UserId, new[] { 1, 1, 1 }),
            new Int32DataFrameColumn(Columns.MovieId, new[] { 30, 10, 20 }),
            new DoubleDataFrameColumn("score", new[] { 0.5, 0.5, 0.5 }));
        var r = RankingMetrics.Evaluate(truth, predictions, k: 1);
        Assert.Equal(0.0, r.Precision);                              // the tie puts movie 10 first
        Assert.Equal(1.0 / 3, RankingMetrics.Evaluate(truth, predictions, k: 3).Mrr, 12);

        var none = RankingMetrics.Evaluate(truth, predictions, k: 3, likeThreshold: 6);
        Assert.True(double.IsNaN(none.Ndcg));
        Assert.NotEmpty(none.Warnings);
    }
}
