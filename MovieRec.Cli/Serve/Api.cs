using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using MovieRec.Analysis;
using MovieRec.Cli.Commands;

namespace MovieRec.Cli.Serve;

/// <summary>The JSON endpoints of the web app, over one loaded <see cref="MovieRecommender"/>.</summary>
/// <remarks>Every bad parameter is a 400 problem naming it; an unknown movie or user (where one is required) is a 404
/// problem; an unknown user asking for recommendations gets the labelled cold-start list, as the library documents.</remarks>
internal sealed class Api
{
    private readonly MovieRecommender _recommender;
    private readonly Lazy<JsonObject> _summary;
    private readonly Lazy<JsonObject> _models;

    public Api(MovieRecommender recommender, string datasetName)
    {
        _recommender = recommender;
        _summary = new(() => Summary(recommender, datasetName));
        _models = new(() => Models(recommender));
    }

    public IResult GetSummary() => Results.Json(_summary.Value);

    public IResult GetModels() => Results.Json(_models.Value);

    public IResult SearchMovies(string? q, string? limitText)
    {
        if (Int(limitText, "limit", out var limit) is { } bad) return bad;
        if (string.IsNullOrWhiteSpace(q)) return Problem("q", "q is required: part of a title, e.g. 'toy'.");
        if (q.Length > 200) return Problem("q", "q is longer than 200 characters.");
        if (Count(limit, 10) is not { } n) return Problem("limit", $"limit must be between 1 and {WebAppOptions.Defaults.MaxCount}.");
        return Results.Json(_recommender.Catalog.Search(q, n).Select(Card).ToArray());
    }

    public IResult GetMovie(string movieIdText)
    {
        if (Int(movieIdText, "movieId", out var id) is { } bad) return bad;
        var movieId = id!.Value;
        if (_recommender.Catalog.Details(movieId) is not { } d) return NotFound("movieId", $"No movie has id {movieId}.");
        var (count, mean) = _recommender.Ratings.MovieStatistics(movieId);
        return Results.Json(new MovieDetailsItem(d.MovieId, d.Title, d.Year, SplitList(d.Genres), NullIfEmpty(d.PosterUrl), d.Overview, SplitList(d.Actors), SplitList(d.Directors),
            count, mean is { } m ? Math.Round(m, 3) : null));
    }

    public IResult GetSimilar(string movieIdText, string? nText)
    {
        if (Int(movieIdText, "movieId", out var id) is { } badId) return badId;
        if (Int(nText, "n", out var n) is { } bad) return bad;
        var movieId = id!.Value;
        if (Count(n, 10) is not { } count) return Problem("n", $"n must be between 1 and {WebAppOptions.Defaults.MaxCount}.");
        if (_recommender.Catalog.Details(movieId) is not { } movie) return NotFound("movieId", $"No movie has id {movieId}.");
        var genres = SplitList(movie.Genres).ToHashSet();
        return Results.Json(_recommender.Similar(movieId, count).Select(r => new SimilarItem(r.Rank, r.MovieId, r.Title, r.Year, SplitList(r.Genres), NullIfEmpty(r.PosterUrl),
            Math.Round(r.Score, 6), [.. SplitList(r.Genres).Where(genres.Contains)])).ToArray());
    }

    public IResult GetUsers() =>
        Results.Json(_recommender.Ratings.UserIds.Select((id, u) => new UserItem(id, _recommender.Ratings.ItemsOf(u).Length)).ToArray());

