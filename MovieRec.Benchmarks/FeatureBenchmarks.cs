using Microsoft.Data.Analysis;
using MovieRec.Features;

namespace MovieRec.Benchmarks;

/// <summary>Feature engineering on ml-latest-small + the TMDB sample. Target: all features in under 3 s on 2 cores.</summary>
[MemoryDiagnoser]
[MedianColumn]
[ThroughputColumns]
public class FeatureBenchmarks
{
    private const double Ratings = 100_836;

    private CleanResult _clean = null!;
    private DataFrame? _tags;
    private RatingDataset _train = null!;
    private FeatureOptions _options = null!;

    [GlobalSetup]
    public void Setup()
    {
        var ds = MovieLensLoader.Load(BenchPaths.MlLatestSmall);
        _tags = ds.Tags;
        _clean = DataCleaning.Clean(ds, MovieMetadataLoader.Load(BenchPaths.TmdbMetadata, ds.Links));
        _train = RatingDataset.From(_clean.Ratings, _clean.Movies);
        _options = new FeatureOptions();
        if (_train.Count != Ratings) throw new InvalidOperationException($"The work constant describes another dataset: {_train.Count} ratings.");
    }

    /// <summary>The user and movie statistics of all 100,836 ratings (counts, means, like ratios, genre affinities, trending): a few passes over typed arrays, no floating-point work to speak of, so only the rate.</summary>
    [Benchmark]
    [Throughput(Ratings, 0, "ratings")]
    public int MlLatestSmall_TrainingStatistics() => TrainingStatistics.Compute(_train, _train.Movies!, _options).MovieCount.Length;

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
