using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MovieRec.Algorithms;

/// <summary>
/// Top-k for many users of a latent-factor model as a blocked matrix product with selection fused in: the item factors
/// are packed in panels of 16 items (factor-major), a register-blocked kernel computes 4 users × 16 items at a time
/// (8 accumulators, two loads and four broadcasts per factor), and each 4×16 tile goes straight through a per-user
/// threshold filter into a k-heap, so no score row is ever written. Groups of <see cref="GroupUsers"/> users share each
/// chunk of <see cref="ChunkItems"/> items while it sits in L2; groups run in parallel.
/// </summary>
/// <remarks>
/// A score is offset + Σ_f p_uf·q_if accumulated in factor order with a separate multiply and add per step, exactly as
/// <see cref="LatentFactors.Score(ReadOnlySpan{float}, Span{float}, ReadOnlySpan{float})"/> does, and items are offered
/// to each heap in ascending order, so the lists equal <see cref="TopK.Select"/> over <see cref="IDenseScorer.ScoreDense"/>
/// to the bit (ties to the lower index, seen and NaN scores skipped). 2·users·items·k flops.
/// </remarks>
internal static class BlockedTopN
{
    /// <summary>Items per packed panel (two 256-bit vectors).</summary>
    public const int PanelItems = 16;

    /// <summary>Users per register tile.</summary>
    public const int TileUsers = 4;

    /// <summary>Users sharing a chunk of item panels.</summary>
    public const int GroupUsers = 64;

    /// <summary>Items per chunk (256 KB of panels at 64 factors).</summary>
    public const int ChunkItems = 1024;

    /// <summary>Largest k served by the blocked path (the heaps live per user).</summary>
    public const int MaxK = 1000;

    /// <summary>For each of <paramref name="users"/> (indices, −1 = unknown: empty list), its top <paramref name="k"/> item indices and scores, best first.</summary>
    public static (int[] Items, float[] Scores)[] Select(ILatentScorer model, int[] users, int k, bool excludeSeen)
    {
        var factors = model.Factors;
        int f = factors.Factors, n = factors.Items.Length / f;
        k = Math.Min(k, n);
        var panels = (n + PanelItems - 1) / PanelItems;
        var packed = Pack(factors, n, panels);
        var offsets = model.ItemOffsets.ToArray();
        var result = new (int[] Items, float[] Scores)[users.Length];
        var groups = (users.Length + GroupUsers - 1) / GroupUsers;
        Parallel.For(0, groups, () => new Heaps(GroupUsers, k), (g, _, heaps) =>
        {
            var first = g * GroupUsers;
            var count = Math.Min(GroupUsers, users.Length - first);
            heaps.Reset(k);
            var train = model.Train;
            heaps.Train = excludeSeen ? train : null;
            for (var t = 0; t < count; t++)
            {
                var u = users[first + t];
                heaps.Start[t] = u < 0 ? 0f : model.UserOffset(u);
                heaps.Seen[t] = u >= 0 && excludeSeen ? train.UserStart[u] : 0;
                heaps.SeenEnd[t] = u >= 0 && excludeSeen ? train.UserStart[u + 1] : 0;
            }

            for (var chunk = 0; chunk < panels; chunk += ChunkItems / PanelItems)
            {
                var chunkEnd = Math.Min(panels, chunk + (ChunkItems / PanelItems));
                for (var t = 0; t < count; t += TileUsers) Tiles(factors.Users, users, first, t, Math.Min(TileUsers, count - t), packed, chunk, chunkEnd, f, n, offsets, heaps);
            }

            for (var t = 0; t < count; t++) result[first + t] = users[first + t] < 0 ? ([], []) : heaps.Sorted(t);
            return heaps;
        }, _ => { });
        return result;
    }

