using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MovieRec.Algorithms;

/// <summary>
/// SVD++ (Koren, "Factorization Meets the Neighborhood", KDD 2008): biased MF whose user vector also sums implicit
/// factors of every movie the user rated, r̂_ui = μ + b_u + b_i + q_iᵀ(p_u + |N(u)|^−½ Σ_{j∈N(u)} y_j).
/// </summary>
/// <remarks>
/// <para>Surprise's <c>SVDpp</c> SGD, in one seeded order (users shuffled, each user's ratings shuffled), from the old
/// values: e = r − r̂; b_u += γ(e − λb_u); b_i += γ(e − λb_i); p_u += γ(e q_i − λp_u); q_i += γ(e z_u − λq_i) with
/// z_u = p_u + |N(u)|^−½ Σ y_j; and every y_j, j ∈ N(u), += γ(e|N(u)|^−½ q_i − λy_j). Done literally that last update costs
/// O(n_u k) per rating, O(Σ_u n_u² k) per epoch. Here it is exact but deferred: z_u is carried forward in closed form
/// (|N(u)|^−½ Σ y_j becomes d(z_u − p_u) + γe q_i, d = 1 − γλ) and, after the user's last rating,
/// y_j ← d^{n_u} y_j + γ|N(u)|^−½ g with g = Σ_t d^{n_u−t} e_t q_t, so an epoch is O(nnz · k).</para>
/// <para>Single-threaded, so a seed reproduces the model to the digit. Fallbacks as <see cref="BiasedMF"/>: unknown user
/// μ + b_i, unknown movie μ + b_u (+ nothing from factors), both μ; predictions are clipped to the training range.</para>
/// </remarks>
public sealed class SvdPlusPlus(SvdPlusPlusOptions? options = null) : IRecommenderAlgorithm<IDenseScorer>, IRatingPredictor
{
    /// <summary>The options.</summary>
    public SvdPlusPlusOptions Options { get; } = options ?? new SvdPlusPlusOptions();

    /// <inheritdoc />
    public string Name => string.Create(CultureInfo.InvariantCulture, $"svd++(f={Options.Factors},e={Options.Epochs},lr={Options.LearningRate},reg={Options.Regularization})");

    /// <inheritdoc />
    public IDenseScorer Fit(RatingDataset train, CancellationToken cancellationToken = default)
    {
        var o = Options;
        var (p, q, rng) = o.DrawFactors(train);
        int k = o.Factors, nu = train.UserIds.Count, ni = train.ItemIds.Count;
        var y = Randomness.Normal(rng, ni * k, o.InitStdDev);
        var bu = new float[nu];
        var bi = new float[ni];
        var userOrder = new int[nu];
        for (var u = 0; u < nu; u++) userOrder[u] = u;
        rng.Shuffle(userOrder);
        var order = new int[train.Count]; // by-user CSR positions, users in seeded order, each user's ratings shuffled
        var at = 0;
        foreach (var u in userOrder)
        {
            var start = at;
            for (var e = train.UserStart[u]; e < train.UserStart[u + 1]; e++) order[at++] = e;
            rng.Shuffle(order.AsSpan(start, at - start));
        }

        float mu = (float)train.GlobalMean, lr = (float)o.LearningRate, reg = (float)o.Regularization, decay = 1 - (lr * reg);
        var z = new float[k];
        var gradient = new float[k];
        for (var epoch = 0; epoch < o.Epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            at = 0;
            foreach (var u in userOrder)
            {
                var items = train.ItemsOf(u);
                if (items.Length == 0) continue;
                var scale = 1f / MathF.Sqrt(items.Length);
                var pu = p.AsSpan(u * k, k);
                ImplicitSum(y, items, k, scale, z);
                TensorPrimitives.Add(z, pu, z);
                gradient.AsSpan().Clear();
                for (var n = 0; n < items.Length; n++, at++)
                {
                    var e = order[at];
                    var i = train.UserItems[e];
                    var qi = q.AsSpan(i * k, k);
                    var err = train.UserRatings[e] - (mu + bu[u] + bi[i] + TensorPrimitives.Dot(z, qi));
                    bu[u] += lr * (err - (reg * bu[u]));
                    bi[i] += lr * (err - (reg * bi[i]));

                    // Surprise's step, from the old values: p_u += γ(e q_i − λp_u); q_i += γ(e z − λq_i); every y_j += γ(e|N(u)|^−½ q_i − λy_j).
                    // The y_j update is folded into z exactly (|N(u)|^−½ Σ y_j becomes d(z − p_u) + γ e q_i, d = 1 − γλ) and into
                    // the decayed gradient g ← d g + e q_i that is applied to every y_j after the user's last rating.
                    Step(pu, qi, z, gradient, err, lr, reg, decay);
                }

                var total = MathF.Pow(decay, items.Length);
                foreach (var j in items)
                {
                    var yj = y.AsSpan(j * k, k);
                    TensorPrimitives.Multiply(yj, total, yj);
                    TensorPrimitives.MultiplyAdd(gradient, lr * scale, yj, yj);
                }
            }
        }

        // The effective user vectors z_u = p_u + |N(u)|^−½ Σ y_j, fixed after training.
        var users = new float[nu * k];
        for (var u = 0; u < nu; u++)
        {
            var items = train.ItemsOf(u);
            var zu = users.AsSpan(u * k, k);
            if (items.Length > 0) ImplicitSum(y, items, k, 1f / MathF.Sqrt(items.Length), zu);
            TensorPrimitives.Add(zu, p.AsSpan(u * k, k), zu);
        }

        return new Model(train, mu, bu, bi, new LatentFactors(k, users, q));
    }

