namespace MovieRec.Data;

/// <summary>What the catalog knows about one movie (empty strings where the metadata has nothing).</summary>
/// <param name="MovieId">The MovieLens id.</param>
/// <param name="Title">The title, with its year as MovieLens writes it.</param>
/// <param name="Year">The release year (0 when unknown).</param>
/// <param name="Genres">Pipe-separated genres.</param>
/// <param name="PosterUrl">The poster's URL, or empty.</param>
/// <param name="Overview">The plot overview, or empty.</param>
/// <param name="Actors">Pipe-separated leading actors, or empty.</param>
/// <param name="Directors">Pipe-separated directors, or empty.</param>
public sealed record MovieDetails(int MovieId, string Title, int Year, string Genres, string PosterUrl, string Overview, string Actors, string Directors);