    public IResult GetProfile(string userIdText)
    {
        if (Int(userIdText, "userId", out var id) is { } bad) return bad;
        var userId = id!.Value;
        if (_recommender.Ratings.UserIndex(userId) < 0) return NotFound("userId", $"User {userId} has no ratings.");
        var p = _recommender.Profile(userId);
        return Results.Json(new JsonObject
        {
            ["userId"] = p.UserId, ["ratings"] = p.Ratings, ["mean"] = Math.Round(p.Mean, 3), ["stdDev"] = Math.Round(p.StdDev, 3), ["behaviour"] = p.Behaviour,
            ["likeRatio"] = Finite(p.LikeRatio), ["topGenres"] = Strings(p.TopGenres), ["topActors"] = Strings(p.TopActors), ["topDirectors"] = Strings(p.TopDirectors),
            ["modernLikeRatio"] = Finite(p.ModernLikeRatio), ["olderLikeRatio"] = Finite(p.OlderLikeRatio),
            ["favouriteDecades"] = new JsonArray([.. p.FavouriteDecades.Select(d => (JsonNode)JsonValue.Create(d))]),
            ["ratingDistribution"] = FrameOutput.ToJson(p.RatingDistribution), ["genreTaste"] = FrameOutput.ToJson(p.GenreTaste),
        });
    }

    public IResult Recommend(string userIdText, string? engine, string? nText, string? genres, string? minYearText, string? maxYearText, string? minRatingsText)
    {
        if (Int(userIdText, "userId", out var id) is { } badId) return badId;
        if (Int(nText, "n", out var n) is { } badN) return badN;
        if (Int(minYearText, "minYear", out var minYear) is { } badMin) return badMin;
        if (Int(maxYearText, "maxYear", out var maxYear) is { } badMax) return badMax;
        if (Int(minRatingsText, "minRatings", out var minRatings) is { } badRatings) return badRatings;
        var userId = id!.Value;
        var which = RecommenderEngines.Default;
        if (engine is not null && !RecommenderEngines.TryParse(engine, out which)) return Problem("engine", $"engine must be one of {string.Join(", ", RecommenderEngines.Names)}.");
        engine = RecommenderEngines.NameOf(which);
        if (Count(n, 10) is not { } count) return Problem("n", $"n must be between 1 and {WebAppOptions.Defaults.MaxCount}.");
        if (minYear is < 1800 or > 2200) return Problem("minYear", "minYear must be a year between 1800 and 2200.");
        if (maxYear is < 1800 or > 2200) return Problem("maxYear", "maxYear must be a year between 1800 and 2200.");
        if (minYear > maxYear) return Problem("minYear", "minYear is after maxYear.");
        if (minRatings is < 0) return Problem("minRatings", "minRatings must not be negative.");
        var filter = new RecommendationFilter
        {
            Genres = string.IsNullOrWhiteSpace(genres) ? null : SplitList(genres.Replace(',', '|')),
            MinYear = minYear, MaxYear = maxYear, MinRatings = minRatings ?? 0,
        };
        var coldStart = _recommender.Ratings.UserIndex(userId) < 0;
        var items = _recommender.Recommend(userId, which, count, filter).Select(RecommendationItem.From).ToArray();
        return Results.Json(new RecommendationList(userId, coldStart ? "cold start" : engine, coldStart, items));
    }

    public IResult RecommendForNewUser(NewUserRequest? request)
    {
        if (request?.Ratings is not { Count: > 0 } ratings) return Problem("ratings", "ratings must list at least one {movieId, rating}.");
        if (ratings.Count > 200) return Problem("ratings", "ratings may list at most 200 movies.");
        if (Count(request.N, 10) is not { } count) return Problem("n", $"n must be between 1 and {WebAppOptions.Defaults.MaxCount}.");
        var seen = new HashSet<int>();
        foreach (var r in ratings)
        {
            if (!seen.Add(r.MovieId)) return Problem("ratings", $"Movie {r.MovieId} is rated more than once; rate each movie once.");
            if (_recommender.Ratings.MovieIndex(r.MovieId) < 0) return NotFound("ratings", $"No movie has id {r.MovieId}.");
            var (low, high) = (_recommender.Ratings.MinRating, _recommender.Ratings.MaxRating); // the dataset's own scale
            if (!(r.Rating >= low && r.Rating <= high)) return Problem("ratings", string.Create(CultureInfo.InvariantCulture, $"The rating of movie {r.MovieId} must be between {low} and {high} stars."));
        }

        var items = _recommender.RecommendForNewUser([.. ratings.Select(r => (r.MovieId, r.Rating))], count).Select(RecommendationItem.From).ToArray();
        return Results.Json(new RecommendationList(null, "svd fold-in", false, items));
    }

