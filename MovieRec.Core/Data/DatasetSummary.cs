namespace MovieRec.Data;

/// <summary>Overview statistics of a cleaned dataset: the table <c>movierec data summary</c> prints.</summary>
/// <param name="Name">Dataset name.</param>
/// <param name="Format">Detected format; null when the summary is of a fitted dataset whose files are not at hand (a
/// saved recommender's: <see cref="Compute(string, RatingDataset)"/>).</param>
/// <param name="Users">Distinct users with ratings.</param>
/// <param name="Movies">Movies in the movies table.</param>
/// <param name="RatedMovies">Distinct movies with at least one rating.</param>
/// <param name="Ratings">Number of ratings.</param>
/// <param name="Density">Ratings / (users × rated movies), in [0, 1]; sparsity is 1 − density.</param>
/// <param name="MeanRating">Mean rating.</param>
/// <param name="LikeShare">Share of ratings ≥ 4 (the later stages' <c>like</c> target).</param>
/// <param name="Tags">User tags (0 when the release has none).</param>
/// <param name="GenomeMovies">Movies with genome scores.</param>
/// <param name="GenomeTags">Genome tags.</param>
/// <param name="MoviesWithOverview">Movies whose overview is not empty.</param>
/// <param name="FirstRating">Earliest rating time (UTC).</param>
/// <param name="LastRating">Latest rating time (UTC).</param>
public sealed record DatasetSummary(
    string Name, MovieLensFormat? Format, int Users, int Movies, int RatedMovies, long Ratings, double Density, double MeanRating,
    double LikeShare, long Tags, int GenomeMovies, int GenomeTags, int MoviesWithOverview, DateTimeOffset FirstRating, DateTimeOffset LastRating)
{
    /// <summary>Computes the summary over typed arrays.</summary>
    public static DatasetSummary Compute(MovieLensDataset dataset, CleanResult clean)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(clean);
        var users = clean.Ratings.ToArray<int>(Columns.UserId);
        var movies = clean.Ratings.ToArray<int>(Columns.MovieId);
        var ratings = clean.Ratings.ToArray<double>(Columns.Rating);
        var times = clean.Ratings.ToArray<long>(Columns.Timestamp);
        var overviews = clean.Movies.HasColumn(Columns.Overview) ? clean.Movies.ToStringArray(Columns.Overview).Count(s => s.Length > 0) : 0;
        return Of(dataset.Name, dataset.Format, users.Distinct().Count(), (int)clean.Movies.Rows.Count, movies.Distinct().Count(), ratings.AsSpan(), times,
            dataset.Tags?.Rows.Count ?? 0, dataset.Genome, overviews);
    }

    /// <summary>The summary of a fitted dataset (a saved recommender's ratings and movies), with the same arithmetic as
    /// <see cref="Compute(MovieLensDataset, CleanResult)"/> on the cleaned files it was built from; the format is not
    /// known (null).</summary>
    /// <exception cref="ArgumentException">The dataset holds no ratings.</exception>
    public static DatasetSummary Compute(string name, RatingDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Count == 0) throw new ArgumentException("The dataset holds no ratings: nothing to summarize.", nameof(data));
        var movies = data.Movies;
        var overviews = movies is not null && movies.Table.HasColumn(Columns.Overview) ? movies.Table.ToStringArray(Columns.Overview).Count(s => s.Length > 0) : 0;
        return Of(name, null, data.UserIds.Count, movies?.Count ?? data.ItemIds.Count, data.ItemCounts.Count(c => c > 0), data.Ratings.AsSpan(), data.Times,
            data.Tags?.Rows.Count ?? 0, data.Genome, overviews);
    }

    /// <summary>The arithmetic both summaries share: density = n / (users × rated), the mean and the like share (≥ 4) of
    /// the ratings summed in their order, the period from the earliest and latest time.</summary>
    private static DatasetSummary Of<T>(string name, MovieLensFormat? format, int users, int movies, int rated, ReadOnlySpan<T> ratings, long[] times,
        long tags, GenomeMatrix? genome, int overviews)
        where T : System.Numerics.INumberBase<T>
    {
        double sum = 0;
        long likes = 0;
        foreach (var value in ratings)
        {
            var r = double.CreateChecked(value);
            sum += r;
            if (r >= 4) likes++;
        }

        return new DatasetSummary(
            name, format, users, movies, rated, ratings.Length, ratings.Length / ((double)users * rated), sum / ratings.Length, (double)likes / ratings.Length,
            tags, genome?.MovieCount ?? 0, genome?.TagCount ?? 0, overviews,
            DateTimeOffset.FromUnixTimeSeconds(times.Min()), DateTimeOffset.FromUnixTimeSeconds(times.Max()));
    }

    /// <summary>The summary as (metric, value) rows, formatted invariantly.</summary>
    public IReadOnlyList<(string Metric, string Value)> Rows()
    {
        var inv = CultureInfo.InvariantCulture;
        return
        [
            ("dataset", Name),
            ("format", Format?.ToString() ?? "unknown"),
            ("users", Users.ToString("N0", inv)),
            ("movies", Movies.ToString("N0", inv)),
            ("rated movies", RatedMovies.ToString("N0", inv)),
            ("ratings", Ratings.ToString("N0", inv)),
            ("sparsity", (1 - Density).ToString("P2", inv)),
            ("mean rating", MeanRating.ToString("F3", inv)),
            ("like share (rating >= 4)", LikeShare.ToString("P1", inv)),
            ("tags", Tags.ToString("N0", inv)),
            ("genome", GenomeMovies == 0 ? "none" : string.Create(inv, $"{GenomeMovies:N0} movies x {GenomeTags:N0} tags")),
            ("movies with overview", MoviesWithOverview.ToString("N0", inv)),
            ("rating period", string.Create(inv, $"{FirstRating:yyyy-MM-dd} .. {LastRating:yyyy-MM-dd}")),
        ];
    }

    /// <summary>The summary as a two-column DataFrame (metric, value).</summary>
    public DataFrame ToDataFrame()
    {
        var rows = Rows();
        return new DataFrame(new StringDataFrameColumn("metric", rows.Select(r => r.Metric)), new StringDataFrameColumn("value", rows.Select(r => r.Value)));
    }
}
