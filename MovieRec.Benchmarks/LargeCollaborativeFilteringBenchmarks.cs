namespace MovieRec.Benchmarks;

/// <summary>Biased MF at 25M ratings. Target: 64 factors, 20 epochs in under 90 s and under 6 GB peak.</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 2)]
[MedianColumn]
public class LargeCollaborativeFilteringBenchmarks
{
    private RatingDataset _ratings = null!;

    [GlobalSetup]
    public void Setup() => _ratings = RatingDataset.From(MovieLensLoader.LoadRatingsCsv(Path.Combine(LargeLoadBenchmarks.EnsureDataset(), "ratings.csv")));

    [Benchmark]
    public IDenseScorer Ratings25m_BiasedMF_64Factors_20Epochs() => new BiasedMF(new BiasedMFOptions { Factors = 64, Epochs = 20 }).Fit(_ratings);
}