    /// <summary>Parses an optional integer parameter; a problem naming it when the text is not an integer.</summary>
    private static IResult? Int(string? text, string name, out int? value)
    {
        value = null;
        if (text is null) return null;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v))
        {
            value = v;
            return null;
        }

        return Problem(name, $"{name} must be an integer, not '{(text.Length > 40 ? text[..40] + "…" : text)}'.");
    }

    internal static string[] SplitList(string value) => [.. value.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(v => v != "(no genres listed)")];

    internal static string? NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static int? Count(int? value, int fallback) => value is null ? fallback : value is >= 1 and <= WebAppOptions.Defaults.MaxCount ? value : null;

    private static IResult Problem(string parameter, string detail) =>
        Results.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: $"Bad parameter '{parameter}'", extensions: new Dictionary<string, object?> { ["parameter"] = parameter });

    private static IResult NotFound(string parameter, string detail) =>
        Results.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: $"Unknown {parameter}", extensions: new Dictionary<string, object?> { ["parameter"] = parameter });

    private MovieCard Card(int movieId)
    {
        var d = _recommender.Catalog.Details(movieId)!;
        return new(d.MovieId, d.Title, d.Year, SplitList(d.Genres), NullIfEmpty(d.PosterUrl));
    }

    private static JsonNode? Finite(double value) => double.IsFinite(value) ? JsonValue.Create(Math.Round(value, 3)) : null;

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);

    private static JsonObject Summary(MovieRecommender recommender, string datasetName)
    {
        var ratings = recommender.Ratings.ToDataFrame();
        var info = recommender.Info;
        var summary = DatasetSummary.Compute(datasetName, recommender.Ratings); // the numbers `movierec data summary` prints
        static string Date(DateTimeOffset time) => time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["dataset"] = datasetName,
            ["ratings"] = info.Ratings,
            ["users"] = info.Users,
            ["movies"] = info.Movies,
            ["ratedMovies"] = summary.RatedMovies,
            ["meanRating"] = Math.Round(summary.MeanRating, 3),
            ["density"] = Math.Round(summary.Density, 6),
            ["firstRating"] = Date(summary.FirstRating),
            ["lastRating"] = Date(summary.LastRating),
            ["fingerprint"] = info.DatasetFingerprint,
            ["ratingHistogram"] = FrameOutput.ToJson(Eda.RatingHistogram(ratings)),
            ["genres"] = FrameOutput.ToJson(Eda.GenreCounts(ratings, recommender.Movies)),
            ["ratingsPerYear"] = FrameOutput.ToJson(Eda.RatingsOverTime(ratings)),
            ["ratingsPerUser"] = FrameOutput.ToJson(Eda.RatingsPerEntity(ratings, byUser: true)),
        };
    }

    private static JsonObject Models(MovieRecommender recommender) => new()
    {
        ["classifier"] = recommender.ClassifierSelection.Chosen.Name,
        ["classifierSelection"] = FrameOutput.ToJson(recommender.ClassifierSelection.ToDataFrame()),
        ["hybridSelection"] = FrameOutput.ToJson(recommender.HybridSelection.ToDataFrame()),
        ["hybridValidationUsers"] = recommender.HybridSelection.ValidationUsers,
        ["svdFactors"] = recommender.Svd.SingularValues.Count,
        ["seed"] = recommender.Info.Seed,
        ["features"] = recommender.Features.FeatureNames.Count,
        ["experiment"] = recommender.ModelReport is { } report
            ? new JsonObject { ["metrics"] = FrameOutput.ToJson(report.Metrics), ["bestParameters"] = FrameOutput.ToJson(report.BestParameters) }
            : null,
    };
}
