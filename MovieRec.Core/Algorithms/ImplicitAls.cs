namespace MovieRec.Algorithms;

/// <summary>
/// Implicit-feedback ALS (Hu, Koren &amp; Volinsky, "Collaborative Filtering for Implicit Feedback Datasets", 2008) with the
/// conjugate-gradient row update of Takács, Pilászy &amp; Tikk ("Applications of the conjugate gradient method for implicit
/// feedback collaborative filtering", 2011).
/// </summary>
/// <remarks>
/// <para>Every rated (u, i) has preference 1 and confidence c_ui (<see cref="ConfidenceScaling"/>), every other cell
/// preference 0 and confidence 1. Minimizes Σ c_ui (p_ui − x_uᵀy_i)² + λ(Σ‖x_u‖² + Σ‖y_i‖²) by alternating exact-form
/// passes: each x_u solves (YᵀY + Yᵀ(C_u − I)Y + λI) x = Yᵀ C_u p_u, approximately, by a few CG steps warm-started at the
/// previous x (YᵀY is computed once per pass, so a step costs O(k² + n_u k)); then the same for each y_i.</para>
/// <para>Rows are solved in parallel but each one only reads the other side's matrix, so the model is identical whatever
/// <see cref="ImplicitAlsOptions.Threads"/>. Score: x_uᵀy_i (a ranker). Unknown users and movies predict 0 (flagged).</para>
/// </remarks>
public sealed class ImplicitAls(ImplicitAlsOptions? options = null) : IRecommenderAlgorithm<IDenseScorer>
{
    /// <summary>The options.</summary>
    public ImplicitAlsOptions Options { get; } = options ?? new ImplicitAlsOptions();

    /// <inheritdoc />
    public string Name => string.Create(CultureInfo.InvariantCulture, $"als(f={Options.Factors},e={Options.Epochs},reg={Options.Regularization},α={Options.Alpha})");

    /// <inheritdoc />
    public IDenseScorer Fit(RatingDataset train, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        var o = Options;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(o.Factors);
        int k = o.Factors, nu = train.UserIds.Count, ni = train.ItemIds.Count;
        var rng = new Random(o.Seed);
        var x = Randomness.Normal(rng, nu * k, o.InitStdDev);
        var y = Randomness.Normal(rng, ni * k, o.InitStdDev);

        // Confidences, aligned with the by-user CSR and (through ItemPositions) the by-item CSR.
        var confidence = new float[train.Count];
        for (var p = 0; p < confidence.Length; p++)
        {
            double r = train.UserRatings[p];
            confidence[p] = (float)(1 + (o.Alpha * (o.Confidence == ConfidenceScaling.Log ? Math.Log(1 + (r / o.Epsilon)) : r)));
        }

        var byItem = new float[train.Count];
        var positions = train.ItemPositions;
        for (var q = 0; q < byItem.Length; q++) byItem[q] = confidence[positions[q]];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, o.Threads), CancellationToken = cancellationToken };
        for (var epoch = 0; epoch < o.Epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            SolveRows(x, y, k, train.UserStart, train.UserItems, confidence, (float)o.Regularization, o.ConjugateGradientSteps, parallel);
            SolveRows(y, x, k, train.ItemStart, train.ItemUsers, byItem, (float)o.Regularization, o.ConjugateGradientSteps, parallel);
        }

        return new FactorModel(train, new LatentFactors(k, x, y));
    }

    /// <summary>One half-pass: every row of <paramref name="target"/> from the fixed <paramref name="other"/> side.</summary>
    private static void SolveRows(float[] target, float[] other, int k, int[] start, int[] index, float[] confidence, float lambda, int steps, ParallelOptions parallel)
    {
        var gram = Gram(other, k, lambda);
        Parallel.For(0, start.Length - 1, parallel, () => new float[3 * k], (row, _, work) =>
        {
            var x = target.AsSpan(row * k, k);
            Span<float> r = work.AsSpan(0, k), p = work.AsSpan(k, k), ap = work.AsSpan(2 * k, k);

            // r = b − A x = Σ (c − (c − 1) yᵀx) y − (YᵀY + λI) x
            Multiply(gram, x, r, k);
            TensorPrimitives.Negate(r, r);
            for (var e = start[row]; e < start[row + 1]; e++)
            {
                var yi = other.AsSpan(index[e] * k, k);
                var c = confidence[e];
                TensorPrimitives.MultiplyAdd(yi, c - ((c - 1) * TensorPrimitives.Dot(yi, x)), r, r);
            }

            r.CopyTo(p);
            var rs = TensorPrimitives.Dot(r, r);
            for (var step = 0; step < steps && rs > 1e-20f; step++)
            {
                // A p = (YᵀY + λI) p + Σ (c − 1)(yᵀp) y
                Multiply(gram, p, ap, k);
                for (var e = start[row]; e < start[row + 1]; e++)
                {
                    var yi = other.AsSpan(index[e] * k, k);
                    TensorPrimitives.MultiplyAdd(yi, (confidence[e] - 1) * TensorPrimitives.Dot(yi, p), ap, ap);
                }

                var alpha = rs / TensorPrimitives.Dot(p, ap);
                TensorPrimitives.MultiplyAdd(p, alpha, x, x);
                TensorPrimitives.MultiplyAdd(ap, -alpha, r, r);
                var next = TensorPrimitives.Dot(r, r);
                TensorPrimitives.MultiplyAdd(p, next / rs, r, p);
                rs = next;
            }

            return work;
        }, _ => { });
    }

    /// <summary>YᵀY + λI (k × k, row-major) from the rows of <paramref name="y"/>, each entry a dot over the transposed columns.</summary>
    private static float[] Gram(float[] y, int k, float lambda)
    {
        var n = y.Length / k;
        var columns = new float[k * n];
        for (var i = 0; i < n; i++)
        {
            for (var c = 0; c < k; c++) columns[(c * n) + i] = y[(i * k) + c];
        }

        var gram = new float[k * k];
        for (var a = 0; a < k; a++)
        {
            for (var b = 0; b <= a; b++)
            {
                var v = TensorPrimitives.Dot(columns.AsSpan(a * n, n), columns.AsSpan(b * n, n));
                gram[(a * k) + b] = v;
                gram[(b * k) + a] = v;
            }

            gram[(a * k) + a] += lambda;
        }

        return gram;
    }

    private static void Multiply(float[] matrix, ReadOnlySpan<float> v, Span<float> result, int k)
    {
        for (var a = 0; a < k; a++) result[a] = TensorPrimitives.Dot(matrix.AsSpan(a * k, k), v);
    }
}
