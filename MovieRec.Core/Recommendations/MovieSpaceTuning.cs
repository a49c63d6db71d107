using MovieRec.Evaluation;

namespace MovieRec.Recommendations;

/// <summary>
/// Chooses the block weights of the similar-movies space by a measured criterion: how well a space's neighbours agree with
/// the movies that the same people rated, on ratings the features never saw.
/// </summary>
/// <remarks>
/// <para>The ratings are split per user (<c>heldOutFraction</c> held out); the features are fitted on the training part.
/// Co-rating similarity comes from the held-out part only: the cosine of two movies' binary user vectors,
/// co(a, b) / √(n_a · n_b), i.e. how much the people who rated one also rated the other. Query movies are those with at
/// least <c>minRatings</c> held-out ratings (up to <c>queries</c>, drawn with the seed); the agreement of a space is the
/// mean co-rating cosine between each query and its k nearest neighbours in the space (all movies), 0 for a neighbour
/// nobody rated in the held-out part.</para>
/// <para>Reported beside it: <c>sameGenres</c>, the share of neighbours whose genre string equals the query's (1.0 means
/// the genre block decides alone), and <c>sharedGenre</c>, the share sharing at least one genre.</para>
/// </remarks>
public static class MovieSpaceTuning
{
    /// <summary>The default grid: numeric weight {0, 0.5, 1} × genre weight {0.25, 0.5, 1} × text weight {0.25, 0.5, 1}, genome 1
    /// (only ratios matter: each row is L2-normalized).</summary>
    public static IReadOnlyList<MovieSpaceOptions> Grid { get; } =
    [
        .. from numeric in new[] { 0f, 0.5f, 1f }
           from genre in new[] { 0.25f, 0.5f, 1f }
           from text in new[] { 0.25f, 0.5f, 1f }
           select new MovieSpaceOptions { NumericWeight = numeric, GenreWeight = genre, TextWeight = text, GenomeWeight = 1f },
    ];

    /// <summary>
    /// Fits features on a per-user split of <paramref name="data"/> and measures every candidate's agreement with the
    /// held-out co-rating neighbours; rows sorted best first (ties keep the candidates' order).
    /// </summary>
    /// <returns>Columns numericWeight, genreWeight, textWeight, genomeWeight, agreement, sameGenres, sharedGenre.</returns>
    public static DataFrame Compare(RatingDataset data, IEnumerable<MovieSpaceOptions>? candidates = null, FeatureOptions? features = null,
        double heldOutFraction = 0.2, int k = 10, int queries = 200, int minRatings = 10, int seed = 42)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        data.RequireMovies("Similarity-space tuning");
        var held = data.HeldOutRows(heldOutFraction, seed);
        var model = new FeaturePipeline(features ?? new RecommenderOptions().Features).Fit(data.Subset(Array.ConvertAll(held, h => !h)));
        var heldOut = data.Subset(held);
        var candidateMovies = Enumerable.Range(0, heldOut.ItemIds.Count).Where(i => heldOut.ItemCounts[i] >= minRatings).ToArray();
        if (candidateMovies.Length == 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"No movie has {minRatings} or more held-out ratings: nothing to measure (lower minRatings or use more ratings)."), nameof(data));
        }

        var rng = new Random(seed);
        var querySet = candidateMovies.OrderBy(_ => rng.Next()).Take(queries).ToArray();
        var cosines = querySet.Select(q => CoratingCosines(heldOut, q)).ToArray();
        var rows = new List<(MovieSpaceOptions Options, double Agreement, double Same, double Shared)>();
        foreach (var options in candidates ?? Grid)
        {
            var space = MovieEmbeddingSpace.Build(model, options);
            double agreement = 0, same = 0, shared = 0;
            for (var q = 0; q < querySet.Length; q++)
            {
                var queryId = heldOut.ItemIds[querySet[q]];
                var genres = model.Catalog.Genres[model.Train.MovieIndex(queryId)];
                foreach (var (neighbour, _) in space.MostSimilar(queryId, k))
                {
                    var item = heldOut.ItemIndex(neighbour);
                    agreement += item < 0 ? 0 : cosines[q][item];
                    var other = model.Catalog.Genres[model.Train.MovieIndex(neighbour)];
                    same += other.SequenceEqual(genres) ? 1 : 0;
                    shared += other.Intersect(genres).Any() ? 1 : 0;
                }
            }

            var pairs = querySet.Length * (double)k;
            rows.Add((options, agreement / pairs, same / pairs, shared / pairs));
        }

        var sorted = rows.Select((r, i) => (r, i)).OrderByDescending(p => p.r.Agreement).ThenBy(p => p.i).Select(p => p.r).ToList();
        return new DataFrame(
            new SingleDataFrameColumn("numericWeight", sorted.Select(r => r.Options.NumericWeight)),
            new SingleDataFrameColumn("genreWeight", sorted.Select(r => r.Options.GenreWeight)),
            new SingleDataFrameColumn("textWeight", sorted.Select(r => r.Options.TextWeight)),
            new SingleDataFrameColumn("genomeWeight", sorted.Select(r => r.Options.GenomeWeight)),
            new DoubleDataFrameColumn("agreement", sorted.Select(r => r.Agreement)),
            new DoubleDataFrameColumn("sameGenres", sorted.Select(r => r.Same)),
            new DoubleDataFrameColumn("sharedGenre", sorted.Select(r => r.Shared)));
    }

    /// <summary>The weights of row <paramref name="row"/> of a <see cref="Compare"/> table (row 0: the best).</summary>
    public static MovieSpaceOptions Weights(DataFrame comparison, int row = 0)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return new MovieSpaceOptions
        {
            NumericWeight = (float)comparison["numericWeight"][row], GenreWeight = (float)comparison["genreWeight"][row],
            TextWeight = (float)comparison["textWeight"][row], GenomeWeight = (float)comparison["genomeWeight"][row],
        };
    }

    /// <summary>The held-out binary cosine co(q, j) / √(n_q · n_j) of <paramref name="query"/> with every item.</summary>
    private static float[] CoratingCosines(RatingDataset heldOut, int query)
    {
        var co = new int[heldOut.ItemIds.Count];
        for (var u = 0; u < heldOut.UserIds.Count; u++)
        {
            var items = heldOut.ItemsOf(u);
            if (items.IndexOf(query) < 0) continue;
            foreach (var j in items) co[j]++;
        }

        var cosines = new float[co.Length];
        for (var j = 0; j < co.Length; j++) cosines[j] = j == query ? 0f : (float)(co[j] / Math.Sqrt((double)heldOut.ItemCounts[query] * heldOut.ItemCounts[j]));
        return cosines;
    }
}
