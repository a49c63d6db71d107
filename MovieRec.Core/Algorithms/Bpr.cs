namespace MovieRec.Algorithms;

/// <summary>
/// BPR-MF (Rendle, Freudenthaler, Gantner &amp; Schmidt-Thieme, "BPR: Bayesian Personalized Ranking from Implicit
/// Feedback", 2009): factors and item biases learned so that a user's rated movies outrank unrated ones.
/// </summary>
/// <remarks>
/// <para>x̂_ui = p_uᵀq_i + b_i. Each step draws a training rating (u, i) uniformly and a movie j the user did not rate, then
/// ascends ln σ(x̂_ui − x̂_uj) − λ‖Θ‖²: with g = σ(−(x̂_ui − x̂_uj)), p_u += γ(g(q_i − q_j) − λp_u), q_i += γ(g p_u − λq_i),
/// q_j += γ(−g p_u − λq_j), b_i += γ(g − λb_i), b_j += γ(−g − λb_j), all from the old values. An epoch draws as many
/// triples as there are ratings.</para>
/// <para>Single-threaded and seeded, so a seed reproduces the model to the digit. A ranker; unknown users and movies
/// predict 0 (flagged).</para>
/// </remarks>
public sealed class Bpr(BprOptions? options = null) : IRecommenderAlgorithm<IDenseScorer>
{
    /// <summary>The options.</summary>
    public BprOptions Options { get; } = options ?? new BprOptions();

    /// <inheritdoc />
    public string Name => string.Create(CultureInfo.InvariantCulture, $"bpr(f={Options.Factors},e={Options.Epochs},lr={Options.LearningRate},reg={Options.Regularization})");

    /// <inheritdoc />
    public IDenseScorer Fit(RatingDataset train, CancellationToken cancellationToken = default)
    {
        var o = Options;
        var (p, q, rng) = o.DrawFactors(train);
        int k = o.Factors, nu = train.UserIds.Count, ni = train.ItemIds.Count;
        var b = new float[ni];
        float lr = (float)o.LearningRate, reg = (float)o.Regularization;
        var old = new float[k];
        for (var epoch = 0; epoch < o.Epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var s = 0; s < train.Count; s++)
            {
                var r = rng.Next(train.Count);
                int u = train.Users[r], i = train.Items[r];
                var seen = train.ItemsOf(u);
                if (seen.Length == ni) continue;
                int j;
                do j = rng.Next(ni);
                while (seen.BinarySearch(j) >= 0);

                Span<float> pu = p.AsSpan(u * k, k), qi = q.AsSpan(i * k, k), qj = q.AsSpan(j * k, k);
                var diff = b[i] - b[j] + TensorPrimitives.Dot(pu, qi) - TensorPrimitives.Dot(pu, qj);
                var g = 1f / (1f + MathF.Exp(diff));
                pu.CopyTo(old);

                // p_u += γ(g(q_i − q_j) − λp_u), using old q; then q_i, q_j from the old p_u.
                for (var f = 0; f < k; f++) pu[f] += lr * ((g * (qi[f] - qj[f])) - (reg * pu[f]));
                for (var f = 0; f < k; f++)
                {
                    qi[f] += lr * ((g * old[f]) - (reg * qi[f]));
                    qj[f] += lr * ((-g * old[f]) - (reg * qj[f]));
                }

                b[i] += lr * (g - (reg * b[i]));
                b[j] += lr * (-g - (reg * b[j]));
            }
        }

        return new FactorModel(train, new LatentFactors(k, p, q), b);
    }
}
