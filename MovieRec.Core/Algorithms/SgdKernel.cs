using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MovieRec.Algorithms;

/// <summary>
/// The SGD inner loop of biased matrix factorization over float32 factor rows padded to <see cref="Lanes"/>, in
/// 256-bit vectors with fused multiply-adds in one fixed order, so the result is the same on every x64 or Arm machine
/// (with or without AVX2/FMA hardware: .NET then computes the same fused operations in software).
/// </summary>
/// <remarks>
/// Per rating: e = r − (μ + b_u + b_i + p_u·q_i); with s = 1 − γλ and g = γe: b_u ← s·b_u + g, b_i ← s·b_i + g,
/// p_u ← s·p_u + g·q_i, q_i ← s·q_i + g·p_u (both from the old values): Funk/Surprise's update, factored so each vector
/// lane costs one multiply and one fused multiply-add per matrix. About 6k flops per rating (2k for the dot product, 4k
/// for the two updates, k rounded up to the lanes).
/// </remarks>
internal static class SgdKernel
{
    /// <summary>Floats per vector; factor rows are padded to a multiple of it (zeros, which stay zero).</summary>
    public const int Lanes = 8;

    /// <summary>How many ratings ahead the movie row is prefetched: at 25M ratings the rows of a DSGD cell exceed L2,
    /// and fetching q_i a dozen ratings early shortens the fit by about a tenth (the biased-MF stage of
    /// <c>movierec bench --scale 25m</c>).</summary>
    private const int PrefetchDistance = 12;

    /// <summary>The padded row length for <paramref name="factors"/> factors.</summary>
    public static int Stride(int factors) => (factors + Lanes - 1) / Lanes * Lanes;

    /// <summary>Floating-point operations of one rating's update with <paramref name="factors"/> factors (padded).</summary>
    public static double FlopsPerRating(int factors) => 6.0 * Stride(factors);

    /// <summary>One pass over the ratings in the given order. Indices must address whole rows of <paramref name="p"/> and
    /// <paramref name="q"/> (the loop does not check: <see cref="BiasedMFTrainer"/> numbers users and movies 0..n−1 itself, and tests call
    /// it with in-range indices only).</summary>
    public static void Run(ReadOnlySpan<int> users, ReadOnlySpan<int> items, ReadOnlySpan<float> ratings, float mu, Span<float> bu, Span<float> bi, Span<float> p, Span<float> q, int stride, float learningRate, float regularization)
    {
        var shrink = 1f - (learningRate * regularization);
        var keep = Vector256.Create(shrink);
        ref var p0 = ref MemoryMarshal.GetReference(p);
        ref var q0 = ref MemoryMarshal.GetReference(q);
        for (var r = 0; r < ratings.Length; r++)
        {
            int u = users[r], i = items[r];
            if (r + PrefetchDistance < ratings.Length) CachePrefetch.Lines(ref Unsafe.Add(ref q0, (nint)items[r + PrefetchDistance] * stride), stride * sizeof(float));

            ref var pu = ref Unsafe.Add(ref p0, (nint)u * stride);
            ref var qi = ref Unsafe.Add(ref q0, (nint)i * stride);
            var step = learningRate * (ratings[r] - (mu + bu[u] + bi[i] + Dot(ref pu, ref qi, stride)));
            bu[u] = (shrink * bu[u]) + step;
            bi[i] = (shrink * bi[i]) + step;
            var g = Vector256.Create(step);
            nuint f = 0;
            for (; f + (2 * Lanes) <= (nuint)stride; f += 2 * Lanes)
            {
                var pv = Vector256.LoadUnsafe(ref pu, f);
                var qv = Vector256.LoadUnsafe(ref qi, f);
                var pw = Vector256.LoadUnsafe(ref pu, f + Lanes);
                var qw = Vector256.LoadUnsafe(ref qi, f + Lanes);
                Vector256.FusedMultiplyAdd(g, qv, keep * pv).StoreUnsafe(ref pu, f);
                Vector256.FusedMultiplyAdd(g, pv, keep * qv).StoreUnsafe(ref qi, f);
                Vector256.FusedMultiplyAdd(g, qw, keep * pw).StoreUnsafe(ref pu, f + Lanes);
                Vector256.FusedMultiplyAdd(g, pw, keep * qw).StoreUnsafe(ref qi, f + Lanes);
            }

            if (f < (nuint)stride)
            {
                var pv = Vector256.LoadUnsafe(ref pu, f);
                var qv = Vector256.LoadUnsafe(ref qi, f);
                Vector256.FusedMultiplyAdd(g, qv, keep * pv).StoreUnsafe(ref pu, f);
                Vector256.FusedMultiplyAdd(g, pv, keep * qv).StoreUnsafe(ref qi, f);
            }
        }
    }

    /// <summary>a·b over one padded row, two accumulators, reduced in a fixed order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Dot(ref float a, ref float b, int stride)
    {
        var s0 = Vector256<float>.Zero;
        var s1 = Vector256<float>.Zero;
        nuint f = 0;
        for (; f + (2 * Lanes) <= (nuint)stride; f += 2 * Lanes)
        {
            s0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref a, f), Vector256.LoadUnsafe(ref b, f), s0);
            s1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref a, f + Lanes), Vector256.LoadUnsafe(ref b, f + Lanes), s1);
        }

        if (f < (nuint)stride) s0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref a, f), Vector256.LoadUnsafe(ref b, f), s0);
        var h = (s0 + s1).GetLower() + (s0 + s1).GetUpper();
        return (h.GetElement(0) + h.GetElement(2)) + (h.GetElement(1) + h.GetElement(3));
    }
}
