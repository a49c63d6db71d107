using MovieRec.Data;
using MovieRec.Recommendations;
using MovieRec.Tests.Support;

namespace MovieRec.Tests.Recommendations;

/// <summary>The measured sanity checks: no titleless movies, no walls of equal scores, genre-aware lists and neighbours.</summary>
public sealed class SanityTests
{
    [Fact]
    public void Engines_on_the_synthetic_sample_are_sane()
    {
        var ds = MovieLensLoader.Load(TestPaths.Sample);
        var clean = DataCleaning.Clean(ds);
        var (engines, neighbours, randomPairs) = RecommendationSanity.Measure(clean.Ratings, clean.Movies, tags: ds.Tags, genome: ds.Genome, users: 60);
        Check(engines, neighbours, randomPairs);
    }

    [RealDataFact]
    public void Engines_on_ml_latest_small_with_tmdb_are_sane_and_svd_beats_popularity_on_held_out_likes()
    {
        var ds = MovieLensLoader.Load(TestPaths.MlLatestSmall);
        var clean = DataCleaning.Clean(ds, MovieMetadataLoader.Load(Path.Combine(TestPaths.TmdbSample, "movies_metadata.csv"), ds.Links));
        var (engines, neighbours, randomPairs) = RecommendationSanity.Measure(clean.Ratings, clean.Movies, tags: ds.Tags, users: 100);
        Check(engines, neighbours, randomPairs);
        var hit = engines.ToArray<double>("hitRate");
        Assert.True(hit[0] > hit[3], $"svd hit rate {hit[0]:F2} vs popular {hit[3]:F2}");
        Assert.True(hit[2] > hit[3], $"hybrid hit rate {hit[2]:F2} vs popular {hit[3]:F2}");
    }

    private static void Check(Microsoft.Data.Analysis.DataFrame engines, double neighbours, double randomPairs)
    {
        var names = engines.ToStringArray("engine");
        var titleless = engines.ToArray<int>("titleless");
        var distinct = engines.ToArray<double>("distinctScores");
        var genre = engines.ToArray<double>("topGenreShare");
        var random = engines.ToArray<double>("randomGenreShare");
        for (var e = 0; e < 3; e++) // svd, ml, hybrid (row 3 is the popularity reference)
        {
            Assert.Equal(0, titleless[e]);
            Assert.True(distinct[e] >= 0.9, $"{names[e]}: only {distinct[e]:P0} of lists have distinct scores");
            Assert.True(genre[e] > random[e], $"{names[e]}: top-genre share {genre[e]:F3} vs random {random[e]:F3}");
        }

        Assert.True(neighbours > randomPairs + 0.2, $"neighbours share a genre {neighbours:P1}, random pairs {randomPairs:P1}");
    }
}
