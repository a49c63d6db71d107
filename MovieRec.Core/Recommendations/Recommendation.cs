namespace MovieRec.Recommendations;

/// <summary>One recommended (or similar) movie.</summary>
/// <param name="Rank">1-based position.</param>
/// <param name="MovieId">The movie.</param>
/// <param name="Title">MovieLens title (never empty: movies without a title are not recommended).</param>
/// <param name="Year">Release year.</param>
/// <param name="Genres"><c>|</c>-joined MovieLens genres.</param>
/// <param name="PosterUrl">Poster URL, empty when unknown.</param>
/// <param name="Score">The engine's score: predicted like probability (ml), CF score (svd), fused score (hybrid), cosine similarity (similar), rating count (cold start).</param>
/// <param name="Reason">Why, e.g. "because you liked Heat (1995)" or "cold start: popular in Comedy (215 ratings)".</param>
public sealed record Recommendation(int Rank, int MovieId, string Title, int Year, string Genres, string PosterUrl, double Score, string Reason)
{
    /// <summary>
    /// A list as a DataFrame with columns rank, movieId, title, year, genres, posterUrl, the score (named
    /// <paramref name="scoreColumn"/>: <see cref="Columns.Score"/>, or <see cref="Columns.Similarity"/> for neighbours) and reason.
    /// </summary>
    public static DataFrame ToDataFrame(IEnumerable<Recommendation> rows, string scoreColumn = Columns.Score)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var list = rows as IReadOnlyList<Recommendation> ?? [.. rows];
        return new DataFrame(
            new Int32DataFrameColumn(Columns.Rank, list.Select(r => r.Rank)),
            new Int32DataFrameColumn(Columns.MovieId, list.Select(r => r.MovieId)),
            new StringDataFrameColumn(Columns.Title, list.Select(r => r.Title)),
            new Int32DataFrameColumn(Columns.Year, list.Select(r => r.Year)),
            new StringDataFrameColumn(Columns.Genres, list.Select(r => r.Genres)),
            new StringDataFrameColumn(Columns.PosterUrl, list.Select(r => r.PosterUrl)),
            new DoubleDataFrameColumn(scoreColumn, list.Select(r => r.Score)),
            new StringDataFrameColumn(Columns.Reason, list.Select(r => r.Reason)));
    }
}
