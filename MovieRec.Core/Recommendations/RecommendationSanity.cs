using MovieRec.Evaluation;

namespace MovieRec.Recommendations;

/// <summary>
/// Measured sanity of the engines on a per-user 80/20 split: the recommender is built on the 80% and each engine's top-k
/// lists for a sample of users are checked against the held-out 20%.
/// </summary>
/// <remarks>
/// Per engine (svd, ml, content, hybrid, and most-popular as the reference): <c>titleless</c> recommendations (must be 0),
/// <c>distinctScores</c> (share of lists whose k scores are all different: no wall of 1.0), <c>longestTie</c> (the longest
/// run of identical scores in any list), <c>saturatedLists</c> (share of lists whose k scores all lie within
/// <see cref="SaturationSpread"/>, e.g. ten like probabilities between 0.9955 and 0.9966), <c>topGenreShare</c> (share
/// of recommended movies sharing a genre with the user's top genres) against <c>randomGenreShare</c> (the same for random
/// unrated movies: the exact share over every titled movie the user has not rated, not a sample), <c>hitRate</c> (share of users with a held-out liked movie in their top k) and <c>ndcg</c> (NDCG@k of the
/// held-out likes), both measured by <see cref="Evaluator"/> over <see cref="MovieRecommender.AsScorer"/>, exactly as every
/// algorithm is measured. The similar-movie check
/// compares how often a movie's k nearest neighbours share a genre with it against random pairs.
/// </remarks>
public static class RecommendationSanity
{
    /// <summary>A list whose scores all lie within this of each other is saturated: its order says nothing.</summary>
    public const double SaturationSpread = 0.002;

    /// <summary>Runs every check; returns the per-engine table and the neighbour genre rates.</summary>
    /// <param name="data">All ratings (split here) with the movies table, tags and genome.</param>
    /// <param name="options">The recommender's options.</param>
    /// <param name="users">How many users with held-out likes to sample; null: all of them.</param>
    /// <param name="k">List length.</param>
    /// <param name="seed">Seed of the split and the sample.</param>
    public static (DataFrame Engines, double NeighbourGenreShare, double RandomPairGenreShare) Measure(RatingDataset data, RecommenderOptions? options = null,
        int? users = null, int k = 10, int seed = 42)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.RequireMovies("The recommendation sanity check");
        options ??= new RecommenderOptions();
        var (train, heldOut) = data.HoldOut(0.2, seed);
        var recommender = MovieRecommender.Build(train, options);
        var catalog = recommender.Catalog;
        var rng = new Random(seed);
        var heldOutLikes = HeldOutLikes(heldOut, options.Features.LikeThreshold);
        var sample = recommender.Ratings.UserIds.Where(heldOutLikes.ContainsKey).OrderBy(_ => rng.Next()).Take(users ?? int.MaxValue).Order().ToArray();

        // Hit rate: Evaluator over each composed engine, on the sampled users' held-out ratings, a movie relevant when liked.
        var sampled = sample.ToHashSet();
        var test = heldOut.Filter([.. heldOut.ToArray<int>(Columns.UserId).Select(sampled.Contains)]);
        var evaluation = new EvaluationOptions { K = k, LikeThreshold = options.Features.LikeThreshold };
        RankingReport Ranking(IDenseScorer scorer) => Evaluator.Evaluate(scorer, test, evaluation).Ranking!;

        var genreSets = catalog.Genres.Select(g => g.Split('|')).ToArray();
        string[] names = [.. RecommenderEngines.Names, "popular"];
        var rows = new List<(string Engine, int Titleless, double Distinct, int LongestTie, double Saturated, double TopGenre, double RandomGenre, double HitRate, double Ndcg)>();
        foreach (var name in names)
        {
            int titleless = 0, distinct = 0, longestTie = 0, saturated = 0, genreHits = 0, genreTotal = 0;
            long randomHits = 0, randomTotal = 0;
            foreach (var user in sample)
            {
                var list = RecommenderEngines.TryParse(name, out var engine) ? recommender.Recommend(user, engine, k) : Popular(recommender, user, k);
                titleless += list.Count(r => string.IsNullOrWhiteSpace(r.Title));
                if (list.Select(r => r.Score).Distinct().Count() == list.Count) distinct++;
                longestTie = Math.Max(longestTie, LongestTie(list));
                if (list.Count > 1 && list.Max(r => r.Score) - list.Min(r => r.Score) < SaturationSpread) saturated++;
                var top = recommender.Profile(user).TopGenres.ToHashSet();
                genreHits += list.Count(r => r.Genres.Split('|').Any(top.Contains));
                genreTotal += list.Count;
                var (shared, unrated) = RandomGenreShare(recommender, user, top, genreSets);
                randomHits += shared;
                randomTotal += unrated;
            }

            var scorer = RecommenderEngines.TryParse(name, out var scored) ? recommender.AsScorer(scored) : new MostPopular().Fit(recommender.Ratings);
            var ranking = Ranking(scorer);
            rows.Add((name, titleless, distinct / (double)sample.Length, longestTie, saturated / (double)sample.Length, genreHits / (double)Math.Max(1, genreTotal), randomHits / (double)Math.Max(1, randomTotal),
                ranking.HitRate, ranking.Ndcg));
        }

