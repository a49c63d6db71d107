using Microsoft.Data.Analysis;
using MovieRec.Data;

namespace MovieRec.Evaluation;

/// <summary>
/// Top-k ranking metrics with binary relevance, averaged over users who have at least one relevant held-out item.
/// </summary>
/// <remarks>
/// For a user with relevant set R and ranked list L (best first, ties broken by ascending movieId), with hits
/// h_i = 1 when L_i ∈ R:
/// <list type="bullet">
/// <item>precision@k = Σ_{i≤k} h_i / k, in [0, 1] (recommenders' convention: a list shorter than k still divides by k)</item>
/// <item>recall@k = Σ_{i≤k} h_i / |R|, in [0, 1]</item>
/// <item>NDCG@k = DCG / IDCG, DCG = Σ_{i≤k} h_i / log2(i + 1), IDCG the DCG of min(k, |R|) hits, in [0, 1]</item>
/// <item>MAP@k = Σ_{i≤k} h_i · precision@i / min(k, |R|), in [0, 1]</item>
/// <item>hit rate@k = 1 if any h_i = 1 else 0; MRR@k = 1 / (first i with h_i = 1), 0 if none</item>
/// <item>coverage = |∪ L_{≤k}| / catalog size, in [0, 1]</item>
/// <item>novelty = mean over users and their top k of −log2(p_i), p_i = (training users who rated i) / (training users), in [0, ∞)</item>
/// </list>
/// Users without any relevant item are skipped and counted; when no user is left every metric is NaN with a warning.
/// </remarks>
public static class RankingMetrics
{
    /// <summary>Computes every metric from ranked lists and relevant sets keyed by userId.</summary>
    /// <param name="recommendations">Each user's ranked movieIds (at least k, best first).</param>
    /// <param name="relevant">Each user's relevant movieIds (the held-out items, possibly filtered by a rating threshold).</param>
    /// <param name="k">The cut-off.</param>
    /// <param name="catalogSize">Number of recommendable movies, for coverage (NaN coverage when 0).</param>
    /// <param name="itemPopularity">Training users per movieId and the number of training users, for novelty (NaN novelty when null).</param>
    public static RankingReport Evaluate(IReadOnlyDictionary<int, int[]> recommendations, IReadOnlyDictionary<int, HashSet<int>> relevant, int k,
        int catalogSize = 0, (IReadOnlyDictionary<int, int> UsersPerItem, int Users)? itemPopularity = null)
    {
        ArgumentNullException.ThrowIfNull(recommendations);
        ArgumentNullException.ThrowIfNull(relevant);
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), "k must be at least 1.");
        var warnings = new List<string>();
        double precision = 0, recall = 0, ndcg = 0, map = 0, hits = 0, mrr = 0, novelty = 0;
        int users = 0, skipped = 0;
        var recommended = new HashSet<int>();
        foreach (var (user, rel) in relevant.OrderBy(p => p.Key))
        {
            if (rel.Count == 0)
            {
                skipped++;
                continue;
            }

            var list = recommendations.TryGetValue(user, out var l) ? l : [];
            var top = list.AsSpan(0, Math.Min(k, list.Length));
            users++;
            int count = 0, first = 0;
            double dcg = 0, ap = 0, nov = 0;
            for (var i = 0; i < top.Length; i++)
            {
                recommended.Add(top[i]);
                if (itemPopularity is { } pop)
                {
                    var p = Math.Max(1, pop.UsersPerItem.TryGetValue(top[i], out var c) ? c : 0) / (double)pop.Users;
                    nov -= Math.Log2(p);
                }

                if (!rel.Contains(top[i])) continue;
                count++;
                if (first == 0) first = i + 1;
                dcg += 1 / Math.Log2(i + 2);
                ap += count / (double)(i + 1);
            }

            var ideal = 0.0;
            for (var i = 0; i < Math.Min(k, rel.Count); i++) ideal += 1 / Math.Log2(i + 2);
            precision += count / (double)k;
            recall += count / (double)rel.Count;
            ndcg += dcg / ideal;
            map += ap / Math.Min(k, rel.Count);
            hits += count > 0 ? 1 : 0;
            mrr += first > 0 ? 1.0 / first : 0;
            novelty += top.Length > 0 ? nov / top.Length : 0;
        }

        if (users == 0)
        {
            RatingMetrics.Warn(warnings, "No user has a relevant held-out item: ranking metrics are undefined (NaN).");
            return new RankingReport(k, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, 0, skipped, warnings);
        }

        var coverage = catalogSize > 0 ? recommended.Count / (double)catalogSize : double.NaN;
        return new RankingReport(k, precision / users, recall / users, ndcg / users, map / users, hits / users, mrr / users, coverage,
            itemPopularity is null ? double.NaN : novelty / users, users, skipped, warnings);
    }

    /// <summary>
    /// The DataFrame form, as in microsoft/recommenders: <paramref name="truth"/> (userId, movieId, rating) holds the
    /// held-out ratings, <paramref name="predictions"/> (userId, movieId, score) the scored candidates; items with a truth
    /// rating ≥ <paramref name="relevanceThreshold"/> are relevant (every held-out item when null).
    /// </summary>
    public static RankingReport Evaluate(DataFrame truth, DataFrame predictions, int k, double? relevanceThreshold = null, int catalogSize = 0)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(predictions);
        var relevant = new Dictionary<int, HashSet<int>>();
        var tu = truth.ToArray<int>(Columns.UserId);
        var tm = truth.ToArray<int>(Columns.MovieId);
        var tr = truth.HasColumn(Columns.Rating) ? truth.ToArray<double>(Columns.Rating) : null;
        for (var i = 0; i < tu.Length; i++)
        {
            if (!relevant.TryGetValue(tu[i], out var set)) relevant[tu[i]] = set = [];
            if (relevanceThreshold is null || (tr is not null && tr[i] >= relevanceThreshold)) set.Add(tm[i]);
        }

        var pu = predictions.ToArray<int>(Columns.UserId);
        var pm = predictions.ToArray<int>(Columns.MovieId);
        var ps = predictions.ToArray<double>("score");
        var lists = Enumerable.Range(0, pu.Length).GroupBy(i => pu[i])
            .ToDictionary(g => g.Key, g => g.OrderByDescending(i => ps[i]).ThenBy(i => pm[i]).Select(i => pm[i]).ToArray());
        return Evaluate(lists, relevant, k, catalogSize);
    }
}
