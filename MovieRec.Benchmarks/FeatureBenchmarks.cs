using Microsoft.Data.Analysis;
using MovieRec.Features;

namespace MovieRec.Benchmarks;

/// <summary>Feature engineering on ml-latest-small + the TMDB sample. Target: all features in under 3 s on 2 cores.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class FeatureBenchmarks
{
    private CleanResult _clean = null!;
    private DataFrame? _tags;

    [GlobalSetup]
    public void Setup()
    {
        var ds = MovieLensLoader.Load(BenchPaths.MlLatestSmall);
        _tags = ds.Tags;
        _clean = DataCleaning.Clean(ds, MovieMetadataLoader.Load(BenchPaths.TmdbMetadata, ds.Links));
    }

    /// <summary>Fit (user, movie, text with tags) + the interaction table materialized as a float32 DataFrame + the similarity space.</summary>
    [Benchmark]
    public int MlLatestSmall_AllFeatures()
    {
        var model = new FeaturePipeline(new FeatureOptions { Text = new() { IncludeTags = true } }).Fit(RatingDataset.From(_clean.Ratings, _clean.Movies, _tags));
        var frame = model.Transform(_clean.Ratings).ToDataFrame();
        var space = MovieEmbeddingSpace.Build(model);
        return (int)frame.Rows.Count + space.Dimensions;
    }
}
