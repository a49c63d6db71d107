namespace MovieRec.Cli.Serve;

/// <summary>A movie in a list: search suggestions, recommendations, neighbours.</summary>
internal sealed record MovieCard(int MovieId, string Title, int Year, string[] Genres, string? PosterUrl);

/// <summary>One recommendation as the API returns it.</summary>
internal sealed record RecommendationItem(int Rank, int MovieId, string Title, int Year, string[] Genres, string? PosterUrl, double Score, string Reason)
{
    public static RecommendationItem From(Recommendation r) =>
        new(r.Rank, r.MovieId, r.Title, r.Year, Api.SplitList(r.Genres), Api.NullIfEmpty(r.PosterUrl), Math.Round(r.Score, 6), r.Reason);
}

/// <summary>The recommendations of one engine for one user.</summary>
internal sealed record RecommendationList(int? UserId, string Engine, bool ColdStart, IReadOnlyList<RecommendationItem> Items);

/// <summary>A movie's details with its rating statistics.</summary>
internal sealed record MovieDetailsItem(int MovieId, string Title, int Year, string[] Genres, string? PosterUrl, string Overview, string[] Actors, string[] Directors, int Ratings, double? MeanRating);

/// <summary>A neighbour of a movie.</summary>
internal sealed record SimilarItem(int Rank, int MovieId, string Title, int Year, string[] Genres, string? PosterUrl, double Similarity, string[] SharedGenres);

/// <summary>A user in the picker.</summary>
internal sealed record UserItem(int UserId, int Ratings);

/// <summary>One (movie, rating) of a new visitor.</summary>
internal sealed record VisitorRating(int MovieId, double Rating);

/// <summary>The body of <c>POST /api/recommendations/new-user</c>.</summary>
internal sealed record NewUserRequest(IReadOnlyList<VisitorRating>? Ratings, int? N);
