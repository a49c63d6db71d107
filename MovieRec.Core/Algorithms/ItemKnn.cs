namespace MovieRec.Algorithms;

/// <summary>
/// Item-based k-nearest neighbours: each movie keeps its <see cref="ItemKnnOptions.Neighbors"/> most similar movies.
/// </summary>
/// <remarks>
/// <para>Similarity of movies i and j over the users U_ij who rated both (n = |U_ij|):
/// sim = Σ_{u∈U_ij} x_ui x_uj / (‖x_i‖ ‖x_j‖) · n / (n + s), where x = r (cosine) or r − μ_u (adjusted cosine), norms over
/// each movie's full vector, s the shrinkage. Only positive similarities with n ≥ MinSupport are kept.</para>
/// <para>Ranking (Deshpande &amp; Karypis, 2004): score(u, i) = Σ of sim(j, i) over the movies j the user rated with i among
/// j's neighbours. Rating prediction (as Surprise's KNNBaseline): r̂ = b_ui + Σ sim(i, j)(r_uj − b_uj) / Σ sim(i, j) over
/// i's neighbours the user rated, b the <see cref="Bias"/> baseline; with no such neighbour, b_ui. Fallbacks follow
/// <see cref="Bias"/>. Cost O(Σ_u n_u²) time, O(items × Neighbors) memory: a neighbourhood reference for small and
/// medium data, not for 25M ratings.</para>
/// </remarks>
public sealed class ItemKnn(ItemKnnOptions? options = null) : IRecommenderAlgorithm<IDenseScorer>
{
    /// <summary>The options.</summary>
    public ItemKnnOptions Options { get; } = options ?? new ItemKnnOptions();