    /// <summary>Item factors in panels: panel p holds items 16p..16p+15, factor-major (f × 16 floats), zero-padded.</summary>
    private static float[] Pack(LatentFactors factors, int n, int panels)
    {
        var f = factors.Factors;
        var packed = new float[panels * PanelItems * f];
        Parallel.For(0, panels, panel =>
        {
            var block = packed.AsSpan(panel * PanelItems * f, PanelItems * f);
            for (var j = 0; j < PanelItems && (panel * PanelItems) + j < n; j++)
            {
                var row = factors.Item((panel * PanelItems) + j);
                for (var c = 0; c < f; c++) block[(c * PanelItems) + j] = row[c];
            }
        });
        return packed;
    }

    /// <summary>Rows t..t+rows−1 of a group against panels [panelStart, panelEnd): one 4×16 register tile per panel.</summary>
    private static void Tiles(float[] p, int[] users, int first, int t, int rows, float[] packed, int panelStart, int panelEnd, int f, int n, float[] offsets, Heaps heaps)
    {
        ref var p0 = ref p[Row(users, first, t, 0, rows) * f];
        ref var p1 = ref p[Row(users, first, t, 1, rows) * f];
        ref var p2 = ref p[Row(users, first, t, 2, rows) * f];
        ref var p3 = ref p[Row(users, first, t, 3, rows) * f];
        var s0 = Vector256.Create(heaps.Start[t]);
        var s1 = Vector256.Create(rows > 1 ? heaps.Start[t + 1] : 0f);
        var s2 = Vector256.Create(rows > 2 ? heaps.Start[t + 2] : 0f);
        var s3 = Vector256.Create(rows > 3 ? heaps.Start[t + 3] : 0f);
        Span<float> row = stackalloc float[PanelItems];
        for (var panel = panelStart; panel < panelEnd; panel++)
        {
            // The accumulators start from the offsets, as LatentFactors.Score's target does.
            var item = panel * PanelItems;
            Vector256<float> lo = default, hi = default;
            if (offsets.Length > 0)
            {
                for (var j = 0; j < PanelItems; j++) row[j] = item + j < n ? offsets[item + j] : 0f;
                lo = Vector256.Create<float>(row[..8]);
                hi = Vector256.Create<float>(row[8..]);
            }

            Vector256<float> a0 = lo + s0, b0 = hi + s0, a1 = lo + s1, b1 = hi + s1, a2 = lo + s2, b2 = hi + s2, a3 = lo + s3, b3 = hi + s3;
            ref var b = ref packed[item * f];
            for (nuint c = 0; c < (nuint)f; c++)
            {
                var q0 = Vector256.LoadUnsafe(ref b, c * PanelItems);
                var q1 = Vector256.LoadUnsafe(ref b, (c * PanelItems) + 8);
                var x = Vector256.Create(Unsafe.Add(ref p0, c));
                a0 += q0 * x;
                b0 += q1 * x;
                x = Vector256.Create(Unsafe.Add(ref p1, c));
                a1 += q0 * x;
                b1 += q1 * x;
                x = Vector256.Create(Unsafe.Add(ref p2, c));
                a2 += q0 * x;
                b2 += q1 * x;
                x = Vector256.Create(Unsafe.Add(ref p3, c));
                a3 += q0 * x;
                b3 += q1 * x;
            }

            heaps.Offer(t, a0, b0, item, n);
            if (rows > 1) heaps.Offer(t + 1, a1, b1, item, n);
            if (rows > 2) heaps.Offer(t + 2, a2, b2, item, n);
            if (rows > 3) heaps.Offer(t + 3, a3, b3, item, n);
        }
    }

    /// <summary>The factor row of tile row r (a valid row for unknown users and missing rows: their results are dropped).</summary>
    private static int Row(int[] users, int first, int t, int r, int rows) => r < rows && users[first + t + r] >= 0 ? users[first + t + r] : 0;

    /// <summary>One k-heap per user of a group: min-heaps on (score, −index) whose root is the worst kept item.</summary>
    private sealed class Heaps(int users, int k)
    {
        private int _k = k;
        private float[] _scores = new float[users * k];
        private int[] _items = new int[users * k];
        private readonly int[] _count = new int[users];
        private readonly float[] _threshold = new float[users];

