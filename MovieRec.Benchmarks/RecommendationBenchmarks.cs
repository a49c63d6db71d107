using BenchmarkDotNet.Attributes;
using MovieRec.Data;
using MovieRec.Recommendations;

namespace MovieRec.Benchmarks;

/// <summary>Serving on ml-latest-small + TMDB (9,742 movies). Targets: svd top-10 &lt; 5 ms, ml &lt; 50 ms, similar &lt; 2 ms, svd for all 610 users &lt; 2 s.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class RecommendationBenchmarks
{
    private MovieRecommender _recommender = null!;

    [GlobalSetup]
    public void Setup()
    {
        var ds = MovieLensLoader.Load(BenchPaths.MlLatestSmall);
        var clean = DataCleaning.Clean(ds, MovieMetadataLoader.Load(BenchPaths.TmdbMetadata, ds.Links));
        _recommender = MovieRecommender.Build(clean.Ratings, clean.Movies, tags: ds.Tags);
    }

    [Benchmark]
    public int Top10_Svd_OneUser() => _recommender.Recommend(414, RecommenderEngine.Svd).Count;

    [Benchmark]
    public int Top10_Ml_LightGbm_OneUser() => _recommender.Recommend(414, RecommenderEngine.Ml).Count;

    [Benchmark]
    public int Top10_Hybrid_OneUser() => _recommender.Recommend(414, RecommenderEngine.Hybrid).Count;

    [Benchmark]
    public int Similar_OneMovie() => _recommender.Similar(1, 10).Count;

    [Benchmark]
    public int Top10_Svd_AllUsers()
    {
        var total = 0;
        foreach (var user in _recommender.Ratings.UserIds) total += _recommender.Recommend(user, RecommenderEngine.Svd).Count;
        return total;
    }
}
