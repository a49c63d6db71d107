using Microsoft.Data.Analysis;
using MovieRec.Data;
using MovieRec.Evaluation;

namespace MovieRec.Recommendations;

/// <summary>
/// Measured sanity of the engines on a per-user 80/20 split: the recommender is built on the 80% and each engine's top-k
/// lists for a sample of users are checked against the held-out 20%.
/// </summary>
/// <remarks>
/// Per engine (svd, ml, hybrid, and most-popular as the reference): <c>titleless</c> recommendations (must be 0),
/// <c>distinctScores</c> (share of lists whose k scores are all different: no wall of 1.0), <c>topGenreShare</c> (share
/// of recommended movies sharing a genre with the user's top genres) against <c>randomGenreShare</c> (the same for random
/// unrated movies), and <c>hitRate</c> (share of users with a held-out liked movie in their top k). The similar-movie check
/// compares how often a movie's k nearest neighbours share a genre with it against random pairs.
/// </remarks>
public static class RecommendationSanity
{
    /// <summary>Runs every check; returns the per-engine table and the neighbour genre rates.</summary>
    public static (DataFrame Engines, double NeighbourGenreShare, double RandomPairGenreShare) Measure(DataFrame ratings, DataFrame movies, RecommenderOptions? options = null,
        DataFrame? tags = null, GenomeMatrix? genome = null, int users = 100, int k = 10, int seed = 42)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        options ??= new RecommenderOptions();
        var split = Splitters.RandomPerUser(ratings, 0.2, seed);
        var recommender = MovieRecommender.Build(split.Train, movies, options, tags, genome);
        var catalog = recommender.Catalog;
        var rng = new Random(seed);
        var heldOutLikes = split.Test.ToArray<int>(Columns.UserId).Zip(split.Test.ToArray<int>(Columns.MovieId), split.Test.ToArray<double>(Columns.Rating))
            .Where(t => t.Third >= options.Features.LikeThreshold).GroupBy(t => t.First).ToDictionary(g => g.Key, g => g.Select(t => t.Second).ToHashSet());
        var sample = recommender.Ratings.UserIds.Where(heldOutLikes.ContainsKey).OrderBy(_ => rng.Next()).Take(users).Order().ToArray();

        string[] names = ["svd", "ml", "hybrid", "popular"];
        var rows = new List<(string Engine, int Titleless, double Distinct, double TopGenre, double RandomGenre, double HitRate)>();
        foreach (var name in names)
        {
            int titleless = 0, distinct = 0, hits = 0, genreHits = 0, genreTotal = 0, randomHits = 0, randomTotal = 0;
            foreach (var user in sample)
            {
                var list = name switch
                {
                    "svd" => recommender.Recommend(user, RecommenderEngine.Svd, k),
                    "ml" => recommender.Recommend(user, RecommenderEngine.Ml, k),
                    "hybrid" => recommender.Recommend(user, RecommenderEngine.Hybrid, k),
                    _ => Popular(recommender, user, k),
                };
                titleless += list.Count(r => string.IsNullOrWhiteSpace(r.Title));
                if (list.Select(r => r.Score).Distinct().Count() == list.Count) distinct++;
                if (list.Any(r => heldOutLikes[user].Contains(r.MovieId))) hits++;
                var top = recommender.Profile(user).TopGenres.ToHashSet();
                genreHits += list.Count(r => r.Genres.Split('|').Any(top.Contains));
                genreTotal += list.Count;
                for (var t = 0; t < k; t++)
                {
                    var m = rng.Next(catalog.MovieIds.Length);
                    randomHits += catalog.Genres[m].Split('|').Any(top.Contains) ? 1 : 0;
                    randomTotal++;
                }
            }

            rows.Add((name, titleless, distinct / (double)sample.Length, genreHits / (double)Math.Max(1, genreTotal), randomHits / (double)Math.Max(1, randomTotal), hits / (double)sample.Length));
        }

        var (neighbours, randomPairs) = NeighbourGenreShare(recommender, k, seed: seed);
        var frame = new DataFrame(
            new StringDataFrameColumn("engine", rows.Select(r => r.Engine)),
            new Int32DataFrameColumn("titleless", rows.Select(r => r.Titleless)),
            new DoubleDataFrameColumn("distinctScores", rows.Select(r => r.Distinct)),
            new DoubleDataFrameColumn("topGenreShare", rows.Select(r => r.TopGenre)),
            new DoubleDataFrameColumn("randomGenreShare", rows.Select(r => r.RandomGenre)),
            new DoubleDataFrameColumn("hitRate", rows.Select(r => r.HitRate)));
        return (frame, neighbours, randomPairs);
    }

    /// <summary>
    /// How often the <paramref name="k"/> nearest neighbours of <paramref name="queries"/> random movies share at least
    /// one genre with them, against as many random pairs: a check of the whole similarity space, not of one example.
    /// </summary>
    public static (double Neighbours, double RandomPairs) NeighbourGenreShare(MovieRecommender recommender, int k = 10, int queries = 200, int seed = 42)
    {
        ArgumentNullException.ThrowIfNull(recommender);
        var catalog = recommender.Catalog;
        var rng = new Random(seed);
        int neighbourShared = 0, neighbourTotal = 0, randomShared = 0, randomPairs = 0;
        for (var q = 0; q < queries; q++)
        {
            var m = rng.Next(catalog.MovieIds.Length);
            var genres = catalog.Genres[m].Split('|').ToHashSet();
            foreach (var s in recommender.Space.MostSimilar(catalog.MovieIds[m], k))
            {
                neighbourShared += catalog.Genres[catalog.RowOf(s.MovieId)].Split('|').Any(genres.Contains) ? 1 : 0;
                neighbourTotal++;
                randomShared += catalog.Genres[rng.Next(catalog.MovieIds.Length)].Split('|').Any(genres.Contains) ? 1 : 0;
                randomPairs++;
            }
        }

        return (neighbourShared / (double)Math.Max(1, neighbourTotal), randomShared / (double)Math.Max(1, randomPairs));
    }

    private static IReadOnlyList<Recommendation> Popular(MovieRecommender recommender, int userId, int k)
    {
        var seen = recommender.Ratings.ItemsOf(recommender.Ratings.UserIndex(userId)).ToArray().Select(i => recommender.Ratings.ItemIds[i]).ToHashSet();
        return [.. recommender.ColdStart(k + seen.Count).Where(r => !seen.Contains(r.MovieId)).Take(k)];
    }
}
