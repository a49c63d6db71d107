namespace MovieRec.Tests.Recommendations;

/// <summary>The measured sanity checks: no titleless movies, no walls of equal scores, genre-aware lists and neighbours.</summary>
public sealed class SanityTests
{
    [Fact]
    public void Engines_on_the_synthetic_sample_are_sane()
    {
        var ds = MovieLensLoader.Load(TestPaths.Sample);
        var clean = DataCleaning.Clean(ds);
        var (engines, neighbours, randomPairs) = RecommendationSanity.Measure(RatingDataset.From(clean.Ratings, clean.Movies, ds.Tags, ds.Genome), users: 60);
        Check(engines, neighbours, randomPairs);
    }

    [RealDataFact]
    [Trait("Category", "RealData")]
    public void Engines_on_ml_latest_small_with_tmdb_are_sane_and_svd_beats_popularity_on_held_out_likes()
    {
        var ds = MovieLensLoader.Load(TestPaths.MlLatestSmall);
        var clean = DataCleaning.Clean(ds, MovieMetadataLoader.Load(Path.Combine(TestPaths.TmdbSample, "movies_metadata.csv"), ds.Links));
        var (engines, neighbours, randomPairs) = RecommendationSanity.Measure(RatingDataset.From(clean.Ratings, clean.Movies, ds.Tags));
        Check(engines, neighbours, randomPairs);
        var hit = Column(engines, "hitRate");
        Assert.True(hit["svd"] > hit["popular"], $"svd hit rate {hit["svd"]:F3} vs popular {hit["popular"]:F3}");
        Assert.True(hit["ml"] >= hit["popular"], $"ml hit rate {hit["ml"]:F3} vs popular {hit["popular"]:F3}");
        var ndcg = Column(engines, "ndcg");
        foreach (var other in new[] { "svd", "ml", "content", "popular" })
        {
            Assert.True(hit["hybrid"] > hit[other], $"hybrid hit rate {hit["hybrid"]:F3} vs {other} {hit[other]:F3}");
            Assert.True(ndcg["hybrid"] > ndcg[other], $"hybrid NDCG {ndcg["hybrid"]:F3} vs {other} {ndcg[other]:F3}");
        }

        // The ML engine's lists: no run of more than two identical scores, no list whose scores all lie within 0.002.
        Assert.True(Column(engines, "longestTie")["ml"] <= 2, $"ml longest tie {Column(engines, "longestTie")["ml"]}");
        Assert.Equal(0, Column(engines, "saturatedLists")["ml"]);
    }

    [Fact]
    public void Space_tuning_measures_co_rating_agreement_and_genre_dominance_on_held_out_ratings()
    {
        var ds = MovieLensLoader.Load(TestPaths.Sample);
        var clean = DataCleaning.Clean(ds);
        MovieRec.Features.MovieSpaceOptions genreOnly = new() { NumericWeight = 0, GenreWeight = 1, TextWeight = 0, GenomeWeight = 0 };
        MovieRec.Features.MovieSpaceOptions numericOnly = new() { NumericWeight = 1, GenreWeight = 0, TextWeight = 0, GenomeWeight = 0 };
        var table = MovieSpaceTuning.Compare(RatingDataset.From(clean.Ratings, clean.Movies, ds.Tags, ds.Genome), [genreOnly, numericOnly, new()], queries: 50);
        Assert.Equal(3, table.Rows.Count);
        var agreement = table.ToArray<double>("agreement");
        Assert.True(agreement.Zip(agreement.Skip(1)).All(p => p.First >= p.Second), "best first");
        Assert.All(agreement, a => Assert.InRange(a, 0, 1));
        var same = table.ToArray<double>("sameGenres");
        var genreRow = Enumerable.Range(0, 3).Single(r => MovieSpaceTuning.Weights(table, r).GenreWeight == 1 && MovieSpaceTuning.Weights(table, r).NumericWeight == 0);
        var numericRow = Enumerable.Range(0, 3).Single(r => MovieSpaceTuning.Weights(table, r).GenreWeight == 0);
        Assert.True(same[genreRow] > same[numericRow], $"genre-only neighbours share the exact genres {same[genreRow]:F2}, numeric-only {same[numericRow]:F2}");
        Assert.Equal(1.0, table.ToArray<double>("sharedGenre")[genreRow]);
        Assert.True(agreement.Max() > 0, "some neighbour was co-rated");
    }

