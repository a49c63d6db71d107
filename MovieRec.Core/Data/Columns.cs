namespace MovieRec.Data;

/// <summary>
/// The canonical column names, defined once. Every DataFrame that MovieRec produces or accepts uses them.
/// </summary>
/// <remarks>
/// The scheme is MovieLens' own camelCase header style (<c>userId</c>, <c>movieId</c>, <c>tmdbId</c>), extended to
/// the metadata fields. Whatever the source format (100k <c>u.data</c>, 1M/10M <c>.dat</c>, CSV releases, the seed
/// project's <c>movie_metadata.csv</c> with <c>tmdb_id</c>/<c>poster_url</c>, Kaggle's TMDB <c>poster_path</c>), loaders
/// rename to these names, so later stages never see a source-specific name.
/// </remarks>
public static class Columns
{
    /// <summary>User identifier (Int32).</summary>
    public const string UserId = "userId";
    /// <summary>MovieLens movie identifier (Int32).</summary>
    public const string MovieId = "movieId";
    /// <summary>Star rating (Double), on the release's scale (see <see cref="RatingScale"/>).</summary>
    public const string Rating = "rating";
    /// <summary>Seconds since the Unix epoch, UTC (Int64).</summary>
    public const string Timestamp = "timestamp";
    /// <summary>MovieLens title with the year in parentheses, e.g. "Toy Story (1995)" (String).</summary>
    public const string Title = "title";
    /// <summary>MovieLens genres, <c>|</c>-joined, e.g. "Adventure|Animation" (String).</summary>
    public const string Genres = "genres";
    /// <summary>IMDb numeric identifier without the "tt" prefix (Int32, nullable).</summary>
    public const string ImdbId = "imdbId";
    /// <summary>TMDB identifier (Int32, nullable).</summary>
    public const string TmdbId = "tmdbId";
    /// <summary>A user's free-text tag (String).</summary>
    public const string Tag = "tag";
    /// <summary>Tag-genome tag identifier (Int32).</summary>
    public const string TagId = "tagId";
    /// <summary>Tag-genome relevance in [0, 1] (Single).</summary>
    public const string Relevance = "relevance";
    /// <summary>Plot overview text (String).</summary>
    public const string Overview = "overview";
    /// <summary>Full poster image URL (String; empty when unknown).</summary>
    public const string PosterUrl = "posterUrl";
    /// <summary>Genres from the metadata source, <c>|</c>-joined; kept apart from the canonical MovieLens <see cref="Genres"/> (the issue's <c>genres_meta</c>).</summary>
    public const string GenresMeta = "genresMeta";
    /// <summary>Title as given by the metadata source (String); the MovieLens <see cref="Title"/> stays canonical.</summary>
    public const string TitleMeta = "titleMeta";
    /// <summary>Release year (Int32; nullable before cleaning).</summary>
    public const string ReleaseYear = "releaseYear";
    /// <summary>Leading actors, <c>|</c>-joined in billing order (String).</summary>
    public const string Actors = "actors";
    /// <summary>Directors, <c>|</c>-joined (String).</summary>
    public const string Directors = "directors";
    /// <summary>TMDB keywords, <c>|</c>-joined (String).</summary>
    public const string Keywords = "keywords";

    /// <summary>Output: a predicted rating or like probability of a (user, movie) pair (Double).</summary>
    public const string Prediction = "prediction";
    /// <summary>Output: a ranking score, higher is better (Double).</summary>
    public const string Score = "score";
    /// <summary>Output: 1-based position in a user's list (Int32).</summary>
    public const string Rank = "rank";
    /// <summary>Output: cosine similarity of a neighbour to the query movie (Double).</summary>
    public const string Similarity = "similarity";
    /// <summary>Output: why a movie was recommended (String).</summary>
    public const string Reason = "reason";
    /// <summary>Output: release year of a recommended movie (Int32).</summary>
    public const string Year = "year";
    /// <summary>Output: true when a prediction used the model's fallback for an unknown user or movie (Boolean).</summary>
    public const string Fallback = "fallback";
}