    /// <inheritdoc />
    public string Name => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"itemknn(k={Options.Neighbors},s={Options.Shrinkage},{(Options.Similarity == ItemSimilarity.Cosine ? "cos" : "adjcos")})");

    /// <inheritdoc />
    public IDenseScorer Fit(RatingDataset train, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        var neighbors = Neighbors(train, cancellationToken);
        var (bu, bi) = Bias.Fit(train, new BiasOptions(), cancellationToken);
        return new ItemKnnModel(train, neighbors, bu, bi);
    }

    /// <summary>Every movie's <see cref="ItemKnnOptions.Neighbors"/> most similar movies of <paramref name="train"/>.</summary>
    internal ItemNeighbors Neighbors(RatingDataset train, CancellationToken cancellationToken = default)
    {
        int nu = train.UserIds.Count, ni = train.ItemIds.Count, kn = Options.Neighbors;

        // User-side values x_ui (CSR aligned with train.UserItems), and item-side lists (CSC).
        var x = new float[train.Count];
        for (var u = 0; u < nu; u++)
        {
            var ratings = train.RatingsOf(u);
            var mean = Options.Similarity == ItemSimilarity.AdjustedCosine && ratings.Length > 0 ? System.Numerics.Tensors.TensorPrimitives.Sum(ratings) / ratings.Length : 0f;
            for (var p = 0; p < ratings.Length; p++) x[train.UserStart[u] + p] = ratings[p] - mean;
        }

        var itemStart = train.ItemStart;
        var itemUsers = train.ItemUsers;
        var itemValues = new float[train.Count];
        var positions = train.ItemPositions;
        var norm = new double[ni];
        for (var i = 0; i < ni; i++)
        {
            for (var q = itemStart[i]; q < itemStart[i + 1]; q++)
            {
                var v = x[positions[q]];
                itemValues[q] = v;
                norm[i] += v * (double)v;
            }
        }

        for (var i = 0; i < ni; i++) norm[i] = Math.Sqrt(norm[i]);
        var neighbors = new ItemNeighbors(ni, kn);
        int[] userStart = train.UserStart, userItems = train.UserItems;
        Parallel.For(0, ni, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Options.Threads), CancellationToken = cancellationToken }, () => new Accumulator(ni), (i, _, acc) =>
        {
            // Scatter: for each user of i and each of their other movies j, one multiply-add into j's cell.
            var cells = acc.Cells;
            var touched = acc.Touched;
            var count = 0;
            for (var p = itemStart[i]; p < itemStart[i + 1]; p++)
            {
                var u = itemUsers[p];
                var xi = itemValues[p];
                int start = userStart[u], end = userStart[u + 1];
                ReadOnlySpan<int> items = userItems.AsSpan(start, end - start);
                ReadOnlySpan<float> values = x.AsSpan(start, end - start);
                for (var q = 0; q < items.Length; q++)
                {
                    var j = items[q];
                    if (j == i) continue;
                    ref var cell = ref cells[j];
                    if (cell.Count == 0) touched[count++] = j;
                    cell.Count++;
                    cell.Dot += xi * values[q];
                }
            }

            var best = acc.Best;
            best.Clear();
            foreach (var j in touched.AsSpan(0, count))
            {
                ref var cell = ref cells[j];
                var n = cell.Count;
                if (n >= Options.MinSupport && norm[i] > 0 && norm[j] > 0)
                {
                    var sim = cell.Dot / (norm[i] * norm[j]) * n / (n + Options.Shrinkage);
                    if (sim > 0) best.Add(((float)sim, j));
                }

                cell = default;
            }

            neighbors.Keep(i, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(best));
            return acc;
        }, _ => { });

        return neighbors;
    }

    /// <summary>One co-rated movie's running dot product and co-rating count, side by side (one cache line access).</summary>
    private struct Cell
    {
        public double Dot;
        public int Count;
    }

    /// <summary>A thread's scratch for one movie's similarities: a cell per movie, the movies touched, the candidates.</summary>
    private sealed class Accumulator(int items)
    {
        public Cell[] Cells { get; } = new Cell[items];

        public int[] Touched { get; } = new int[items];

        public List<(float Similarity, int Item)> Best { get; } = [];
    }

    private sealed class ItemKnnModel(RatingDataset train, ItemNeighbors neighbors, float[] bu, float[] bi) : IDenseScorer, IKnownPairPredictor
    {
        public RatingDataset Train => train;

        public bool PredictsRatings => true;

        public Prediction Predict(int userId, int movieId)
        {
            int u = train.UserIndex(userId), i = train.ItemIndex(movieId);
            var source = Prediction.SourceOf(u, i);
            if (u >= 0 && i >= 0) return new(PredictKnown(u, i), source);
            var baseline = train.GlobalMean + (u >= 0 ? bu[u] : 0) + (i >= 0 ? bi[i] : 0);
            return new(Math.Clamp(baseline, train.MinRating, train.MaxRating), source);
        }

        public double PredictKnown(int u, int i) => Predict(u, i, null);

        public void PredictKnownRow(int user, Span<double> ratings)
        {
            var positions = new int[train.ItemIds.Count];
            Array.Fill(positions, -1);
            var items = train.ItemsOf(user);
            for (var p = 0; p < items.Length; p++) positions[items[p]] = p;
            for (var i = 0; i < ratings.Length; i++) ratings[i] = Predict(user, i, positions);
        }

        /// <summary>baseline + Σ s_ij (r_uj − b_uj) / Σ s_ij over the neighbours j of i the user rated, clipped; the user's
        /// rating of j found by binary search, or in <paramref name="positions"/> (item → index among the user's ratings).</summary>
        private double Predict(int u, int i, int[]? positions)
        {
            var baseline = train.GlobalMean + bu[u] + bi[i];
            var items = train.ItemsOf(u);
            var ratings = train.RatingsOf(u);
            double num = 0, den = 0;
            var near = neighbors.Of(i);
            var similarities = neighbors.SimilaritiesOf(i);
            for (var t = 0; t < near.Length; t++)
            {
                var j = near[t];
                var at = positions is null ? items.BinarySearch(j) : positions[j];
                if (at < 0) continue;
                var s = similarities[t];
                num += s * (ratings[at] - (train.GlobalMean + bu[u] + bi[j]));
                den += s;
            }

            var value = den > 0 ? baseline + (num / den) : baseline;
            return Math.Clamp(value, train.MinRating, train.MaxRating);
        }

        public void ScoreDense(int user, Span<float> scores) => neighbors.Score(train.ItemsOf(user), scores);
    }
}