    [Fact]
    [Trait("Category", "Integration")] // compared with the tool's own fit (SampleBundle)
    public async Task Hybrid_weights_are_learned_on_validation_and_svd_alone_ranks_as_the_svd_engine()
    {
        var ds = MovieLensLoader.Load(TestPaths.Sample);
        var clean = DataCleaning.Clean(ds);
        var data = RatingDataset.From(clean.Ratings, clean.Movies, ds.Tags, ds.Genome);
        var learned = MovieRecommender.Build(data).HybridSelection;
        Assert.InRange(learned.ValidationUsers, 1, RecommenderOptions.Defaults.HybridValidationUsers);
        Assert.True(learned.HybridNdcg >= new[] { learned.SvdNdcg, learned.LikeNdcg, learned.ContentNdcg }.Max(), "coordinate ascent starts from the best single component");
        Assert.All(new[] { learned.Weights.Svd, learned.Weights.Like, learned.Weights.Content }, w => Assert.Contains(w, new RecommenderOptions().HybridWeightGrid.Append(1)));

        // Reproducible to the digit: the tool's own fit of the same data, in another process (the shared bundle), learned the same.
        var (bundle, _) = await SampleBundle.GetAsync();
        Assert.Equal(learned, MovieRecommender.Load(bundle).HybridSelection);

        // Given weights skip the validation; one classifier candidate skips the classifier's (the svd ranking needs neither).
        var svdOnly = MovieRecommender.Build(data, new RecommenderOptions { HybridWeights = HybridWeights.SvdOnly, Like = new() { Classifiers = [ClassifierCandidate.LogisticRegression] } });
        Assert.Equal(HybridSelection.Given(HybridWeights.SvdOnly), svdOnly.HybridSelection);
        foreach (var user in svdOnly.Ratings.UserIds.Take(20))
        {
            Assert.Equal(svdOnly.Recommend(user, RecommenderEngine.Svd, 10).Select(r => r.MovieId), svdOnly.Recommend(user, RecommenderEngine.Hybrid, 10).Select(r => r.MovieId));
        }
    }

    [Fact]
    public void Longest_tie_counts_runs_of_equal_scores()
    {
        static Recommendation R(double score) => new(1, 1, "t", 2000, "Drama", "", score, "r");
        Assert.Equal(0, RecommendationSanity.LongestTie([]));
        Assert.Equal(1, RecommendationSanity.LongestTie([R(3), R(2), R(1)]));
        Assert.Equal(3, RecommendationSanity.LongestTie([R(3), R(2), R(2), R(2), R(1), R(1)]));
    }

    private static Dictionary<string, double> Column(Microsoft.Data.Analysis.DataFrame engines, string column) =>
        engines.ToStringArray("engine").Zip(engines.Columns[column].Cast<object>().Select(Convert.ToDouble)).ToDictionary(p => p.First, p => p.Second);

    private static void Check(Microsoft.Data.Analysis.DataFrame engines, double neighbours, double randomPairs)
    {
        var names = engines.ToStringArray("engine");
        var titleless = engines.ToArray<int>("titleless");
        var distinct = engines.ToArray<double>("distinctScores");
        var genre = engines.ToArray<double>("topGenreShare");
        var random = engines.ToArray<double>("randomGenreShare");
        for (var e = 0; e < names.Length; e++)
        {
            if (names[e] == "popular") continue; // the reference
            Assert.Equal(0, titleless[e]);
            Assert.True(distinct[e] >= 0.9, $"{names[e]}: only {distinct[e]:P0} of lists have distinct scores");
            Assert.True(genre[e] > random[e], $"{names[e]}: top-genre share {genre[e]:F3} vs random {random[e]:F3}");
        }

        Assert.True(neighbours > randomPairs + 0.2, $"neighbours share a genre {neighbours:P1}, random pairs {randomPairs:P1}");
    }
}