        public RatingDataset? Train { get; set; }

        public float[] Start { get; } = new float[users];

        public int[] Seen { get; } = new int[users];

        public int[] SeenEnd { get; } = new int[users];

        public void Reset(int k)
        {
            if (k != _k)
            {
                _k = k;
                _scores = new float[_count.Length * k];
                _items = new int[_count.Length * k];
            }

            Array.Clear(_count);
            _threshold.AsSpan().Fill(float.NegativeInfinity);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Offer(int t, Vector256<float> lo, Vector256<float> hi, int item, int n)
        {
            var bar = Vector256.Create(_threshold[t]);
            if (_count[t] == _k && !Vector256.GreaterThanAny(lo, bar) && !Vector256.GreaterThanAny(hi, bar)) return;
            OfferEach(t, lo, hi, item, n);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private void OfferEach(int t, Vector256<float> lo, Vector256<float> hi, int item, int n)
        {
            Span<float> s = stackalloc float[PanelItems];
            lo.CopyTo(s);
            hi.CopyTo(s[8..]);
            for (var j = 0; j < PanelItems && item + j < n; j++) Add(t, item + j, s[j]);
        }

        public (int[] Items, float[] Scores) Sorted(int t)
        {
            var count = _count[t];
            var items = _items.AsSpan(t * _k, count).ToArray();
            var scores = _scores.AsSpan(t * _k, count).ToArray();
            var order = Enumerable.Range(0, count).OrderByDescending(x => scores[x]).ThenBy(x => items[x]).ToArray();
            return (Array.ConvertAll(order, x => items[x]), Array.ConvertAll(order, x => scores[x]));
        }

        private void Add(int t, int item, float score)
        {
            if (_count[t] == _k ? !(score > _threshold[t]) : float.IsNaN(score)) return;
            if (Train is { } train)
            {
                // Items arrive in ascending order, so the user's seen list is walked once.
                var seen = train.UserItems;
                while (Seen[t] < SeenEnd[t] && seen[Seen[t]] < item) Seen[t]++;
                if (Seen[t] < SeenEnd[t] && seen[Seen[t]] == item) return;
            }

            var heapScores = _scores.AsSpan(t * _k, _k);
            var heapItems = _items.AsSpan(t * _k, _k);
            if (_count[t] < _k)
            {
                var x = _count[t]++;
                heapScores[x] = score;
                heapItems[x] = item;
                while (x > 0)
                {
                    var parent = (x - 1) / 2;
                    if (!Worse(heapScores[x], heapItems[x], heapScores[parent], heapItems[parent])) break;
                    (heapScores[x], heapScores[parent]) = (heapScores[parent], heapScores[x]);
                    (heapItems[x], heapItems[parent]) = (heapItems[parent], heapItems[x]);
                    x = parent;
                }
            }
            else
            {
                // Later items lose ties to earlier ones, so only a strictly higher score replaces the root.
                heapScores[0] = score;
                heapItems[0] = item;
                var x = 0;
                while (true)
                {
                    int left = (2 * x) + 1, right = left + 1, worst = x;
                    if (left < _k && Worse(heapScores[left], heapItems[left], heapScores[worst], heapItems[worst])) worst = left;
                    if (right < _k && Worse(heapScores[right], heapItems[right], heapScores[worst], heapItems[worst])) worst = right;
                    if (worst == x) break;
                    (heapScores[x], heapScores[worst]) = (heapScores[worst], heapScores[x]);
                    (heapItems[x], heapItems[worst]) = (heapItems[worst], heapItems[x]);
                    x = worst;
                }
            }

            if (_count[t] == _k) _threshold[t] = heapScores[0];
        }

        /// <summary>Whether (s, i) ranks below (s2, i2): a lower score, or an equal score and a higher index.</summary>
        private static bool Worse(float s, int i, float s2, int i2) => s < s2 || (s == s2 && i > i2);
    }
}
