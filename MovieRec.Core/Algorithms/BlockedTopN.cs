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
/// <para>Items are packed in descending order of their factor norm ‖q_i‖, and a tile stops as soon as no later item can
/// enter any of its users' lists. By Cauchy–Schwarz every later item j scores at most
/// b(u) = o_u + max_{j ≥ panel} o_j + ‖p_u‖·max_{j ≥ panel} ‖q_j‖ (o: the user and item offsets), so once each user's
/// k-th best exceeds b(u), widened by a relative margin of max(10⁻⁴, 4·10⁻⁷·f) for float rounding, the rest of the items
/// are skipped. The pruning is exact: it never drops an item that the full product would have kept.</para>
/// <para>A score is offset + Σ_f p_uf·q_if accumulated in factor order with a separate multiply and add per step, exactly as
/// <see cref="LatentFactors.Score(ReadOnlySpan{float}, Span{float}, ReadOnlySpan{float})"/> does, and each heap orders
/// by (score, lower index first), so the lists equal <see cref="TopK.Select"/> over <see cref="IDenseScorer.ScoreDense"/>
/// to the bit (ties to the lower index, seen and NaN scores skipped). At most 2·users·items·k flops; the norm bound
/// (see above) skips the items that cannot place.</para>
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
        var items = Bound.Order(factors, n, out var itemNorms);
        var packed = Pack(factors, items, panels);
        var offsets = Permute(model.ItemOffsets, items);
        var bound = new Bound(itemNorms, offsets, panels, f);
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
                heaps.Norm[t] = u < 0 ? 0 : Bound.Norm(factors.User(u));
                heaps.Seen[t] = u >= 0 && excludeSeen ? train.UserStart[u] : 0;
                heaps.SeenEnd[t] = u >= 0 && excludeSeen ? train.UserStart[u + 1] : 0;
            }

            Span<bool> done = stackalloc bool[GroupUsers / TileUsers];
            for (var chunk = 0; chunk < panels; chunk += ChunkItems / PanelItems)
            {
                var chunkEnd = Math.Min(panels, chunk + (ChunkItems / PanelItems));
                var active = false;
                for (var t = 0; t < count; t += TileUsers)
                {
                    if (done[t / TileUsers]) continue;
                    done[t / TileUsers] = Tiles(factors.Users, users, first, t, Math.Min(TileUsers, count - t), packed, chunk, chunkEnd, f, n, offsets, items, bound, heaps);
                    active |= !done[t / TileUsers];
                }

                if (!active) break;
            }

            for (var t = 0; t < count; t++) result[first + t] = users[first + t] < 0 ? ([], []) : heaps.Sorted(t);
            return heaps;
        }, _ => { });
        return result;
    }

    /// <summary>Per-item offsets in packed order (empty stays empty).</summary>
    private static float[] Permute(ReadOnlySpan<float> offsets, int[] items)
    {
        if (offsets.IsEmpty) return [];
        var result = new float[items.Length];
        for (var x = 0; x < items.Length; x++) result[x] = offsets[items[x]];
        return result;
    }

    /// <summary>The Cauchy–Schwarz bound on every score from a panel on (see the class remarks).</summary>
    private sealed class Bound
    {
        private readonly double[] _norm;
        private readonly double[] _offset;
        private readonly double _margin;

        public Bound(double[] itemNorms, float[] offsets, int panels, int factors)
        {
            // Items are in descending norm order, so a panel's first item has the largest norm of all that follow;
            // the largest offset from a panel on is a suffix maximum.
            _norm = new double[panels];
            _offset = new double[panels];
            var best = double.NegativeInfinity;
            for (var panel = panels - 1; panel >= 0; panel--)
            {
                _norm[panel] = itemNorms[panel * PanelItems];
                for (var x = panel * PanelItems; x < Math.Min(offsets.Length, (panel + 1) * PanelItems); x++) best = Math.Max(best, offsets[x]);
                _offset[panel] = offsets.Length == 0 ? 0 : best;
            }

            _margin = Math.Max(1e-4, 4e-7 * factors);
        }

        /// <summary>Item indices by descending factor norm (ties: lower index first), and those norms in that order.</summary>
        public static int[] Order(LatentFactors factors, int n, out double[] norms)
        {
            var all = new double[n];
            for (var i = 0; i < n; i++) all[i] = Norm(factors.Item(i));
            var order = Enumerable.Range(0, n).ToArray();
            Array.Sort(order, (a, b) => all[a] == all[b] ? a.CompareTo(b) : all[b].CompareTo(all[a]));
            norms = Array.ConvertAll(order, i => all[i]);
            return order;
        }

        public static double Norm(ReadOnlySpan<float> row)
        {
            var sum = 0.0;
            foreach (var x in row) sum += (double)x * x;
            return Math.Sqrt(sum);
        }

        /// <summary>Whether no item from <paramref name="panel"/> on can beat <paramref name="threshold"/> for a user
        /// with offset <paramref name="start"/> and factor norm <paramref name="userNorm"/>. False for NaN.</summary>
        public bool Excludes(int panel, double threshold, double start, double userNorm)
        {
            var product = userNorm * _norm[panel];
            var bound = start + _offset[panel] + product;
            return threshold > bound + (_margin * (Math.Abs(start) + Math.Abs(_offset[panel]) + product)) + 1e-30;
        }
    }

    /// <summary>Item factors in panels: panel p holds items[16p..16p+15], factor-major (f × 16 floats), zero-padded.</summary>
    private static float[] Pack(LatentFactors factors, int[] items, int panels)
    {
        var f = factors.Factors;
        var n = items.Length;
        var packed = new float[panels * PanelItems * f];
        Parallel.For(0, panels, panel =>
        {
            var block = packed.AsSpan(panel * PanelItems * f, PanelItems * f);
            for (var j = 0; j < PanelItems && (panel * PanelItems) + j < n; j++)
            {
                var row = factors.Item(items[(panel * PanelItems) + j]);
                for (var c = 0; c < f; c++) block[(c * PanelItems) + j] = row[c];
            }
        });
        return packed;
    }

    /// <summary>Rows t..t+rows−1 of a group against panels [panelStart, panelEnd): one 4×16 register tile per panel.
    /// True when the bound shows that no later panel can change these rows' lists.</summary>
    private static bool Tiles(float[] p, int[] users, int first, int t, int rows, float[] packed, int panelStart, int panelEnd, int f, int n, float[] offsets, int[] items, Bound bound, Heaps heaps)
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
            if (heaps.Settled(t, rows, panel, bound)) return true;

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

            heaps.Offer(t, a0, b0, items, item);
            if (rows > 1) heaps.Offer(t + 1, a1, b1, items, item);
            if (rows > 2) heaps.Offer(t + 2, a2, b2, items, item);
            if (rows > 3) heaps.Offer(t + 3, a3, b3, items, item);
        }

        return false;
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

        public double[] Norm { get; } = new double[users];

        /// <summary>The user's seen items: UserItems[Seen..SeenEnd), ascending.</summary>
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

        /// <summary>Whether every row of the tile has a full list that no item from <paramref name="panel"/> on can enter.</summary>
        public bool Settled(int t, int rows, int panel, Bound bound)
        {
            for (var r = t; r < t + rows; r++)
            {
                if (_count[r] < _k || !bound.Excludes(panel, _threshold[r], Start[r], Norm[r])) return false;
            }

            return true;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Offer(int t, Vector256<float> lo, Vector256<float> hi, int[] items, int position)
        {
            // Equal scores still compete (on the index), so only scores below the bar are dropped here.
            var bar = Vector256.Create(_threshold[t]);
            if (_count[t] == _k && !Vector256.GreaterThanOrEqualAny(lo, bar) && !Vector256.GreaterThanOrEqualAny(hi, bar)) return;
            OfferEach(t, lo, hi, items, position);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private void OfferEach(int t, Vector256<float> lo, Vector256<float> hi, int[] items, int position)
        {
            Span<float> s = stackalloc float[PanelItems];
            lo.CopyTo(s);
            hi.CopyTo(s[8..]);
            for (var j = 0; j < PanelItems && position + j < items.Length; j++) Add(t, items[position + j], s[j]);
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
            var heapScores = _scores.AsSpan(t * _k, _k);
            var heapItems = _items.AsSpan(t * _k, _k);
            if (_count[t] == _k ? !Worse(heapScores[0], heapItems[0], score, item) : float.IsNaN(score)) return;
            if (Train is { } train && train.UserItems.AsSpan(Seen[t], SeenEnd[t] - Seen[t]).BinarySearch(item) >= 0) return;

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
