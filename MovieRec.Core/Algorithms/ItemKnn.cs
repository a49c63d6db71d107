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
        Parallel.For(0, ni, new ParallelOptions { CancellationToken = cancellationToken }, () => (Dot: new double[ni], Co: new int[ni], Touched: new List<int>(), Best: new List<(float Similarity, int Item)>()), (i, _, acc) =>
        {
            for (var p = itemStart[i]; p < itemStart[i + 1]; p++)
            {
                var u = itemUsers[p];
                var xi = itemValues[p];
                for (var q = train.UserStart[u]; q < train.UserStart[u + 1]; q++)
                {
                    var j = train.UserItems[q];
                    if (j == i) continue;
                    if (acc.Co[j] == 0) acc.Touched.Add(j);
                    acc.Co[j]++;
                    acc.Dot[j] += xi * x[q];
                }
            }

            var best = acc.Best;
            best.Clear();
            foreach (var j in acc.Touched)
            {
                var n = acc.Co[j];
                if (n >= Options.MinSupport && norm[i] > 0 && norm[j] > 0)
                {
                    var sim = acc.Dot[j] / (norm[i] * norm[j]) * n / (n + Options.Shrinkage);
                    if (sim > 0) best.Add(((float)sim, j));
                }

                acc.Dot[j] = 0;
                acc.Co[j] = 0;
            }

            acc.Touched.Clear();
            neighbors.Keep(i, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(best));
            return acc;
        }, _ => { });

        var (bu, bi) = Bias.Fit(train, new BiasOptions(), cancellationToken);
        return new ItemKnnModel(train, neighbors, bu, bi);
    }

    private sealed class ItemKnnModel(RatingDataset train, ItemNeighbors neighbors, float[] bu, float[] bi) : IDenseScorer
    {
        public RatingDataset Train => train;

        public bool PredictsRatings => true;

        public Prediction Predict(int userId, int movieId)
        {
            int u = train.UserIndex(userId), i = train.ItemIndex(movieId);
            var source = Prediction.SourceOf(u, i);
            var baseline = train.GlobalMean + (u >= 0 ? bu[u] : 0) + (i >= 0 ? bi[i] : 0);
            if (u < 0 || i < 0) return new(Math.Clamp(baseline, train.MinRating, train.MaxRating), source);
            var items = train.ItemsOf(u);
            var ratings = train.RatingsOf(u);
            double num = 0, den = 0;
            var near = neighbors.Of(i);
            var similarities = neighbors.SimilaritiesOf(i);
            for (var t = 0; t < near.Length; t++)
            {
                var j = near[t];
                var at = items.BinarySearch(j);
                if (at < 0) continue;
                var s = similarities[t];
                num += s * (ratings[at] - (train.GlobalMean + bu[u] + bi[j]));
                den += s;
            }

            var value = den > 0 ? baseline + (num / den) : baseline;
            return new(Math.Clamp(value, train.MinRating, train.MaxRating), source);
        }

        public void ScoreDense(int user, Span<float> scores) => neighbors.Score(train.ItemsOf(user), scores);
    }
}
