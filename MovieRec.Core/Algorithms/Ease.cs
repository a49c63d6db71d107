namespace MovieRec.Algorithms;

/// <summary>
/// EASE^R (Steck, "Embarrassingly Shallow Autoencoders for Sparse Data", WWW 2019): a closed-form item-item model over the
/// binary user × movie matrix X.
/// </summary>
/// <remarks>
/// <para>P = (XᵀX + λI)⁻¹, B = I − P·diag(1/diag(P)), i.e. B_ij = −P_ij / P_jj for i ≠ j and B_jj = 0; the score of movie j
/// for user u is s_uj = Σ_{i rated by u} B_ij. Rating values are ignored (a rating is an interaction).</para>
/// <para>Sessions (ours; <see cref="EaseOptions.SessionLength"/> L &gt; 0): each user's training ratings in time order are
/// also cut into sessions of L consecutive ratings, the rows of a binary session × movie matrix S, and
/// P = (XᵀX + γ·SᵀS + λI)⁻¹ with γ = <see cref="EaseOptions.SessionWeight"/>. Movies rated in the same session count
/// 1 + γ times per co-rating, the others once: the time order that <see cref="SequenceKnn"/> reads, inside the
/// closed form. Scoring is unchanged (the user's row of X). The Gram matrix stays positive semi-definite, and only
/// training ratings and their timestamps are read. Training ratings that all share one timestamp (or have none) are an
/// <see cref="ArgumentException"/>: their order would carry no signal.</para>
/// <para>The Gram matrix is dense: the model keeps the <see cref="EaseOptions.MaxItems"/> most-rated movies with at least
/// <see cref="EaseOptions.MinRatings"/> ratings (ties to the lower movieId), and the inverse (<c>SpdInverse</c>, a blocked
/// sweep on both cores) costs n³/2 multiply-adds and 8n² bytes: about 6,000 movies in seconds, 20,000 in minutes and 3.2
/// GB. Movies outside the model score NaN, so they are never recommended; unknown users and movies predict 0 (flagged).
/// A ranker: <see cref="IScorer.PredictsRatings"/> is false.</para>
/// </remarks>
public sealed class Ease(EaseOptions? options = null) : IRecommenderAlgorithm<IDenseScorer>
{
    /// <summary>The most movies a model may keep: the n × n Gram matrix of doubles must fit one array.</summary>
    public const int MaxDenseItems = 30_000;

    /// <summary>The options.</summary>
    public EaseOptions Options { get; } = options ?? new EaseOptions();

    /// <inheritdoc />
    public string Name => Options.SessionLength > 0
        ? string.Create(CultureInfo.InvariantCulture, $"ease(λ={Options.Regularization},n≤{Options.MaxItems},sessions={Options.SessionLength},γ={Options.SessionWeight})")
        : string.Create(CultureInfo.InvariantCulture, $"ease(λ={Options.Regularization},n≤{Options.MaxItems})");

