using System.Numerics.Tensors;
using MathNet.Numerics.LinearAlgebra;

namespace MovieRec.LinearAlgebra;

/// <summary>
/// Truncated SVD of a sparse matrix by randomized range finding (Halko, Martinsson &amp; Tropp, 2011).
/// </summary>
/// <remarks>
/// <para>With l = k + p columns: draw a Gaussian Ω (n × l); Y = AΩ; q times: Y ← A(AᵀY), orthonormalizing in between;
/// Q = orth(Y) (m × l); Bᵀ = AᵀQ (n × l); Bᵀ = Q₂R₂ (thin QR); R₂ = U₂ΣV₂ᵀ (a small l × l SVD). Then
/// A ≈ (QV₂) Σ (Q₂U₂)ᵀ, and the first k triplets are returned.</para>
/// <para>Cost: (2q + 2) sparse products of O(nnz·l) plus O((m + n)·l²) for orthonormalization, which is done by classical
/// Gram–Schmidt applied twice (CGS2, as stable as Householder QR for this use) over column-major arrays. MathNet does only
/// the l × l SVD. When to use: any k ≪ min(m, n), e.g. LSA on TF-IDF or PureSVD on a rating matrix; MathNet's dense
/// <c>Svd</c> of the 610 × 9,742 ml-latest-small matrix takes ~219 s, this well under a second.</para>
/// </remarks>
public static class RandomizedSvd
{
    /// <summary>Computes the top <see cref="RandomizedSvdOptions.Factors"/> singular triplets of <paramref name="a"/>.</summary>
    public static SvdResult Compute(CsrMatrix a, RandomizedSvdOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        options ??= new RandomizedSvdOptions();
        int m = a.Rows, n = a.Columns;
        var k = Math.Min(options.Factors, Math.Min(m, n));
        if (k < 1) throw new ArgumentException("The matrix is empty.", nameof(a));
        var l = Math.Min(k + options.Oversampling, Math.Min(m, n));

        var rng = new Random(options.Seed);
        var omega = new double[n * l];
        for (var i = 0; i < omega.Length; i++) omega[i] = Randomness.StandardNormal(rng);

        var y = new double[m * l];
        var z = new double[n * l];
        a.Multiply(omega, y, l);
        Orthonormalize(y, m, l);
        for (var it = 0; it < options.PowerIterations; it++)
        {
            a.TransposeMultiply(y, z, l);
            Orthonormalize(z, n, l);
            a.Multiply(z, y, l);
            Orthonormalize(y, m, l);
        }

        // Bᵀ = AᵀQ (n × l) = Q₂R₂; R₂ = U₂ΣV₂ᵀ.
        a.TransposeMultiply(y, z, l);
        var r2 = Orthonormalize(z, n, l);
        var svd = Matrix<double>.Build.Dense(l, l, r2).Svd(computeVectors: true);
        var u2 = svd.U.ToColumnMajorArray();
        var v2 = svd.VT.Transpose().ToColumnMajorArray();
        var s = svd.S.ToArray();

        var left = Multiply(y, m, l, v2, k);   // QV₂
        var right = Multiply(z, n, l, u2, k);  // Q₂U₂
        FixSigns(left, right, m, n, k);
        return new SvdResult(s[..k], left, right, m, n);
    }

    /// <summary>
    /// Orthonormalizes the columns of the column-major <paramref name="x"/> (rows × cols) in place by CGS2 and returns R
    /// (cols × cols, column-major) with X_before = Q·R. A column that falls in the span of the earlier ones becomes zero.
    /// </summary>
    internal static double[] Orthonormalize(double[] x, int rows, int cols)
    {
        var r = new double[cols * cols];
        for (var j = 0; j < cols; j++)
        {
            var xj = x.AsSpan(j * rows, rows);
            var original = Math.Sqrt(TensorPrimitives.Dot<double>(xj, xj));
            for (var pass = 0; pass < 2; pass++)
            {
                for (var i = 0; i < j; i++)
                {
                    var qi = x.AsSpan(i * rows, rows);
                    var d = TensorPrimitives.Dot<double>(qi, xj);
                    r[(j * cols) + i] += d;
                    TensorPrimitives.MultiplyAdd(qi, -d, xj, xj);
                }
            }

            var norm = Math.Sqrt(TensorPrimitives.Dot<double>(xj, xj));
            if (norm <= 1e-12 * Math.Max(original, 1e-300))
            {
                xj.Clear();
                continue;
            }

            r[(j * cols) + j] = norm;
            TensorPrimitives.Divide(xj, norm, xj);
        }

        return r;
    }

    /// <summary>(rows × inner, column-major) times the first <paramref name="take"/> columns of (inner × inner, column-major).</summary>
    private static double[] Multiply(double[] left, int rows, int inner, double[] right, int take)
    {
        var result = new double[rows * take];
        for (var j = 0; j < take; j++)
        {
            var rj = result.AsSpan(j * rows, rows);
            for (var p = 0; p < inner; p++)
            {
                var w = right[(j * inner) + p];
                if (w == 0) continue;
                TensorPrimitives.MultiplyAdd(left.AsSpan(p * rows, rows), w, rj, rj);
            }
        }

        return result;
    }

    /// <summary>Makes each singular pair's sign deterministic: the right vector's largest-magnitude entry is positive.</summary>
    private static void FixSigns(double[] left, double[] right, int m, int n, int k)
    {
        for (var j = 0; j < k; j++)
        {
            var v = right.AsSpan(j * n, n);
            var at = TensorPrimitives.IndexOfMaxMagnitude<double>(v);
            if (at < 0 || v[at] >= 0) continue;
            TensorPrimitives.Negate<double>(v, v);
            var u = left.AsSpan(j * m, m);
            TensorPrimitives.Negate<double>(u, u);
        }
    }
}
