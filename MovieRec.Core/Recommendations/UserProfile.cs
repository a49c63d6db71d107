namespace MovieRec.Recommendations;

/// <summary>A user's rating behaviour and taste, from their ratings and the movies' metadata.</summary>
/// <param name="UserId">The user.</param>
/// <param name="Ratings">Number of ratings.</param>
/// <param name="Mean">Mean rating.</param>
/// <param name="StdDev">Sample standard deviation of the ratings (0 for one rating).</param>
/// <param name="Behaviour">The original project's bands of the mean: ≥ 4.2 "very generous", ≥ 3.6 "slightly generous", ≥ 3.0 "balanced", else "strict".</param>
/// <param name="LikeRatio">Share of ratings ≥ the like threshold.</param>
/// <param name="TopGenres">Up to three genres with the most liked movies (ties: higher mean rating, then name).</param>
/// <param name="TopActors">Up to five actors appearing most often in liked movies (needs metadata).</param>
/// <param name="TopDirectors">Up to five directors appearing most often in liked movies (needs metadata).</param>
/// <param name="ModernLikeRatio">Like ratio on movies released from the modern year on (NaN without such ratings).</param>
/// <param name="OlderLikeRatio">Like ratio on older movies (NaN without such ratings).</param>
/// <param name="FavouriteDecades">Up to three decades (e.g. 1990) with the most liked movies.</param>
public sealed record UserProfile(
    int UserId, int Ratings, double Mean, double StdDev, string Behaviour, double LikeRatio, IReadOnlyList<string> TopGenres,
    IReadOnlyList<string> TopActors, IReadOnlyList<string> TopDirectors, double ModernLikeRatio, double OlderLikeRatio, IReadOnlyList<int> FavouriteDecades)
{
    /// <summary>Per genre: ratings, mean rating, like ratio (for a taste chart).</summary>
    public DataFrame GenreTaste { get; init; } = new();

    /// <summary>Per rating value: how many times the user gave it.</summary>
    public DataFrame RatingDistribution { get; init; } = new();

    /// <summary>The behaviour band of a mean rating.</summary>
    public static string BehaviourOf(double mean) => mean >= 4.2 ? "very generous" : mean >= 3.6 ? "slightly generous" : mean >= 3.0 ? "balanced" : "strict";

    /// <summary>The scalar fields as a two-column DataFrame (field, value).</summary>
    public DataFrame ToDataFrame()
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        (string, string)[] rows =
        [
            ("userId", UserId.ToString(inv)), ("ratings", Ratings.ToString(inv)), ("mean", Mean.ToString("F3", inv)), ("stdDev", StdDev.ToString("F3", inv)),
            ("behaviour", Behaviour), ("likeRatio", LikeRatio.ToString("F3", inv)), ("topGenres", string.Join(", ", TopGenres)),
            ("topActors", string.Join(", ", TopActors)), ("topDirectors", string.Join(", ", TopDirectors)),
            ("modernLikeRatio", ModernLikeRatio.ToString("F3", inv)), ("olderLikeRatio", OlderLikeRatio.ToString("F3", inv)),
            ("favouriteDecades", string.Join(", ", FavouriteDecades.Select(d => d.ToString(inv) + "s"))),
        ];
        return new DataFrame(new StringDataFrameColumn("field", rows.Select(r => r.Item1)), new StringDataFrameColumn("value", rows.Select(r => r.Item2)));
    }

    internal static UserProfile Build(int userId, int[] movieRows, float[] ratings, MovieCatalog catalog, double likeThreshold, int modernYear)
    {
        var n = ratings.Length;
        var mean = ratings.Average(r => (double)r);
        var std = n > 1 ? Math.Sqrt(ratings.Sum(r => (r - mean) * (r - mean)) / (n - 1)) : 0;
        var liked = Enumerable.Range(0, n).Where(i => ratings[i] >= likeThreshold).ToArray();

        var genreStats = Enumerable.Range(0, n)
            .SelectMany(i => catalog.Genres[movieRows[i]].Split('|', StringSplitOptions.RemoveEmptyEntries).Where(g => g != "(no genres listed)").Select(g => (Genre: g, i)))
            .GroupBy(p => p.Genre)
            .Select(g => (Genre: g.Key, Count: g.Count(), Mean: g.Average(p => (double)ratings[p.i]), Likes: g.Count(p => ratings[p.i] >= likeThreshold)))
            .OrderByDescending(g => g.Likes).ThenByDescending(g => g.Mean).ThenBy(g => g.Genre, StringComparer.Ordinal).ToArray();

        static IReadOnlyList<string> Top(IEnumerable<string> names, int k) =>
            [.. names.Where(s => s.Length > 0).GroupBy(s => s).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(k).Select(g => g.Key)];
        double Ratio(Func<int, bool> which)
        {
            var rows = Enumerable.Range(0, n).Where(which).ToArray();
            return rows.Length == 0 ? double.NaN : rows.Count(i => ratings[i] >= likeThreshold) / (double)rows.Length;
        }

        return new UserProfile(
            userId, n, mean, std, BehaviourOf(mean), liked.Length / (double)n,
            [.. genreStats.Where(g => g.Likes > 0).Take(3).Select(g => g.Genre)],
            Top(liked.SelectMany(i => catalog.Actors[movieRows[i]].Split('|')), 5),
            Top(liked.SelectMany(i => catalog.Directors[movieRows[i]].Split('|')), 5),
            Ratio(i => catalog.Years[movieRows[i]] >= modernYear),
            Ratio(i => catalog.Years[movieRows[i]] < modernYear),
            [.. liked.Select(i => catalog.Years[movieRows[i]] / 10 * 10).Where(d => d > 0).GroupBy(d => d).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).Take(3).Select(g => g.Key)])
        {
            GenreTaste = new DataFrame(
                new StringDataFrameColumn("genre", genreStats.Select(g => g.Genre)),
                new Int32DataFrameColumn("ratings", genreStats.Select(g => g.Count)),
                new DoubleDataFrameColumn("meanRating", genreStats.Select(g => g.Mean)),
                new DoubleDataFrameColumn("likeRatio", genreStats.Select(g => g.Likes / (double)g.Count))),
            RatingDistribution = new DataFrame(
                new DoubleDataFrameColumn("rating", ratings.Select(r => (double)r).Distinct().Order()),
                new Int32DataFrameColumn("count", ratings.Select(r => (double)r).Distinct().Order().Select(v => ratings.Count(r => r == v)))),
        };
    }
}