        var (neighbours, randomPairs) = NeighbourGenreShare(recommender, k, seed: seed);
        var frame = new DataFrame(
            new StringDataFrameColumn("engine", rows.Select(r => r.Engine)),
            new Int32DataFrameColumn("titleless", rows.Select(r => r.Titleless)),
            new DoubleDataFrameColumn("distinctScores", rows.Select(r => r.Distinct)),
            new Int32DataFrameColumn("longestTie", rows.Select(r => r.LongestTie)),
            new DoubleDataFrameColumn("saturatedLists", rows.Select(r => r.Saturated)),
            new DoubleDataFrameColumn("topGenreShare", rows.Select(r => r.TopGenre)),
            new DoubleDataFrameColumn("randomGenreShare", rows.Select(r => r.RandomGenre)),
            new DoubleDataFrameColumn("hitRate", rows.Select(r => r.HitRate)),
            new DoubleDataFrameColumn("ndcg", rows.Select(r => r.Ndcg)));
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
            var m = rng.Next(catalog.Count);
            var genres = catalog.Genres[m].Split('|').ToHashSet();
            foreach (var s in recommender.Space.MostSimilar(catalog.MovieIds[m], k))
            {
                neighbourShared += catalog.Genres[recommender.Ratings.MovieIndex(s.MovieId)].Split('|').Any(genres.Contains) ? 1 : 0;
                neighbourTotal++;
                randomShared += catalog.Genres[rng.Next(catalog.Count)].Split('|').Any(genres.Contains) ? 1 : 0;
                randomPairs++;
            }
        }

        return (neighbourShared / (double)Math.Max(1, neighbourTotal), randomShared / (double)Math.Max(1, randomPairs));
    }

    /// <summary>Of the titled movies <paramref name="userId"/> has not rated, how many share a genre with <paramref name="top"/>:
    /// the exact expectation of random picks, without sampling noise.</summary>
    private static (int Shared, int Unrated) RandomGenreShare(MovieRecommender recommender, int userId, HashSet<string> top, string[][] genreSets)
    {
        var rated = recommender.Ratings.ItemsOf(recommender.Ratings.UserIndex(userId)).ToArray().ToHashSet();
        int shared = 0, unrated = 0;
        for (var m = 0; m < genreSets.Length; m++)
        {
            if (rated.Contains(m) || recommender.Catalog.Untitled(m)) continue;
            unrated++;
            if (genreSets[m].Any(top.Contains)) shared++;
        }

        return (shared, unrated);
    }

    private static Dictionary<int, HashSet<int>> HeldOutLikes(DataFrame heldOut, double likeThreshold) =>
        heldOut.ToArray<int>(Columns.UserId).Zip(heldOut.ToArray<int>(Columns.MovieId), heldOut.ToArray<double>(Columns.Rating))
            .Where(t => t.Third >= likeThreshold).GroupBy(t => t.First).ToDictionary(g => g.Key, g => g.Select(t => t.Second).ToHashSet());

    /// <summary>The longest run of identical scores in a ranked list (1 when all differ, 0 when empty).</summary>
    public static int LongestTie(IReadOnlyList<Recommendation> list)
    {
        ArgumentNullException.ThrowIfNull(list);
        int longest = list.Count > 0 ? 1 : 0, run = 1;
        for (var i = 1; i < list.Count; i++)
        {
            run = list[i].Score == list[i - 1].Score ? run + 1 : 1;
            longest = Math.Max(longest, run);
        }

        return longest;
    }

    private static IReadOnlyList<Recommendation> Popular(MovieRecommender recommender, int userId, int k)
    {
        var seen = recommender.Ratings.ItemsOf(recommender.Ratings.UserIndex(userId)).ToArray().Select(i => recommender.Ratings.ItemIds[i]).ToHashSet();
        return [.. recommender.ColdStart(k + seen.Count).Where(r => !seen.Contains(r.MovieId)).Take(k)];
    }
}
