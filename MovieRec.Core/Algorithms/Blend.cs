using System.Globalization;

namespace MovieRec.Algorithms;

/// <summary>
/// A learned blend of rankers: each component's scores are standardized per user and summed with weights chosen to
/// maximize NDCG@k on a validation split carved from the training ratings only.
/// </summary>
/// <remarks>
/// <para>Fit: (1) hold out <see cref="BlendOptions.ValidationFraction"/> of each training user's ratings (seeded; users with
/// one rating keep it); (2) fit every component on the rest and standardize its scores per validation user, z = (s − mean) / sd
/// over the movies the user has not rated (a movie a component does not score gets z = −10); (3) start from the best
/// single component and, for <see cref="BlendOptions.Rounds"/> rounds, set each weight in turn to the value of
/// <see cref="BlendOptions.WeightGrid"/> with the best validation NDCG@k (ties keep the current weight); (4) refit every
/// component on all training ratings. Score: Σ_c w_c z_c(u, i). Nothing learned sees a test rating.</para>
/// <para>Components come from <see cref="AlgorithmCatalog"/> with the blend's seed. A ranker: unknown users and movies
/// predict 0 (flagged).</para>
/// </remarks>
public sealed class Blend(BlendOptions? options = null) : IRecommenderAlgorithm<BlendModel>
{
    /// <summary>Standardized score given to a movie a component does not score (NaN).</summary>
    internal const float Unscored = -10f;

    /// <summary>The options.</summary>
    public BlendOptions Options { get; } = options ?? new BlendOptions();

    /// <inheritdoc />
    public string Name => $"blend({string.Join('+', Options.Components)})";

