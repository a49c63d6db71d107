namespace MovieRec.Algorithms;

/// <summary>
/// Item k-NN over time-adjacent ratings: two movies are similar when users rated them close together in time, as
/// session-based k-NN does (Ludewig &amp; Jannach 2018). A top-N ranker.
/// </summary>
/// <remarks>
/// <para>Each user's training ratings are put in time order (ties by movie index). For movies i ≠ j,
/// c_ij = Σ_u Σ d^−γ over the pairs of positions of i and j in user u's sequence that are d ≤ <see cref="SequenceKnnOptions.Window"/> apart,
/// and sim(i, j) = c_ij / (n_i n_j)^α with n the movies' training rating counts. Each movie keeps its
/// <see cref="SequenceKnnOptions.Neighbors"/> most similar movies; score(u, j) = Σ sim(i, j) over the movies i the user rated
/// with j among i's neighbours.</para>
/// <para>Why it helps: MovieLens users rate in sessions, and the site shows movies in related batches, so movies rated
/// one after another are related beyond co-occurrence. Under a random per-user split (the recommenders protocol) a
/// user's held-out ratings come from the same sessions as the training ones; under a temporal split the signal is
/// weaker. Only training ratings and their timestamps are read.</para>
/// <para>Cost O(nnz · Window) time, O(items × Neighbors) memory, both cores (movies in parallel, each movie's sums
/// in a fixed order: identical on any thread count). Unknown users and movies score 0 (flagged).</para>
/// </remarks>
public sealed class SequenceKnn(SequenceKnnOptions? options = null) : IRecommenderAlgorithm<IDenseScorer>
{
    /// <summary>The options.</summary>
    public SequenceKnnOptions Options { get; } = options ?? new SequenceKnnOptions();

    /// <inheritdoc />
    public string Name => string.Create(CultureInfo.InvariantCulture, $"seqknn(w={Options.Window},γ={Options.Decay},α={Options.Normalization},k={Options.Neighbors})");

    /// <inheritdoc />
    public IDenseScorer Fit(RatingDataset train, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        var o = Options;
        ArgumentOutOfRangeException.ThrowIfLessThan(o.Window, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(o.Neighbors, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(o.Decay);
        ArgumentOutOfRangeException.ThrowIfNegative(o.Normalization);
        var ni = train.ItemIds.Count;
        var (sequence, rank) = TimeOrder(train);

        var decay = new float[o.Window + 1];
        for (var d = 1; d <= o.Window; d++) decay[d] = (float)Math.Pow(d, -o.Decay);
        var scale = new double[ni];
        for (var i = 0; i < ni; i++) scale[i] = Math.Pow(Math.Max(1, train.ItemCounts[i]), -o.Normalization);

        var itemStart = train.ItemStart;
        var itemUsers = train.ItemUsers;
        var positions = train.ItemPositions;
        var neighbors = new ItemNeighbors(ni, o.Neighbors);
        Parallel.For(0, ni, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Options.Threads), CancellationToken = cancellationToken }, () => (Sum: new float[ni], Touched: new List<int>()), (i, _, acc) =>
        {
            for (var e = itemStart[i]; e < itemStart[i + 1]; e++)
            {
                var u = itemUsers[e];
                int start = train.UserStart[u], length = train.UserStart[u + 1] - start, p = rank[positions[e]];
                int from = Math.Max(0, p - o.Window), to = Math.Min(length - 1, p + o.Window);
                for (var q = from; q <= to; q++)
                {
                    if (q == p) continue;
                    var j = sequence[start + q];
                    if (acc.Sum[j] == 0) acc.Touched.Add(j);
                    acc.Sum[j] += decay[Math.Abs(q - p)];
                }
            }

            var best = new (float Similarity, int Item)[acc.Touched.Count];
            for (var t = 0; t < best.Length; t++)
            {
                var j = acc.Touched[t];
                best[t] = ((float)(acc.Sum[j] * scale[i] * scale[j]), j);
                acc.Sum[j] = 0;
            }

            acc.Touched.Clear();
            neighbors.Keep(i, best);
            return acc;
        }, _ => { });

        return new SequenceKnnModel(train, neighbors);
    }

    /// <summary>
    /// Each user's training movies in time order (ties by movie index), as CSR over <see cref="RatingDataset.UserStart"/>,
    /// and for each by-user entry (<see cref="RatingDataset.UserItems"/>) its position in that order.
    /// </summary>
    internal static (int[] Sequence, int[] Rank) TimeOrder(RatingDataset train)
    {
        // Timestamps aligned with the by-user entries: each rating's movie is found in its user's sorted items.
        var times = new long[train.Count];
        for (var r = 0; r < train.Count; r++)
        {
            var u = train.Users[r];
            var at = train.ItemsOf(u).BinarySearch(train.Items[r]);
            times[train.UserStart[u] + at] = train.Times[r];
        }

        var sequence = new int[train.Count];
        var rank = new int[train.Count];
        var order = new int[train.Count];
        for (var e = 0; e < order.Length; e++) order[e] = e;
        for (var u = 0; u < train.UserIds.Count; u++)
        {
            int start = train.UserStart[u], end = train.UserStart[u + 1];
            order.AsSpan(start, end - start).Sort((a, b) => times[a] != times[b] ? times[a].CompareTo(times[b]) : train.UserItems[a].CompareTo(train.UserItems[b]));
            for (var q = start; q < end; q++)
            {
                sequence[q] = train.UserItems[order[q]];
                rank[order[q]] = q - start;
            }
        }

        return (sequence, rank);
    }

    private sealed class SequenceKnnModel(RatingDataset train, ItemNeighbors neighbors) : IDenseScorer
    {
        public RatingDataset Train => train;

        public bool PredictsRatings => false;

        /// <summary>The movie's score for the user; 0 for an unknown user or movie (flagged).</summary>
        public Prediction Predict(int userId, int movieId)
        {
            int u = train.UserIndex(userId), i = train.ItemIndex(movieId);
            var source = Prediction.SourceOf(u, i);
            return new(u < 0 || i < 0 ? 0 : neighbors.Score(train.ItemsOf(u), i), source);
        }

        public void ScoreDense(int user, Span<float> scores) => neighbors.Score(train.ItemsOf(user), scores);
    }
}
