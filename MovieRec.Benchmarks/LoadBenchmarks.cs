namespace MovieRec.Benchmarks;

/// <summary>Loading, merging and cleaning the small datasets. Target: all of ml-latest-small in under 0.5 s.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class LoadBenchmarks
{
    /// <summary>ml-latest-small: ratings, movies, links and tags, typed and validated.</summary>
    [Benchmark]
    public MovieLensDataset MlLatestSmall_Load() => MovieLensLoader.Load(BenchPaths.MlLatestSmall);

    /// <summary>ml-latest-small + the TMDB sample: load, join metadata through links, clean.</summary>
    [Benchmark]
    public CleanResult MlLatestSmall_LoadMergeClean()
    {
        var ds = MovieLensLoader.Load(BenchPaths.MlLatestSmall);
        return DataCleaning.Clean(ds, MovieMetadataLoader.Load(BenchPaths.TmdbMetadata, ds.Links));
    }

    /// <summary>data/sample (all seven files, genome included): load, merge, clean.</summary>
    [Benchmark]
    public CleanResult Sample_LoadMergeClean() => DataCleaning.Clean(MovieLensLoader.Load(BenchPaths.Sample));
}
