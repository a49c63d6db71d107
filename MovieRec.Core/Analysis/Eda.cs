namespace MovieRec.Analysis;

/// <summary>
/// Exploratory summaries as small, pre-aggregated DataFrames, ready to chart: a histogram of 100,000 ratings is ten rows,
/// not 100,000 values embedded in a page (../shared/FINDINGS.md: a raw histogram costs ~400 KB per chart).
/// </summary>
public static class Eda
{
    /// <summary>How often each rating value occurs: rating, count, share.</summary>
    public static DataFrame RatingHistogram(DataFrame ratings)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var values = ratings.ToArray<double>(Columns.Rating);
        var groups = values.GroupBy(v => v).OrderBy(g => g.Key).ToArray();
        return new DataFrame(
            new DoubleDataFrameColumn(Columns.Rating, groups.Select(g => g.Key)),
            new Int64DataFrameColumn("count", groups.Select(g => (long)g.Count())),
            new DoubleDataFrameColumn("share", groups.Select(g => g.Count() / (double)values.Length)));
    }

    /// <summary>Movies and ratings per genre (a movie counts once for each of its genres), most rated first: genre, movies, ratings.</summary>
    public static DataFrame GenreCounts(DataFrame ratings, DataFrame movies)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        ArgumentNullException.ThrowIfNull(movies);
        var ids = movies.ToArray<int>(Columns.MovieId);
        var genres = movies.ToStringArray(Columns.Genres).Select(g => g.Split('|', StringSplitOptions.RemoveEmptyEntries)).ToArray();
        var row = new Dictionary<int, int>(ids.Length);
        for (var i = 0; i < ids.Length; i++) row[ids[i]] = i;
        var movieCount = new Dictionary<string, int>(StringComparer.Ordinal);
        var ratingCount = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var list in genres)
        {
            foreach (var g in list) movieCount[g] = movieCount.GetValueOrDefault(g) + 1;
        }

        foreach (var m in ratings.ToArray<int>(Columns.MovieId))
        {
            if (!row.TryGetValue(m, out var r)) continue;
            foreach (var g in genres[r]) ratingCount[g] = ratingCount.GetValueOrDefault(g) + 1;
        }

        var order = movieCount.Keys.OrderByDescending(g => ratingCount.GetValueOrDefault(g)).ThenBy(g => g, StringComparer.Ordinal).ToArray();
        return new DataFrame(
            new StringDataFrameColumn("genre", order),
            new Int32DataFrameColumn("movies", order.Select(g => movieCount[g])),
            new Int64DataFrameColumn(Columns.Rating + "s", order.Select(g => ratingCount.GetValueOrDefault(g))));
    }

    /// <summary>
    /// The long tail: how many users (<paramref name="byUser"/>) or movies have n ratings, in logarithmic bins
    /// [1, 2), [2, 4), [4, 8), …: bin (the lower bound), label, entities, ratings.
    /// </summary>
    public static DataFrame RatingsPerEntity(DataFrame ratings, bool byUser)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var counts = ratings.ToArray<int>(byUser ? Columns.UserId : Columns.MovieId).GroupBy(x => x).Select(g => g.Count()).ToArray();
        var bins = counts.GroupBy(c => 1 << (int)Math.Floor(Math.Log2(c))).OrderBy(g => g.Key).ToArray();
        return new DataFrame(
            new Int32DataFrameColumn("bin", bins.Select(b => b.Key)),
            new StringDataFrameColumn("label", bins.Select(b => b.Key == 1 ? "1" : string.Create(CultureInfo.InvariantCulture, $"{b.Key}–{(2 * b.Key) - 1}"))),
            new Int32DataFrameColumn(byUser ? "users" : "movies", bins.Select(b => b.Count())),
            new Int64DataFrameColumn("ratings", bins.Select(b => (long)b.Sum())));
    }

    /// <summary>Ratings per calendar year (UTC) with the year's mean rating: year, ratings, meanRating.</summary>
    public static DataFrame RatingsOverTime(DataFrame ratings)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var years = ratings.ToArray<long>(Columns.Timestamp).Select(t => DateTimeOffset.FromUnixTimeSeconds(t).Year).ToArray();
        var values = ratings.ToArray<double>(Columns.Rating);
        var groups = Enumerable.Range(0, years.Length).GroupBy(i => years[i]).OrderBy(g => g.Key).ToArray();
        return new DataFrame(
            new Int32DataFrameColumn("year", groups.Select(g => g.Key)),
            new Int64DataFrameColumn("ratings", groups.Select(g => (long)g.Count())),
            new DoubleDataFrameColumn("meanRating", groups.Select(g => g.Average(i => values[i]))));
    }

    /// <summary>
    /// Share of movies, and of ratings, whose movie has each metadata field (overview, poster, actors, directors,
    /// keywords, genome): field, movies, movieShare, ratingShare. Fields the movies table lacks are left out.
    /// </summary>
    public static DataFrame MetadataCoverage(DataFrame ratings, DataFrame movies, GenomeMatrix? genome = null)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        ArgumentNullException.ThrowIfNull(movies);
        var ids = movies.ToArray<int>(Columns.MovieId);
        var perMovie = ratings.ToArray<int>(Columns.MovieId).GroupBy(m => m).ToDictionary(g => g.Key, g => g.Count());
        var total = (double)ratings.Rows.Count;
        var fields = new List<(string Field, bool[] Has)>();
        foreach (var column in new[] { Columns.Overview, Columns.PosterUrl, Columns.Actors, Columns.Directors, Columns.Keywords })
        {
            if (movies.HasColumn(column)) fields.Add((column, [.. movies.ToStringArray(column).Select(s => s.Length > 0)]));
        }

        if (genome is not null) fields.Add(("genome", [.. ids.Select(id => genome.RowOf(id) >= 0)]));
        return new DataFrame(
            new StringDataFrameColumn("field", fields.Select(f => f.Field)),
            new Int32DataFrameColumn("movies", fields.Select(f => f.Has.Count(h => h))),
            new DoubleDataFrameColumn("movieShare", fields.Select(f => f.Has.Count(h => h) / (double)ids.Length)),
            new DoubleDataFrameColumn("ratingShare", fields.Select(f => Enumerable.Range(0, ids.Length).Where(i => f.Has[i]).Sum(i => (double)perMovie.GetValueOrDefault(ids[i])) / total)));
    }

    /// <summary>An equal-width histogram of a numeric column (NaN and missing values skipped): bin (the centre), lower,
    /// upper, count. The last bin includes its upper bound; a constant column gives one bin.</summary>
    public static DataFrame Histogram(DataFrame frame, string column, int bins = 30)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        var values = frame.ToDoubles(column).Where(v => !double.IsNaN(v)).ToArray();
        if (values.Length == 0) return HistogramFrame([], [], []);
        double min = values.Min(), max = values.Max();
        if (max == min) return HistogramFrame([min], [max], [values.Length]);
        var width = (max - min) / bins;
        var counts = new long[bins];
        foreach (var v in values) counts[Math.Min(bins - 1, (int)((v - min) / width))]++;
        return HistogramFrame([.. Enumerable.Range(0, bins).Select(b => min + (b * width))], [.. Enumerable.Range(0, bins).Select(b => min + ((b + 1) * width))], counts);
    }

    private static DataFrame HistogramFrame(double[] lower, double[] upper, long[] counts) => new(
        new DoubleDataFrameColumn("bin", lower.Zip(upper, (l, u) => (l + u) / 2)),
        new DoubleDataFrameColumn("lower", lower),
        new DoubleDataFrameColumn("upper", upper),
        new Int64DataFrameColumn("count", counts));

    /// <summary>
    /// The first two text-embedding components of every movie that has text (at most <paramref name="maxMovies"/>, the
    /// most rated first), for a 2-D map coloured by genre: movieId, title, genre (the first MovieLens genre), x, y.
    /// </summary>
    /// <remarks>The components are the TF-IDF + truncated SVD directions of largest variance fitted on the training movies'
    /// text (<see cref="Features.Text.TextEmbedding"/>), so x and y are the two strongest topics.</remarks>
    /// <exception cref="ArgumentException">The model was fitted without text features.</exception>
    public static DataFrame TextMap(Features.FeatureModel model, DataFrame movies, int maxMovies = 1_500)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(movies);
        if (model.Text is null || model.Text.Factors < 2) throw new ArgumentException("The feature model has no text embedding with two or more components.", nameof(model));
        var features = model.MovieFeatures();
        var ids = features.ToArray<int>(Columns.MovieId);
        var hasText = features.ToArray<float>("hasText");
        var x = features.ToArray<float>("text0");
        var y = features.ToArray<float>("text1");
        var count = features.ToArray<float>("movieCount");
        var titles = new Dictionary<int, (string Title, string Genre)>();
        var movieIds = movies.ToArray<int>(Columns.MovieId);
        var movieTitles = movies.ToStringArray(Columns.Title);
        var movieGenres = movies.ToStringArray(Columns.Genres);
        for (var i = 0; i < movieIds.Length; i++) titles[movieIds[i]] = (movieTitles[i], movieGenres[i].Split('|')[0] is { Length: > 0 } g && g != "(no genres listed)" ? g : "none");
        var rows = Enumerable.Range(0, ids.Length).Where(i => hasText[i] > 0 && titles.ContainsKey(ids[i]))
            .OrderByDescending(i => count[i]).ThenBy(i => ids[i]).Take(maxMovies).OrderBy(i => titles[ids[i]].Genre, StringComparer.Ordinal).ThenBy(i => ids[i]).ToArray();
        return new DataFrame(
            new Int32DataFrameColumn(Columns.MovieId, rows.Select(i => ids[i])),
            new StringDataFrameColumn(Columns.Title, rows.Select(i => titles[ids[i]].Title)),
            new StringDataFrameColumn("genre", rows.Select(i => titles[ids[i]].Genre)),
            new DoubleDataFrameColumn("x", rows.Select(i => (double)x[i])),
            new DoubleDataFrameColumn("y", rows.Select(i => (double)y[i])));
    }
}
