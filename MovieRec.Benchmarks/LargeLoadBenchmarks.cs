using MovieRec.Features;
using MovieRec.Synthetic;

namespace MovieRec.Benchmarks;

/// <summary>A 25-million-row ratings.csv (678 MB) from the generator. Target: under 20 s and 2 GB of managed memory.</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MedianColumn]
public class LargeLoadBenchmarks
{
    [GlobalSetup]
    public void Setup() => EnsureDataset();

    /// <summary>Generates the dataset once; later runs reuse it.</summary>
    public static string EnsureDataset()
    {
        var folder = BenchPaths.Synthetic25m;
        if (!File.Exists(Path.Combine(folder, "ratings.csv"))) SyntheticDataGenerator.GenerateTo(folder, SyntheticOptions.Scale25m, overwrite: true);
        return folder;
    }

    /// <summary>Fit every feature on 25M ratings (59,000 movies' text) and build the streamed interaction dataset. Target: under 8 GB.</summary>
    [Benchmark]
    public int Ratings25m_FeatureFitAndTransform()
    {
        var ds = MovieLensLoader.Load(BenchPaths.Synthetic25m);
        var clean = DataCleaning.Clean(ds);
        var model = new FeaturePipeline().Fit(RatingDataset.From(clean.Ratings, clean.Movies, ds.Tags, ds.Genome));
        return model.Transform(clean.Ratings).Count;
    }

    [Benchmark]
    public long Ratings25m_Load() => MovieLensLoader.LoadRatingsCsv(Path.Combine(BenchPaths.Synthetic25m, "ratings.csv")).Rows.Count;
}