    /// <inheritdoc />
    public BlendModel Fit(RatingDataset train, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        var o = Options;
        if (o.Components.Count == 0) throw new ArgumentException("A blend needs at least one component.");
        if (o.Components.Contains("blend")) throw new ArgumentException("A blend cannot contain itself.");
        if (o.WeightGrid.Count == 0 || o.WeightGrid.Any(w => !(w >= 0))) throw new ArgumentException("The weight grid needs non-negative weights.");

        var (inner, heldOut) = Carve(train, o.ValidationFraction, o.Seed, o.MaxValidationUsers);
        var validation = new Validation(inner, heldOut, o.K);
        foreach (var name in o.Components)
        {
            cancellationToken.ThrowIfCancellationRequested();
            validation.Add(AlgorithmCatalog.Create(name, o.Seed).Fit(inner, cancellationToken));
        }

        var weights = new double[o.Components.Count];
        var singles = Enumerable.Range(0, weights.Length).Select(c => validation.Ndcg([.. Enumerable.Range(0, weights.Length).Select(x => x == c ? 1.0 : 0.0)])).ToArray();
        var best = Array.IndexOf(singles, singles.Max());
        weights[best] = 1;
        var score = singles[best];
        for (var round = 0; round < o.Rounds; round++)
        {
            for (var c = 0; c < weights.Length; c++)
            {
                foreach (var w in o.WeightGrid)
                {
                    if (w == weights[c]) continue;
                    var trial = (double[])weights.Clone();
                    trial[c] = w;
                    if (trial.All(x => x == 0)) continue;
                    var ndcg = validation.Ndcg(trial);
                    if (ndcg > score)
                    {
                        score = ndcg;
                        weights = trial;
                    }
                }
            }
        }

        var components = new IDenseScorer[o.Components.Count];
        for (var c = 0; c < components.Length; c++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            components[c] = weights[c] == 0 ? null! : AlgorithmCatalog.Create(o.Components[c], o.Seed).Fit(train, cancellationToken);
        }

        return new BlendModel(train, o.Components, weights, components, singles, score);
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

    /// <summary>Holds out a seeded share of each user's ratings: the rest as a dataset, the held-out movieIds by userId.</summary>
    private static (RatingDataset Inner, Dictionary<int, int[]> HeldOut) Carve(RatingDataset train, double fraction, int seed, int maxUsers)
    {
        if (!(fraction > 0 && fraction < 1)) throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The validation fraction must lie in (0, 1).");
        var rng = new Random(seed);
        var users = new List<int>();
        var movies = new List<int>();
        var ratings = new List<float>();
        var times = new List<long>();
        var heldOut = new Dictionary<int, int[]>();
        var chosen = Enumerable.Range(0, train.UserIds.Count).ToArray();
        rng.Shuffle(chosen);
        var validates = new bool[chosen.Length];
        foreach (var u in chosen.Take(maxUsers)) validates[u] = true;
        for (var u = 0; u < train.UserIds.Count; u++)
        {
            int start = train.UserStart[u], n = train.UserStart[u + 1] - start;
            var hold = validates[u] ? Math.Min(n - 1, (int)Math.Round(n * fraction, MidpointRounding.AwayFromZero)) : 0;
            var order = Enumerable.Range(start, n).ToArray();
            rng.Shuffle(order);
            var held = new List<int>(hold);
            for (var x = 0; x < n; x++)
            {
                var p = order[x];
                if (x < hold)
                {
                    held.Add(train.ItemIds[train.UserItems[p]]);
                    continue;
                }

                users.Add(train.UserIds[u]);
                movies.Add(train.ItemIds[train.UserItems[p]]);
                ratings.Add(train.UserRatings[p]);
                times.Add(0);
            }

            if (held.Count > 0) heldOut[train.UserIds[u]] = [.. held];
        }

        return (RatingDataset.From([.. users], [.. movies], [.. ratings], [.. times]), heldOut);
    }

    /// <summary>Standardized component scores of every validation user, and the NDCG@k of a weighted sum of them.</summary>
    private sealed class Validation
    {
        private readonly RatingDataset _inner;
        private readonly int _k;
        private readonly List<(int User, HashSet<int> Relevant)> _users = [];
        private readonly List<float[]> _scores = [];

        public Validation(RatingDataset inner, Dictionary<int, int[]> heldOut, int k)
        {
            _inner = inner;
            _k = k;
            foreach (var (userId, movies) in heldOut.OrderBy(h => h.Key))
            {
                var u = inner.UserIndex(userId);
                var relevant = movies.Select(inner.ItemIndex).Where(i => i >= 0).ToHashSet();
                if (u >= 0 && relevant.Count > 0) _users.Add((u, relevant));
            }
        }

        public void Add(IDenseScorer model)
        {
            var n = _inner.ItemIds.Count;
            var all = new float[_users.Count * n];
            Parallel.For(0, _users.Count, () => new float[n], (t, _, raw) =>
            {
                var u = _users[t].User;
                model.ScoreDense(u, raw);
                Standardize(raw, _inner.ItemsOf(u), all.AsSpan(t * n, n));
                return raw;
            }, _ => { });
            _scores.Add(all);
        }

        public double Ndcg(double[] weights)
        {
            var n = _inner.ItemIds.Count;
            var total = new double[_users.Count];
            Parallel.For(0, _users.Count, () => new float[n], (t, _, combined) =>
            {
                combined.AsSpan().Clear();
                for (var c = 0; c < weights.Length; c++)
                {
                    if (weights[c] != 0) System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(_scores[c].AsSpan(t * n, n), (float)weights[c], combined, combined);
                }

                var (u, relevant) = _users[t];
                var top = TopK.Select(combined, _k, _inner.ItemsOf(u));
                double dcg = 0, ideal = 0;
                for (var r = 0; r < top.Length; r++)
                {
                    if (relevant.Contains(top[r])) dcg += 1 / Math.Log2(r + 2);
                }

                for (var r = 0; r < Math.Min(_k, relevant.Count); r++) ideal += 1 / Math.Log2(r + 2);
                total[t] = dcg / ideal;
                return combined;
            }, _ => { });
            return total.Sum() / Math.Max(1, total.Length);
        }
    }
}
