namespace MovieRec.Algorithms;

/// <summary>NDCG@k of ranked lists: the one computation behind the ranking metrics' NDCG (<c>RankingMetrics</c>, in
/// Evaluation) and the validation score the blends and the hybrid learn their weights by.</summary>
internal static class Ndcg
{
    /// <summary>NDCG@k of one list.</summary>
    /// <remarks>DCG = Σ 1 / log2(i + 2) over the positions i &lt; k holding a relevant movie, divided by the ideal DCG of
    /// min(k, |relevant|) hits; both summed in position order.</remarks>
    /// <param name="top">The list's first k (or fewer) movies, best first.</param>
    /// <param name="relevant">The relevant movies (at least one).</param>
    /// <param name="k">The cut-off.</param>
    public static double Of(ReadOnlySpan<int> top, HashSet<int> relevant, int k)
    {
        double dcg = 0;
        for (var i = 0; i < top.Length; i++)
        {
            if (relevant.Contains(top[i])) dcg += 1 / Math.Log2(i + 2);
        }

        var ideal = 0.0;
        for (var i = 0; i < Math.Min(k, relevant.Count); i++) ideal += 1 / Math.Log2(i + 2);
        return dcg / ideal;
    }

    /// <summary>The mean NDCG@k over the users with a relevant movie, summed in ascending user order (NaN when there is
    /// none): the NDCG the ranking metrics report for the same lists.</summary>
    public static double Mean(IReadOnlyDictionary<int, int[]> recommendations, IReadOnlyDictionary<int, HashSet<int>> relevant, int k)
    {
        double sum = 0;
        var users = 0;
        foreach (var (user, rel) in relevant.OrderBy(p => p.Key))
        {
            if (rel.Count == 0) continue;
            var list = recommendations.TryGetValue(user, out var l) ? l : [];
            sum += Of(list.AsSpan(0, Math.Min(k, list.Length)), rel, k);
            users++;
        }

        return users == 0 ? double.NaN : sum / users;
    }
}
