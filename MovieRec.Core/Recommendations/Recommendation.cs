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
public sealed record Recommendation(int Rank, int MovieId, string Title, int Year, string Genres, string PosterUrl, double Score, string Reason);
