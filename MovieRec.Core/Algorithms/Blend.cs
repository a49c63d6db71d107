using MovieRec.Data;

namespace MovieRec.Algorithms;

/// <summary>
/// A learned blend of rankers: each component's scores are standardized per user and summed with weights chosen to
/// maximize NDCG@k on a validation split carved from the training ratings only.
/// </summary>
/// <remarks>
/// <para>Fit: (1) hold out <see cref="BlendOptions.ValidationFraction"/> of each training user's ratings
/// (<see cref="Evaluation.Splitters.RandomPerUser"/>, seeded; users with one rating keep it); (2) fit every component on the rest and standardize its scores per validation user, z = (s − mean) / sd
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

        var carved = Evaluation.Splitters.RandomPerUser(train.ToDataFrame(), o.ValidationFraction, o.Seed);
        var inner = RatingDataset.From(carved.Train);
        var validation = new Validation(inner, carved.Test, o.K, o.MaxValidationUsers, o.Seed);
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

        var components = new IDenseScorer?[o.Components.Count];
        for (var c = 0; c < components.Length; c++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (weights[c] != 0) components[c] = AlgorithmCatalog.Create(o.Components[c], o.Seed).Fit(train, cancellationToken);
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

    /// <summary>Standardized component scores of every validation user, and the NDCG@k of a weighted sum of them.</summary>
    private sealed class Validation
    {
        private readonly RatingDataset _inner;
        private readonly int _k;
        private readonly int[] _users;
        private readonly Dictionary<int, HashSet<int>> _relevant = [];
        private readonly List<float[]> _scores = [];

        /// <summary>The users (at most <paramref name="maxUsers"/>, a seeded sample) with held-out movies the inner set knows.</summary>
        public Validation(RatingDataset inner, Microsoft.Data.Analysis.DataFrame heldOut, int k, int maxUsers, int seed)
        {
            _inner = inner;
            _k = k;
            var users = heldOut.ToArray<int>(Columns.UserId);
            var movies = heldOut.ToArray<int>(Columns.MovieId);
            for (var r = 0; r < users.Length; r++)
            {
                int u = inner.UserIndex(users[r]), i = inner.ItemIndex(movies[r]);
                if (u < 0 || i < 0) continue;
                if (!_relevant.TryGetValue(u, out var set)) _relevant[u] = set = [];
                set.Add(i);
            }

            var candidates = _relevant.Keys.Order().ToArray();
            new Random(seed).Shuffle(candidates);
            _users = [.. candidates.Take(maxUsers).Order()];
        }

        public void Add(IDenseScorer model)
        {
            var n = _inner.ItemIds.Count;
            var all = new float[(long)_users.Length * n];
            Parallel.For(0, _users.Length, () => new float[n], (t, _, raw) =>
            {
                model.ScoreDense(_users[t], raw);
                Standardize(raw, _inner.ItemsOf(_users[t]), all.AsSpan(t * n, n));
                return raw;
            }, _ => { });
            _scores.Add(all);
        }

        /// <summary>NDCG@k (<see cref="Evaluation.RankingMetrics"/>) of the weighted sum of the standardized scores.</summary>
        public double Ndcg(double[] weights)
        {
            var n = _inner.ItemIds.Count;
            var lists = new int[_users.Length][];
            Parallel.For(0, _users.Length, () => new float[n], (t, _, combined) =>
            {
                combined.AsSpan().Clear();
                for (var c = 0; c < weights.Length; c++)
                {
                    if (weights[c] != 0) System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(_scores[c].AsSpan(t * n, n), (float)weights[c], combined, combined);
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

            return Evaluation.RankingMetrics.Evaluate(recommendations, relevant, _k).Ndcg;
        }
    }
}