    /// <inheritdoc />
    public IDenseScorer Fit(RatingDataset train, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        var (kept, slot, g) = Gram(train, Options, cancellationToken);
        var n = kept.Length;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Options.Threads), CancellationToken = cancellationToken };
        SpdInverse.Invert(g, n, Options.Threads, cancellationToken);

        // B_ij = −P_ij / P_jj (i ≠ j), B_jj = 0, as float32 rows i: a user's score is the sum of the rows of their movies.
        var weights = new float[(long)n * n];
        Parallel.For(0, n, parallel, i =>
        {
            for (var j = 0; j < n; j++) weights[((long)i * n) + j] = i == j ? 0f : (float)(-g[((long)i * n) + j] / g[((long)j * n) + j]);
        });

        return new Model(train, kept, slot, weights);
    }

    /// <summary>
    /// The kept movies (ascending index), each movie's slot among them (−1: not kept) and G = XᵀX + γSᵀS + λI over them,
    /// lower triangle filled, row-major.
    /// </summary>
    internal static (int[] Kept, int[] Slot, double[] Gram) Gram(RatingDataset train, EaseOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxItems);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Regularization);
        ArgumentOutOfRangeException.ThrowIfNegative(options.SessionLength);
        ArgumentOutOfRangeException.ThrowIfNegative(options.SessionWeight);
        var ni = train.ItemIds.Count;
        var kept = Enumerable.Range(0, ni).Where(i => train.ItemCounts[i] >= Math.Max(1, options.MinRatings))
            .OrderByDescending(i => train.ItemCounts[i]).ThenBy(i => i).Take(options.MaxItems).Order().ToArray();
        var slot = new int[ni];
        Array.Fill(slot, -1);
        for (var s = 0; s < kept.Length; s++) slot[kept[s]] = s;
        var n = kept.Length;
        if (n > MaxDenseItems)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"EASE keeps {n:N0} movies, more than the {MaxDenseItems:N0} a dense inverse allows (8n² bytes, n³/2 multiply-adds): lower MaxItems."), nameof(train));
        }

        // G = XᵀX + γSᵀS + λI over the kept movies, lower triangle, one row (movie) per task, each row's sums in a fixed order.
        var g = new double[(long)n * n];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Threads), CancellationToken = cancellationToken };
        var length = options.SessionLength;
        if (length > 0 && train.Count > 0 && !train.Times.AsSpan().ContainsAnyExcept(train.Times[0]))
        {
            throw new ArgumentException("EASE sessions follow the ratings' time order, but every training rating has the same timestamp (or none): set SessionLength to 0.", nameof(train));
        }

        var (sequence, rank) = length > 0 ? SequenceKnn.TimeOrder(train) : ([], []);
        Parallel.For(0, n, parallel, s =>
        {
            var row = g.AsSpan((int)((long)s * n), n);
            foreach (var u in train.UsersOf(kept[s]))
            {
                foreach (var j in train.ItemsOf(u))
                {
                    var t = slot[j];
                    if (t >= 0 && t <= s) row[t]++;
                }
            }

            if (length > 0) AddSessions(train, kept[s], s, slot, sequence, rank, length, options.SessionWeight, row);
            row[s] += options.Regularization;
        });

        return (kept, slot, g);
    }

    /// <summary>Adds γ to <paramref name="row"/> (movie <paramref name="item"/>, slot <paramref name="s"/>) for every kept movie of
    /// slot ≤ s in each session that holds the movie: the session of position p in a user's time order spans
    /// [⌊p/L⌋·L, ⌊p/L⌋·L + L).</summary>
    private static void AddSessions(RatingDataset train, int item, int s, int[] slot, int[] sequence, int[] rank, int length, double gamma, Span<double> row)
    {
        var itemUsers = train.ItemUsers;
        var positions = train.ItemPositions;
        for (var e = train.ItemStart[item]; e < train.ItemStart[item + 1]; e++)
        {
            var u = itemUsers[e];
            int start = train.UserStart[u], count = train.UserStart[u + 1] - start;
            var first = rank[positions[e]] / length * length;
            var end = Math.Min(count, first + length);
            foreach (var j in sequence.AsSpan(start + first, end - first))
            {
                var t = slot[j];
                if (t >= 0 && t <= s) row[t] += gamma;
            }
        }
    }

    private sealed class Model(RatingDataset train, int[] kept, int[] slot, float[] weights) : IDenseScorer
    {
        public RatingDataset Train => train;

        public bool PredictsRatings => false;

        public Prediction Predict(int userId, int movieId)
        {
            int u = train.UserIndex(userId), i = train.ItemIndex(movieId);
            var source = Prediction.SourceOf(u, i);
            if (u < 0 || i < 0 || slot[i] < 0) return new(0, source);
            double score = 0;
            var n = kept.Length;
            foreach (var j in train.ItemsOf(u))
            {
                if (slot[j] >= 0) score += weights[((long)slot[j] * n) + slot[i]];
            }

            return new(score, source);
        }

        public void ScoreDense(int user, Span<float> scores)
        {
            var n = kept.Length;
            var sum = new float[n];
            foreach (var j in train.ItemsOf(user))
            {
                var s = slot[j];
                if (s >= 0) System.Numerics.Tensors.TensorPrimitives.Add(sum, weights.AsSpan((int)((long)s * n), n), sum);
            }

            scores[..train.ItemIds.Count].Fill(float.NaN);
            for (var s = 0; s < n; s++) scores[kept[s]] = sum[s];
        }
    }
}
