using MovieRec.Classifiers;

namespace MovieRec.Benchmarks;

/// <summary>The classifier stage. Target: baselines plus all tuning on ml-latest-small in under 5 minutes.</summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 1)]
[MedianColumn]
public class ModelBenchmarks
{
    private CleanResult _clean = null!;
    private MovieLensDataset _dataset = null!;

    [GlobalSetup]
    public void Setup()
    {
        _dataset = MovieLensLoader.Load(BenchPaths.MlLatestSmall);
        _clean = DataCleaning.Clean(_dataset, MovieMetadataLoader.Load(BenchPaths.TmdbMetadata, _dataset.Links));
    }

    /// <summary>Split, features, four baselines, grid search (LR, 12 × 3 folds) and randomized search (3 tree families, 6 × 3 folds), tuned refits, permutation importance.</summary>
    [Benchmark]
    public int MlLatestSmall_BaselinesAndTuning() =>
        (int)ModelExperiment.Run(RatingDataset.From(_clean.Ratings, _clean.Movies, _dataset.Tags), new ModelExperimentOptions { Tune = true }).Metrics.Rows.Count;
}
