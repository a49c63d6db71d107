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
/// Each user's NDCG is kept (<see cref="RankingReport.UserNdcg"/>), for the bootstrap interval of its mean over users
/// (<see cref="RankingReport.NdcgInterval"/>). Users without any relevant item are skipped and counted; when no user is left every metric is NaN with a warning.
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
        var perUser = new Dictionary<int, double>();
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
            double ap = 0, nov = 0;
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
                ap += count / (double)(i + 1);
            }

            var userNdcg = Ndcg.Of(top, rel, k);
            precision += count / (double)k;
            recall += count / (double)rel.Count;
            ndcg += userNdcg;
            perUser[user] = userNdcg;
            map += ap / Math.Min(k, rel.Count);
            hits += count > 0 ? 1 : 0;
            mrr += first > 0 ? 1.0 / first : 0;
            novelty += top.Length > 0 ? nov / top.Length : 0;
        }

        if (users == 0)
        {
            RatingMetrics.Warn(warnings, "No user has a relevant held-out item: ranking metrics are undefined (NaN).");
            return new RankingReport(k, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, 0, skipped, warnings)
            {
                UserNdcg = perUser,
            };
        }

        var coverage = catalogSize > 0 ? recommended.Count / (double)catalogSize : double.NaN;
        return new RankingReport(k, precision / users, recall / users, ndcg / users, map / users, hits / users, mrr / users, coverage,
            itemPopularity is null ? double.NaN : novelty / users, users, skipped, warnings)
        {
            UserNdcg = perUser,
        };
    }

    /// <summary>
    /// The DataFrame form, as in microsoft/recommenders: <paramref name="truth"/> holds the held-out ratings,
    /// <paramref name="predictions"/> the ranked candidates (e.g. <see cref="Algorithms.Scoring.Recommend"/>'s output),
    /// ordered by <paramref name="scoreColumn"/> (descending, ties by ascending movieId). A held-out item is relevant when
    /// its rating is at least <paramref name="likeThreshold"/> (every held-out item when null).
    /// </summary>
    /// <param name="truth">Held-out ratings: user, movie and (for a threshold) rating columns.</param>
    /// <param name="predictions">Scored candidates: user, movie and score columns.</param>
    /// <param name="k">The cut-off.</param>
    /// <param name="likeThreshold">Minimum rating of a relevant item, or null.</param>
    /// <param name="catalogSize">Recommendable movies, for coverage (NaN coverage when 0).</param>
    /// <param name="train">The training ratings, for novelty (each movie's share of training users); NaN novelty when null.</param>
    /// <param name="userColumn">User ID column of every frame.</param>
    /// <param name="movieColumn">Movie ID column of every frame.</param>
    /// <param name="ratingColumn">Rating column of <paramref name="truth"/>.</param>
    /// <param name="scoreColumn">Score column of <paramref name="predictions"/>.</param>
    public static RankingReport Evaluate(DataFrame truth, DataFrame predictions, int k, double? likeThreshold = null, int catalogSize = 0, DataFrame? train = null,
        string userColumn = Columns.UserId, string movieColumn = Columns.MovieId, string ratingColumn = Columns.Rating, string scoreColumn = Columns.Score)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(predictions);
        (IReadOnlyDictionary<int, int>, int)? popularity = null;
        if (train is not null)
        {
            var users = train.ToArray<int>(userColumn);
            var perMovie = new Dictionary<int, int>();
            foreach (var m in train.ToArray<int>(movieColumn)) perMovie[m] = perMovie.GetValueOrDefault(m) + 1;
            popularity = (perMovie, users.Distinct().Count());
        }

        return Evaluate(truth, predictions, k, likeThreshold, catalogSize, popularity, userColumn, movieColumn, ratingColumn, scoreColumn);
    }

    /// <summary>The frame form with the popularity already counted (the evaluator has it in the model's dataset).</summary>
    internal static RankingReport Evaluate(DataFrame truth, DataFrame predictions, int k, double? likeThreshold, int catalogSize,
        (IReadOnlyDictionary<int, int> UsersPerItem, int Users)? popularity, string userColumn = Columns.UserId, string movieColumn = Columns.MovieId,
        string ratingColumn = Columns.Rating, string scoreColumn = Columns.Score)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(predictions);
        var (lists, relevant) = ListsAndRelevance(truth, predictions, likeThreshold, userColumn, movieColumn, ratingColumn, scoreColumn);
        return Evaluate(lists, relevant, k, catalogSize, popularity);
    }

    private static (Dictionary<int, int[]> Lists, Dictionary<int, HashSet<int>> Relevant) ListsAndRelevance(DataFrame truth, DataFrame predictions, double? likeThreshold,
        string userColumn, string movieColumn, string ratingColumn, string scoreColumn)
    {
        var relevant = new Dictionary<int, HashSet<int>>();
        var tu = truth.ToArray<int>(userColumn);
        var tm = truth.ToArray<int>(movieColumn);
        var tr = likeThreshold is not null ? truth.ToDoubles(ratingColumn) : null;
        for (var i = 0; i < tu.Length; i++)
        {
            if (!relevant.TryGetValue(tu[i], out var set)) relevant[tu[i]] = set = [];
            if (tr is null || tr[i] >= likeThreshold) set.Add(tm[i]);
        }

        var pu = predictions.ToArray<int>(userColumn);
        var pm = predictions.ToArray<int>(movieColumn);
        var ps = predictions.ToDoubles(scoreColumn);
        var lists = Enumerable.Range(0, pu.Length).GroupBy(i => pu[i])
            .ToDictionary(g => g.Key, g => g.OrderByDescending(i => ps[i]).ThenBy(i => pm[i]).Select(i => pm[i]).ToArray());
        return (lists, relevant);
    }
}
