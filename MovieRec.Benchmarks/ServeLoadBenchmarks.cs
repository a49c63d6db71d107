using System.Diagnostics;
using MovieRec.Cli.Serve;
using MovieRec.Recommendations;

namespace MovieRec.Benchmarks;

/// <summary>
/// A load check of <c>movierec serve</c> on ml-latest-small + TMDB: <see cref="Clients"/> concurrent HTTP clients on
/// loopback for <see cref="Seconds"/> s against one endpoint, the server in this process (both share the two cores).
/// Prints throughput, p50/p99/max latency and the process's memory at the start, the end and its peak.
/// Targets: ≥ 500 requests/s for /similar, p99 &lt; 50 ms for /recommendations (hybrid), memory flat.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 1, invocationCount: 1)]
public class ServeLoadBenchmarks
{
    private Microsoft.AspNetCore.Builder.WebApplication _app = null!;
    private string _url = null!;
    private int[] _users = null!;
    private int[] _movies = null!;

    /// <summary>The endpoint: similar movies, or hybrid recommendations (the API's default engine).</summary>
    [Params("similar", "recommendations")]
    public string Endpoint { get; set; } = "similar";

    /// <summary>Concurrent clients (closed loop: each sends its next request when the last one is answered).</summary>
    [Params(2, 4)]
    public int Clients { get; set; } = 2;

    /// <summary>Length of the run.</summary>
    public const int Seconds = 30;

    [GlobalSetup]
    public void Setup()
    {
        var ds = MovieLensLoader.Load(BenchPaths.MlLatestSmall);
        var clean = DataCleaning.Clean(ds, MovieMetadataLoader.Load(BenchPaths.TmdbMetadata, ds.Links));
        var recommender = MovieRecommender.Build(RatingDataset.From(clean.Ratings, clean.Movies, ds.Tags));
        _users = [.. recommender.Ratings.UserIds];
        _movies = [.. recommender.Ratings.ItemIds];
        _app = WebApp.Build(recommender, new WebAppOptions { Port = 0, RequestsPerSecond = 1_000_000, DatasetName = "ml-latest-small" });
        _app.StartAsync().GetAwaiter().GetResult();
        _url = _app.Urls.Single();
    }

    [GlobalCleanup]
    public void Cleanup() => _app.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public long Load() => RunAsync().GetAwaiter().GetResult();

    private async Task<long> RunAsync()
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Clients }) { BaseAddress = new Uri(_url) };
        var deadline = Stopwatch.StartNew();
        var duration = TimeSpan.FromSeconds(Seconds);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var startMb = process.WorkingSet64 / 1e6;
        var peakMb = startMb;
        using var sampler = new CancellationTokenSource();
        var sampling = Task.Run(async () =>
        {
            while (!sampler.IsCancellationRequested)
            {
                process.Refresh();
                peakMb = Math.Max(peakMb, process.WorkingSet64 / 1e6);
                await Task.Delay(250).ConfigureAwait(false);
            }
        });
        var latencies = await Task.WhenAll(Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
        {
            var rng = new Random(client);
            var own = new List<double>();
            var watch = new Stopwatch();
            while (deadline.Elapsed < duration)
            {
                var path = Endpoint == "similar"
                    ? $"/api/movies/{_movies[rng.Next(_movies.Length)]}/similar?n=10"
                    : $"/api/users/{_users[rng.Next(_users.Length)]}/recommendations?n=10";
                watch.Restart();
                using var response = await http.GetAsync(new Uri(path, UriKind.Relative)).ConfigureAwait(false);
                _ = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{path}: {(int)response.StatusCode}");
                own.Add(watch.Elapsed.TotalMilliseconds);
            }

            return own;
        }))).ConfigureAwait(false);
        var elapsed = deadline.Elapsed.TotalSeconds;
        await sampler.CancelAsync().ConfigureAwait(false);
        await sampling.ConfigureAwait(false);
        process.Refresh();
        var all = latencies.SelectMany(l => l).Order().ToArray();
        double Percentile(double p) => all[Math.Min(all.Length - 1, (int)Math.Ceiling(p * all.Length) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// serve /{Endpoint}: {Clients} clients, {elapsed:F0} s: {all.Length / elapsed:F0} requests/s, p50 {Percentile(0.5):F1} ms, p99 {Percentile(0.99):F1} ms, max {all[^1]:F1} ms; "
            + $"working set {startMb:F0} MB at start, {process.WorkingSet64 / 1e6:F0} MB at end, {peakMb:F0} MB peak"));
        return all.Length;
    }
}
