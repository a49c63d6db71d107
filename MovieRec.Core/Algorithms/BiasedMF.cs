using MovieRec.LinearAlgebra;
using System.Numerics.Tensors;
using MathNet.Numerics.LinearAlgebra;
using SimdVector = System.Numerics.Vector;

namespace MovieRec.Algorithms;

/// <summary>
/// Biased matrix factorization (Funk SVD, Surprise's <c>SVD</c>): r̂_ui = μ + b_u + b_i + q_iᵀp_u, fitted by SGD.
/// </summary>
/// <remarks>
/// <para>For each training rating, in one seeded order (users shuffled, each user's ratings shuffled): e = r − r̂;
/// b_u += γ(e − λb_u); b_i += γ(e − λb_i); p_u += γ(e·q_i − λp_u); q_i += γ(e·p_u − λq_i) (both from the old values).
/// Factors are float32 (the options are doubles, rounded to float32 once), initialized N(InitMean, InitStdDev²); the factor update runs over <see cref="System.Numerics.Vector{T}"/> lanes.
/// Single-threaded, so a seed reproduces the model to the digit.</para>
/// <para>Fallbacks: unknown user μ + b_i, unknown movie μ + b_u, both μ (flagged). Predictions are clipped to the training
/// rating range; <see cref="IDenseScorer.ScoreDense"/> is not clipped. A new user's b_u and p_u can be folded in from a few
/// ratings without retraining (<see cref="BiasedMFModel.FoldIn"/>).</para>
/// </remarks>
public sealed class BiasedMF(BiasedMFOptions? options = null) : IRecommenderAlgorithm<BiasedMFModel>
{
    /// <summary>The options.</summary>
    public BiasedMFOptions Options { get; } = options ?? new BiasedMFOptions();

    /// <inheritdoc />
    public string Name => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"biasedmf(f={Options.Factors},e={Options.Epochs},lr={Options.LearningRate},reg={Options.Regularization})");

    /// <inheritdoc />
    public BiasedMFModel Fit(RatingDataset train, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        var o = Options;
        var k = o.Factors;
        var rng = new Random(o.Seed);
        var p = new float[train.UserIds.Count * k];
        var q = new float[train.ItemIds.Count * k];
        for (var x = 0; x < p.Length; x++) p[x] = (float)((float)o.InitMean + ((float)o.InitStdDev * Randomness.StandardNormal(rng)));
        for (var x = 0; x < q.Length; x++) q[x] = (float)((float)o.InitMean + ((float)o.InitStdDev * Randomness.StandardNormal(rng)));
        var bu = new float[train.UserIds.Count];
        var bi = new float[train.ItemIds.Count];

        // One seeded order into contiguous arrays: users in shuffled order, each user's ratings shuffled. Grouping by user
        // keeps p_u in cache across the user's ratings (2x faster at 25M ratings than a global shuffle, same accuracy).
        var userOrder = new int[train.UserIds.Count];
        for (var u = 0; u < userOrder.Length; u++) userOrder[u] = u;
        rng.Shuffle(userOrder);
        var users = new int[train.Count];
        var items = new int[train.Count];
        var ratings = new float[train.Count];
        var at = 0;
        int[] within = [];
        foreach (var u in userOrder)
        {
            int start = train.UserStart[u], n = train.UserStart[u + 1] - start;
            if (within.Length < n) within = new int[n];
            for (var x = 0; x < n; x++) within[x] = start + x;
            rng.Shuffle(within.AsSpan(0, n));
            for (var x = 0; x < n; x++)
            {
                users[at] = u;
                items[at] = train.UserItems[within[x]];
                ratings[at] = train.UserRatings[within[x]];
                at++;
            }
        }

        var mu = (float)train.GlobalMean;
        for (var epoch = 0; epoch < o.Epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Epoch(users, items, ratings, mu, bu, bi, p, q, k, (float)o.LearningRate, (float)o.Regularization); // float32 SGD, as the defaults were tuned
        }

        return new BiasedMFModel(train, o, mu, bu, bi, p, q);
    }

    /// <summary>One SGD pass. Public for benchmarks: the hot loop of the whole algorithm.</summary>
    internal static void Epoch(int[] users, int[] items, float[] ratings, float mu, float[] bu, float[] bi, float[] p, float[] q, int k, float lr, float reg)
    {
        var width = System.Numerics.Vector<float>.Count;
        var vectorEnd = k - (k % width);
        for (var r = 0; r < ratings.Length; r++)
        {
            int u = users[r], i = items[r];
            var pu = p.AsSpan(u * k, k);
            var qi = q.AsSpan(i * k, k);
            var err = ratings[r] - (mu + bu[u] + bi[i] + TensorPrimitives.Dot(pu, qi));
            bu[u] += lr * (err - (reg * bu[u]));
            bi[i] += lr * (err - (reg * bi[i]));
            var f = 0;
            if (SimdVector.IsHardwareAccelerated)
            {
                var e = new System.Numerics.Vector<float>(err);
                var g = new System.Numerics.Vector<float>(lr);
                var l = new System.Numerics.Vector<float>(reg);
                for (; f < vectorEnd; f += width)
                {
                    var pv = new System.Numerics.Vector<float>(pu[f..]);
                    var qv = new System.Numerics.Vector<float>(qi[f..]);
                    (pv + (g * ((e * qv) - (l * pv)))).CopyTo(pu[f..]);
                    (qv + (g * ((e * pv) - (l * qv)))).CopyTo(qi[f..]);
                }
            }

            for (; f < k; f++)
            {
                var pf = pu[f];
                var qf = qi[f];
                pu[f] += lr * ((err * qf) - (reg * pf));
                qi[f] += lr * ((err * pf) - (reg * qf));
            }
        }
    }
}
