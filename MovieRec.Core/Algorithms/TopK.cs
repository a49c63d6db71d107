namespace MovieRec.Algorithms;

/// <summary>Top-k selection over a score array.</summary>
public static class TopK
{
    /// <summary>
    /// The indices of the <paramref name="k"/> highest scores, best first; ties go to the lower index (the lower movieId),
    /// indices in <paramref name="excludeSorted"/> (ascending) are skipped. O(n log k).
    /// </summary>
    public static int[] Select(ReadOnlySpan<float> scores, int k, ReadOnlySpan<int> excludeSorted = default)
    {
        k = Math.Min(k, scores.Length); // k may be int.MaxValue: "all of them"
        if (k <= 0) return [];
        // Min-heap of (score, index) whose root is the worst kept candidate.
        var heap = new PriorityQueue<int, (float Score, int NegIndex)>(k + 1, Comparer<(float Score, int NegIndex)>.Create((a, b) =>
            a.Score != b.Score ? a.Score.CompareTo(b.Score) : a.NegIndex.CompareTo(b.NegIndex)));
        var e = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            while (e < excludeSorted.Length && excludeSorted[e] < i) e++;
            if (e < excludeSorted.Length && excludeSorted[e] == i) continue;
            var s = scores[i];
            if (float.IsNaN(s)) continue;
            if (heap.Count < k)
            {
                heap.Enqueue(i, (s, -i));
            }
            else
            {
                heap.TryPeek(out _, out var worst);
                if (s > worst.Score || (s == worst.Score && -i > worst.NegIndex)) heap.EnqueueDequeue(i, (s, -i));
            }
        }

        var result = new int[heap.Count];
        for (var p = result.Length - 1; p >= 0; p--) result[p] = heap.Dequeue();
        return result;
    }
}
