namespace MovieRec.Data;

/// <summary>Joins of the data layer: movies with links and metadata, ratings with movies. Hash joins over typed arrays.</summary>
public static class DataMerge
{
    private static readonly string[] MetadataColumns =
    [
        Columns.TitleMeta, Columns.Overview, Columns.PosterUrl, Columns.GenresMeta, Columns.ReleaseYear,
        Columns.Actors, Columns.Directors, Columns.Keywords,
    ];

    /// <summary>
    /// Movies left-joined with links and metadata on movieId: every movie keeps one row, in its original order.
    /// </summary>
    /// <remarks>
    /// The MovieLens <c>title</c> and <c>genres</c> stay canonical; the metadata's title and genres arrive as
    /// <c>titleMeta</c> and <c>genresMeta</c>. <c>tmdbId</c> comes from links, else from the metadata. Movies without
    /// metadata get nulls, which <see cref="DataCleaning.Clean(DataFrame, DataFrame)"/> fills.
    /// </remarks>
    public static DataFrame MoviesWithMetadata(DataFrame movies, DataFrame? metadata, DataFrame? links = null)
    {
        ArgumentNullException.ThrowIfNull(movies);
        var movieIds = movies.ToArray<int>(Columns.MovieId);
        var result = new DataFrame(movies.Columns.Select(c => c.Clone()));
        if (links is not null)
        {
            var map = LeftJoinMap(movieIds, links.ToArray<int>(Columns.MovieId));
            foreach (var name in new[] { Columns.ImdbId, Columns.TmdbId })
            {
                if (links.HasColumn(name) && !result.HasColumn(name)) result.Columns.Add(Gather(links[name], map));
            }
        }

        if (metadata is not null)
        {
            var map = LeftJoinMap(movieIds, metadata.ToArray<int>(Columns.MovieId));
            if (metadata.HasColumn(Columns.TmdbId))
            {
                var fromMeta = (PrimitiveDataFrameColumn<int>)Gather(metadata[Columns.TmdbId], map);
                if (result.HasColumn(Columns.TmdbId))
                {
                    var existing = (PrimitiveDataFrameColumn<int>)result[Columns.TmdbId];
                    for (long i = 0; i < existing.Length; i++) existing[i] ??= fromMeta[i];
                }
                else
                {
                    result.Columns.Add(fromMeta);
                }
            }

            foreach (var name in MetadataColumns)
            {
                if (metadata.HasColumn(name) && !result.HasColumn(name)) result.Columns.Add(Gather(metadata[name], map));
            }
        }

        return result;
    }

    /// <summary>The full interaction table: each rating row followed by its movie's columns (left join on movieId).</summary>
    /// <remarks>Ratings whose movie is absent get nulls; clean first (<see cref="DataCleaning.Clean(DataFrame, DataFrame)"/> drops such orphans).</remarks>
    public static DataFrame RatingsWithMovies(DataFrame ratings, DataFrame movies)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        ArgumentNullException.ThrowIfNull(movies);
        var map = LeftJoinMap(ratings.ToArray<int>(Columns.MovieId), movies.ToArray<int>(Columns.MovieId));
        var result = new DataFrame(ratings.Columns.Select(c => c.Clone()));
        foreach (var column in movies.Columns)
        {
            if (!result.HasColumn(column.Name)) result.Columns.Add(Gather(column, map));
        }

        return result;
    }

    /// <summary>For each left key, the row of the right table holding it (first occurrence), or null.</summary>
    internal static Int64DataFrameColumn LeftJoinMap(int[] leftKeys, int[] rightKeys)
    {
        var rowOf = new Dictionary<int, long>(rightKeys.Length);
        for (var i = 0; i < rightKeys.Length; i++) rowOf.TryAdd(rightKeys[i], i);
        var builder = new Parsing.PrimitiveColumnBuilder<long>(leftKeys.Length);
        foreach (var key in leftKeys)
        {
            if (rowOf.TryGetValue(key, out var row)) builder.Add(row);
            else builder.AddNull();
        }

        return (Int64DataFrameColumn)builder.ToColumn("map");
    }

    private static DataFrameColumn Gather(DataFrameColumn column, Int64DataFrameColumn map) => column.Clone(map);
}
