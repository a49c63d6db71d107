namespace MovieRec.LinearAlgebra;

/// <summary>
/// In-place inverse of a symmetric positive definite matrix by the blocked sweep operator (Goodnight, 1979): the dense
/// solver behind <see cref="Algorithms.Ease"/>.
/// </summary>
/// <remarks>
/// <para>Sweeping pivot block K (b rows) with S = A_KK: A_KK ← −S⁻¹, A_iK ← A_iK S⁻¹ and A_ij ← A_ij − A_iK S⁻¹ A_Kj for
/// i, j ∉ K; after every block A holds −A⁻¹. Only the lower triangle is updated (the matrix is symmetric), so the cost is
/// n³/2 multiply-adds, each one a contiguous dot of length b, and rows are updated in parallel: every element is computed
/// by the same arithmetic in the same order whatever the thread count, so the result is identical to the digit.</para>
/// <para>No pivoting: positive definiteness (e.g. a ridge λI) keeps every pivot block invertible. A non-positive pivot
/// throws.</para>
/// </remarks>
internal static class SpdInverse
{
    private const int Block = 96;

    /// <summary>Replaces the n × n row-major SPD <paramref name="a"/> by its inverse (both triangles).</summary>
    public static void Invert(double[] a, int n, int threads, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Length < (long)n * n) throw new ArgumentException("The matrix is smaller than n × n.", nameof(a));
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads), CancellationToken = cancellationToken };
        var panel = new double[n * Block];   // A_iK for every row i (row-major, stride Block)
        var scaled = new double[n * Block];  // A_iK S⁻¹
        var pivot = new double[Block * Block];
        for (var k0 = 0; k0 < n; k0 += Block)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var b = Math.Min(Block, n - k0);
            var k1 = k0 + b;

            // Panel A_iK from the lower triangle (A_iK = A_Ki for i < k0), and S = A_KK.
            Parallel.For(0, n, parallel, i =>
            {
                for (var t = 0; t < b; t++) panel[(i * Block) + t] = i >= k0 + t ? a[((long)i * n) + k0 + t] : a[((long)(k0 + t) * n) + i];
            });
            for (var s = 0; s < b; s++)
            {
                for (var t = 0; t < b; t++) pivot[(s * Block) + t] = panel[((k0 + s) * Block) + t];
            }

            InvertSmall(pivot, b, k0);
            Parallel.For(0, n, parallel, i =>
            {
                var row = panel.AsSpan(i * Block, b);
                for (var t = 0; t < b; t++) scaled[(i * Block) + t] = TensorPrimitives.Dot<double>(row, pivot.AsSpan(t * Block, b));
            });

            // Trailing update of the lower triangle outside K, one row per task.
            Parallel.For(0, n, parallel, i =>
            {
                if (i >= k0 && i < k1) return;
                var m = scaled.AsSpan(i * Block, b);
                var row = a.AsSpan((int)((long)i * n), n);
                for (var j = 0; j <= i; j++)
                {
                    if (j == k0)
                    {
                        j = k1 - 1;
                        continue;
                    }

                    row[j] -= TensorPrimitives.Dot<double>(m, panel.AsSpan(j * Block, b));
                }
            });

            // The swept block: A_iK ← A_iK S⁻¹, A_KK ← −S⁻¹.
            for (var i = 0; i < n; i++)
            {
                if (i >= k0 && i < k1) continue;
                for (var t = 0; t < b; t++)
                {
                    if (i > k0) a[((long)i * n) + k0 + t] = scaled[(i * Block) + t];
                    else a[((long)(k0 + t) * n) + i] = scaled[(i * Block) + t];
                }
            }

            for (var s = 0; s < b; s++)
            {
                for (var t = 0; t <= s; t++) a[((long)(k0 + s) * n) + k0 + t] = -pivot[(s * Block) + t];
            }
        }

        // −A⁻¹ is in the lower triangle: negate and mirror.
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var v = -a[((long)i * n) + j];
                a[((long)i * n) + j] = v;
                a[((long)j * n) + i] = v;
            }
        }
    }

    /// <summary>Inverts the b × b SPD block (stride <see cref="Block"/>) in place by the unblocked sweep.</summary>
    private static void InvertSmall(double[] s, int b, int offset)
    {
        for (var k = 0; k < b; k++)
        {
            var d = s[(k * Block) + k];
            if (!(d > 0)) throw new ArgumentException($"The matrix is not positive definite (pivot {offset + k} is {d}).");
            for (var i = 0; i < b; i++)
            {
                if (i == k) continue;
                var f = s[(i * Block) + k] / d;
                if (f == 0) continue;
                for (var j = 0; j < b; j++)
                {
                    if (j != k) s[(i * Block) + j] -= f * s[(k * Block) + j];
                }
            }

            for (var i = 0; i < b; i++)
            {
                if (i == k) continue;
                s[(i * Block) + k] /= d;
                s[(k * Block) + i] /= d;
            }

            s[(k * Block) + k] = -1 / d;
        }

        // The sweep leaves −S⁻¹.
        for (var i = 0; i < b; i++)
        {
            for (var j = 0; j < b; j++) s[(i * Block) + j] = -s[(i * Block) + j];
        }
    }
}
