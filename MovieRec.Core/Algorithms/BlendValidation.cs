namespace MovieRec.Algorithms;

/// <summary>
/// Learns blend weights on held-out ratings: every component's scores of every validation user, standardized per user,
/// and the NDCG@k of any weighted sum of them. Shared by <see cref="Blend"/> and the hybrid engine of
/// <see cref="Recommendations.MovieRecommender"/>.
/// </summary>
/// <remarks>Standardization: z = (s − mean) / sd over the movies the user has not rated in the inner set; a movie a
/// component does not score (NaN) gets z = <see cref="Unscored"/>. Relevant: a held-out movie rated at least the minimum
/// rating that the inner set knows.</remarks>
internal sealed class BlendValidation
{
    /// <summary>Standardized score given to a movie a component does not score (NaN).</summary>
    internal const float Unscored = -10f;

    private readonly RatingDataset _inner;
    private readonly int _k;
    private readonly int[] _users;
    private readonly Dictionary<int, HashSet<int>> _relevant = [];
    private readonly List<float[]> _scores = [];
    private readonly ParallelOptions _parallel;

    /// <summary>The users (at most <paramref name="maxUsers"/>, a seeded sample) with relevant held-out movies the inner set knows.</summary>
    /// <remarks>Scores are per user, so any <paramref name="threads"/> (null: the machine's cores) gives the same result.</remarks>
    public BlendValidation(RatingDataset inner, DataFrame heldOut, int k, int maxUsers, int seed, double likeThreshold = double.NegativeInfinity, int? threads = null)
    {
        _inner = inner;
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = threads is { } t ? ThreadCount.Check(t) : -1 };
        _k = k;
        var users = heldOut.ToArray<int>(Columns.UserId);
        var movies = heldOut.ToArray<int>(Columns.MovieId);
        var ratings = heldOut.ToArray<double>(Columns.Rating);
        for (var r = 0; r < users.Length; r++)
        {
            int u = inner.UserIndex(users[r]), i = inner.ItemIndex(movies[r]);
            if (u < 0 || i < 0 || ratings[r] < likeThreshold) continue;
            if (!_relevant.TryGetValue(u, out var set)) _relevant[u] = set = [];
            set.Add(i);
        }

        var candidates = _relevant.Keys.Order().ToArray();
        new Random(seed).Shuffle(candidates);
        _users = [.. candidates.Take(maxUsers).Order()];
    }

    /// <summary>The number of validation users.</summary>
    public int Users => _users.Length;

    /// <summary>Scores every validation user with <paramref name="model"/> and keeps the standardized scores.</summary>
    public void Add(IDenseScorer model)
    {
        var n = _inner.ItemIds.Count;
        var all = new float[(long)_users.Length * n];
        Parallel.For(0, _users.Length, _parallel, () => new float[n], (t, _, raw) =>
        {
            model.ScoreDense(_users[t], raw);
            Standardize(raw, _inner.ItemsOf(_users[t]), all.AsSpan(t * n, n));
            return raw;
        }, _ => { });
        _scores.Add(all);
    }

    /// <summary>
    /// Coordinate ascent: start from the best single component (weight 1) and, for <paramref name="rounds"/> rounds, set
    /// each weight in turn to the value of <paramref name="grid"/> with the best NDCG (ties keep the current weight).
    /// </summary>
    /// <returns>The weights, each component's NDCG alone, and the NDCG of the weights.</returns>
    public (double[] Weights, double[] Singles, double Ndcg) Search(IReadOnlyList<double> grid, int rounds)
    {
        var count = _scores.Count;
        var singles = Enumerable.Range(0, count).Select(c => Ndcg([.. Enumerable.Range(0, count).Select(x => x == c ? 1.0 : 0.0)])).ToArray();
        var weights = new double[count];
        var best = Array.IndexOf(singles, singles.Max());
        weights[best] = 1;
        var score = singles[best];
        for (var round = 0; round < rounds; round++)
        {
            for (var c = 0; c < count; c++)
            {
                foreach (var w in grid)
                {
                    if (w == weights[c]) continue;
                    var trial = (double[])weights.Clone();
                    trial[c] = w;
                    if (trial.All(x => x == 0)) continue;
                    var ndcg = Ndcg(trial);
                    if (ndcg > score)
                    {
                        score = ndcg;
                        weights = trial;
                    }
                }
            }
        }

        return (weights, singles, score);
    }

    /// <summary>NDCG@k (<see cref="Algorithms.Ndcg.Mean"/>, the ranking metrics' NDCG) of the weighted sum of the standardized scores.</summary>
    public double Ndcg(double[] weights)
    {
        var n = _inner.ItemIds.Count;
        var lists = new int[_users.Length][];
        Parallel.For(0, _users.Length, _parallel, () => new float[n], (t, _, combined) =>
        {
            combined.AsSpan().Clear();
            for (var c = 0; c < weights.Length; c++)
            {
                if (weights[c] != 0) TensorPrimitives.MultiplyAdd(_scores[c].AsSpan(t * n, n), (float)weights[c], combined, combined);
            }

            lists[t] = TopK.Select(combined, _k, _inner.ItemsOf(_users[t]));
            return combined;
        }, _ => { });
        var recommendations = new Dictionary<int, int[]>(_users.Length);
        var relevant = new Dictionary<int, HashSet<int>>(_users.Length);
        for (var t = 0; t < _users.Length; t++)
        {
            recommendations[_users[t]] = lists[t];
            relevant[_users[t]] = _relevant[_users[t]];
        }

        return Algorithms.Ndcg.Mean(recommendations, relevant, _k);
    }

    /// <summary>Writes the per-user standardized scores of <paramref name="raw"/> (seen movies excluded from the mean and
    /// sd) into <paramref name="z"/>.</summary>
    internal static void Standardize(ReadOnlySpan<float> raw, ReadOnlySpan<int> seenSorted, Span<float> z)
    {
        double sum = 0, squares = 0;
        var n = 0;
        var e = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            while (e < seenSorted.Length && seenSorted[e] < i) e++;
            if ((e < seenSorted.Length && seenSorted[e] == i) || !float.IsFinite(raw[i])) continue;
            sum += raw[i];
            squares += raw[i] * (double)raw[i];
            n++;
        }

        var mean = n > 0 ? sum / n : 0;
        var sd = n > 1 ? Math.Sqrt(Math.Max(0, (squares / n) - (mean * mean))) : 0;
        var scale = sd > 0 ? 1 / sd : 0;
        for (var i = 0; i < raw.Length; i++) z[i] = float.IsFinite(raw[i]) ? (float)((raw[i] - mean) * scale) : Unscored;
    }
}
