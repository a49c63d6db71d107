namespace MovieRec.Data;

/// <summary>The output of <see cref="DataCleaning.Clean(DataFrame, DataFrame)"/>.</summary>
/// <param name="Ratings">Cleaned ratings (userId, movieId, rating Double, timestamp), one per (user, movie).</param>
/// <param name="Movies">Cleaned movies: no null text, <c>releaseYear</c> always set.</param>
/// <param name="Report">What was changed and how often.</param>
public sealed record CleanResult(DataFrame Ratings, DataFrame Movies, CleaningReport Report)
{
    /// <summary>The full interaction table: ratings joined with their movies (see <see cref="DataMerge.RatingsWithMovies"/>).</summary>
    public DataFrame Interactions() => DataMerge.RatingsWithMovies(Ratings, Movies);
}
