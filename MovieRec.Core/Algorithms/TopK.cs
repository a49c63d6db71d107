using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MovieRec.Algorithms;

/// <summary>Top-k selection over a score array.</summary>
public static class TopK
{
    /// <summary>The heap order: the worst kept candidate (lowest score, then highest index) at the root.</summary>
    private static readonly Comparer<(float Score, int NegIndex)> WorstFirst = Comparer<(float Score, int NegIndex)>.Create((a, b) =>
        a.Score != b.Score ? a.Score.CompareTo(b.Score) : a.NegIndex.CompareTo(b.NegIndex));

    /// <summary>
    /// The indices of the <paramref name="k"/> highest scores, best first; ties go to the lower index (the lower movieId),
    /// indices in <paramref name="excludeSorted"/> (ascending) are skipped, and so are NaN scores. O(n log k) at worst
    /// (rising scores); for scores in no particular order about n/8 vector compares and O(k log(n/k)) heap updates.
    /// </summary>
    /// <remarks>
    /// Once k candidates are kept, a later score enters only if it is above the worst kept one (a tie loses: its index is
    /// higher), so the scan compares eight scores at a time with that threshold in one 256-bit vector and looks at a lane
    /// only when the comparison lets it through; NaN never compares above. The result is that of a full sort.
    /// </remarks>
    public static int[] Select(ReadOnlySpan<float> scores, int k, ReadOnlySpan<int> excludeSorted = default)
    {
        k = Math.Min(k, scores.Length); // k may be int.MaxValue: "all of them"
        if (k <= 0) return [];
        var heap = new PriorityQueue<int, (float Score, int NegIndex)>(k + 1, WorstFirst);
        var e = 0;
        var i = 0;
        for (; i < scores.Length && heap.Count < k; i++) Offer(heap, k, scores[i], i, excludeSorted, ref e);

        if (heap.Count == k && Vector256.IsHardwareAccelerated)
        {
            ref var first = ref MemoryMarshal.GetReference(scores);
            heap.TryPeek(out _, out var worst);
            var threshold = Vector256.Create(worst.Score);
            for (; i + Vector256<float>.Count <= scores.Length; i += Vector256<float>.Count)
            {
                var above = Vector256.GreaterThan(Vector256.LoadUnsafe(ref first, (nuint)i), threshold).ExtractMostSignificantBits();
                if (above == 0) continue;
                for (; above != 0; above &= above - 1)
                {
                    var j = i + BitOperations.TrailingZeroCount(above);
                    Offer(heap, k, scores[j], j, excludeSorted, ref e);
                }

                heap.TryPeek(out _, out worst);
                threshold = Vector256.Create(worst.Score);
            }
        }

        for (; i < scores.Length; i++) Offer(heap, k, scores[i], i, excludeSorted, ref e);

        var result = new int[heap.Count];
        for (var p = result.Length - 1; p >= 0; p--) result[p] = heap.Dequeue();
        return result;
    }

    /// <summary>Keeps (<paramref name="score"/>, <paramref name="index"/>) if it is scored, not excluded and better than
    /// the worst of <paramref name="k"/> kept. Indices arrive in ascending order, so the exclusion cursor only moves on.</summary>
    private static void Offer(PriorityQueue<int, (float Score, int NegIndex)> heap, int k, float score, int index, ReadOnlySpan<int> excludeSorted, ref int e)
    {
        if (float.IsNaN(score)) return;
        while (e < excludeSorted.Length && excludeSorted[e] < index) e++;
        if (e < excludeSorted.Length && excludeSorted[e] == index) return;
        if (heap.Count < k)
        {
            heap.Enqueue(index, (score, -index));
            return;
        }

        heap.TryPeek(out _, out var worst);
        if (score > worst.Score || (score == worst.Score && -index > worst.NegIndex)) heap.EnqueueDequeue(index, (score, -index));
    }
}
