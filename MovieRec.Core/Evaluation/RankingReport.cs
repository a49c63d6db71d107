namespace MovieRec.Evaluation;

/// <summary>Top-k ranking metrics averaged over the evaluated users (see <see cref="RankingMetrics"/> for the formulas).</summary>
/// <param name="K">The cut-off k.</param>
/// <param name="Precision">precision@k.</param>
/// <param name="Recall">recall@k.</param>
/// <param name="Ndcg">NDCG@k.</param>
/// <param name="Map">MAP@k.</param>
/// <param name="HitRate">Share of users with at least one relevant item in the top k.</param>
/// <param name="Mrr">Mean reciprocal rank of the first relevant item (0 when none is in the top k).</param>
/// <param name="Coverage">Distinct recommended items / catalog size.</param>
/// <param name="Novelty">Mean self-information −log2(popularity) of recommended items.</param>
/// <param name="Users">Users evaluated (those with at least one relevant item).</param>
/// <param name="UsersWithoutRelevant">Users skipped because none of their held-out items is relevant.</param>
/// <param name="Warnings">Why a metric is NaN, if one is.</param>
public sealed record RankingReport(
    int K, double Precision, double Recall, double Ndcg, double Map, double HitRate, double Mrr, double Coverage, double Novelty,
    int Users, int UsersWithoutRelevant, IReadOnlyList<string> Warnings)
{
    /// <summary>Each evaluated user's NDCG@k, by userId (for a paired <see cref="Bootstrap.PairedDifference"/>).</summary>
    public IReadOnlyDictionary<int, double> UserNdcg { get; init; } = new Dictionary<int, double>();

    /// <summary>The percentile <see cref="Bootstrap"/> interval over users of <see cref="Ndcg"/>, from <see cref="UserNdcg"/>
    /// (users in ascending ID order, so a seed gives the same interval); NaN when no user was evaluated.</summary>
    public (double Low, double High) NdcgInterval(double level = 0.95, int resamples = Bootstrap.DefaultResamples, int seed = 42)
    {
        var (_, low, high) = Bootstrap.MeanInterval([.. UserNdcg.OrderBy(p => p.Key).Select(p => p.Value)], level, resamples, seed);
        return (low, high);
    }
}