    /// <summary>
    /// One rating's factor step, from the old values: p_u += γ(e q_i − λp_u); q_i += γ(e z − λq_i); z ← p_u + d(z − p_u)
    /// + γe q_i; g ← d g + e q_i. Eight factors per 256-bit vector, then one at a time; every lane does the scalar
    /// expression's operations in its order (no fused multiply-adds), so the result is the same bits as the scalar loop.
    /// </summary>
    internal static void Step(Span<float> pu, Span<float> qi, Span<float> z, Span<float> gradient, float err, float lr, float reg, float decay)
    {
        ref float p0 = ref MemoryMarshal.GetReference(pu), q0 = ref MemoryMarshal.GetReference(qi), z0 = ref MemoryMarshal.GetReference(z), g0 = ref MemoryMarshal.GetReference(gradient);
        var lrErr = lr * err;
        Vector256<float> e = Vector256.Create(err), rate = Vector256.Create(lr), penalty = Vector256.Create(reg), d = Vector256.Create(decay), step = Vector256.Create(lrErr);
        var f = 0;
        for (; f + Vector256<float>.Count <= pu.Length; f += Vector256<float>.Count)
        {
            var qv = Vector256.LoadUnsafe(ref q0, (nuint)f);
            var pv = Vector256.LoadUnsafe(ref p0, (nuint)f);
            var zv = Vector256.LoadUnsafe(ref z0, (nuint)f);
            var next = pv + (rate * ((e * qv) - (penalty * pv)));
            next.StoreUnsafe(ref p0, (nuint)f);
            (qv + (rate * ((e * zv) - (penalty * qv)))).StoreUnsafe(ref q0, (nuint)f);
            (next + (d * (zv - pv)) + (step * qv)).StoreUnsafe(ref z0, (nuint)f);
            ((d * Vector256.LoadUnsafe(ref g0, (nuint)f)) + (e * qv)).StoreUnsafe(ref g0, (nuint)f);
        }

        for (; f < pu.Length; f++)
        {
            float qf = qi[f], pf = pu[f], implicitPart = z[f] - pf;
            pu[f] = pf + (lr * ((err * qf) - (reg * pf)));
            qi[f] = qf + (lr * ((err * z[f]) - (reg * qf)));
            z[f] = pu[f] + (decay * implicitPart) + (lrErr * qf);
            gradient[f] = (decay * gradient[f]) + (err * qf);
        }
    }

    private static void ImplicitSum(float[] y, ReadOnlySpan<int> items, int k, float scale, Span<float> sum)
    {
        sum.Clear();
        foreach (var j in items) TensorPrimitives.Add(sum, y.AsSpan(j * k, k), sum);
        TensorPrimitives.Multiply(sum, scale, sum);
    }

    private sealed class Model(RatingDataset train, float mu, float[] bu, float[] bi, LatentFactors factors) : IDenseScorer, IKnownPairPredictor
    {
        public RatingDataset Train => train;

        public bool PredictsRatings => true;

        public Prediction Predict(int userId, int movieId)
        {
            int u = train.UserIndex(userId), i = train.ItemIndex(movieId);
            if (u >= 0 && i >= 0) return new(PredictKnown(u, i), PredictionSource.Model);
            double value = mu + (u >= 0 ? bu[u] : 0) + (i >= 0 ? bi[i] : 0);
            return new(Math.Clamp(value, train.MinRating, train.MaxRating), Prediction.SourceOf(u, i));
        }

        public double PredictKnown(int user, int item)
        {
            double value = mu + bu[user] + bi[item];
            value += factors.Dot(user, item);
            return Math.Clamp(value, train.MinRating, train.MaxRating);
        }

        public void ScoreDense(int user, Span<float> scores)
        {
            factors.Score(factors.User(user), scores, bi);
            TensorPrimitives.Add(scores[..train.ItemIds.Count], mu + bu[user], scores[..train.ItemIds.Count]);
        }
    }
}
