using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using MovieRec.Datasets;

namespace MovieRec.Tests.Datasets;

/// <summary>Download, checksum and extraction against a loopback HTTP server serving zips built here.</summary>
public sealed class DatasetCatalogTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly LoopbackServer _server = new();

    public void Dispose()
    {
        _server.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task Download_verifies_the_md5_extracts_and_loads()
    {
        var zip = ReleaseZip("ml-latest-small");
        _server.Serve("/ml-latest-small.zip", zip);
        _server.Serve("/ml-latest-small.zip.md5", Encoding.ASCII.GetBytes($"MD5 (ml-latest-small.zip) = {Md5(zip)}\n"));
        var reports = new List<DownloadProgress>();
        var catalog = Catalog();

        var folder = await catalog.DownloadAsync("ml-latest-small", progress: new SyncProgress(reports));

        Assert.Equal(Path.Combine(_temp.Path, "cache", "ml-latest-small"), folder);
        Assert.Equal(3, MovieLensLoader.Load(folder).Ratings.Rows.Count);
        Assert.Equal(zip.Length, reports[^1].BytesReceived);
        Assert.Equal(1.0, reports[^1].Fraction);
        Assert.Equal(folder, catalog.TryFind("ml-latest-small"));
        Assert.Equal(["ml-latest-small", ".ml-latest-small.lock"], Directory.GetFileSystemEntries(Path.Combine(_temp.Path, "cache")).Select(Path.GetFileName).OrderDescending(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Corrupted_download_fails_cleanly_and_leaves_nothing()
    {
        var zip = ReleaseZip("ml-100k-like");
        var corrupted = (byte[])zip.Clone();
        corrupted[corrupted.Length / 2] ^= 0xFF;
        _server.Serve("/ml-1m.zip", corrupted);
        _server.Serve("/ml-1m.zip.md5", Encoding.ASCII.GetBytes($"{Md5(zip)}  ml-1m.zip\n"));

        var e = await Assert.ThrowsAsync<DatasetDownloadException>(() => Catalog().DownloadAsync("ml-1m"));

        Assert.Contains("checksum mismatch", e.Message);
        AssertCacheEmpty();
    }

    [Fact]
    public async Task Truncated_body_fails_cleanly()
    {
        var zip = ReleaseZip("ml-20m");
        _server.Serve("/ml-20m.zip", zip, truncateTo: zip.Length / 3);
        _server.Serve("/ml-20m.zip.md5", Encoding.ASCII.GetBytes(Md5(zip)));

        await Assert.ThrowsAsync<DatasetDownloadException>(() => Catalog().DownloadAsync("ml-20m"));
        AssertCacheEmpty();
    }

    [Fact]
    public async Task Missing_checksum_and_http_errors_fail_cleanly()
    {
        _server.Serve("/ml-25m.zip", ReleaseZip("ml-25m"));
        var e = await Assert.ThrowsAsync<DatasetDownloadException>(() => Catalog().DownloadAsync("ml-25m"));
        Assert.Contains("checksum", e.Message);
        AssertCacheEmpty();
    }

    [Fact]
    public async Task A_zip_without_movielens_files_is_rejected()
    {
        var zip = ZipOf(("readme.txt", "hello"));
        _server.Serve("/ml-32m.zip", zip);
        _server.Serve("/ml-32m.zip.md5", Encoding.ASCII.GetBytes(Md5(zip)));
        var e = await Assert.ThrowsAsync<DatasetDownloadException>(() => Catalog().DownloadAsync("ml-32m"));
        Assert.Contains("no MovieLens ratings file", e.Message);
        AssertCacheEmpty();
    }

    [Fact]
    public void Resolution_order_is_environment_root_then_repository_data_then_cache()
    {
        var root = _temp.Sub("env-root");
        var repo = _temp.Sub("repo");
        var nested = _temp.Sub("repo/notebooks/deep");
        foreach (var dir in new[] { Path.Combine(root, "ml-100k"), Path.Combine(repo, "data", "ml-100k"), Path.Combine(_temp.Path, "cache", "ml-100k") })
        {
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "u.data"), "1\t1\t5\t1\n");
        }

        Assert.Equal(Path.Combine(root, "ml-100k"), Catalog(dataRoot: root, searchFrom: nested).TryFind("ml-100k"));
        Assert.Equal(Path.Combine(repo, "data", "ml-100k"), Catalog(searchFrom: nested).TryFind("ml-100k"));
        Assert.Equal(Path.Combine(_temp.Path, "cache", "ml-100k"), Catalog(searchFrom: _temp.Sub("elsewhere")).TryFind("ml-100k"));
        Assert.Throws<ArgumentException>(() => Catalog().TryFind("ml-3m"));
    }

    [Fact]
    public async Task Missing_sample_is_generated_into_the_cache_and_downloads_can_be_disabled()
    {
        var catalog = Catalog(searchFrom: _temp.Sub("nowhere"), allowDownload: false);
        var folder = await catalog.ResolveAsync("sample");
        Assert.Equal(Path.Combine(_temp.Path, "cache", "sample"), folder);
        Assert.Equal(3_000, MovieLensLoader.Load(folder).Movies.Rows.Count);

        var e = await Assert.ThrowsAsync<DatasetDownloadException>(() => catalog.ResolveAsync("ml-10m"));
        Assert.Contains("downloads are disabled", e.Message);
    }

    [Theory]
    [InlineData("../escape.csv", "leaves the extraction folder")]
    [InlineData("ml-1m/../../escape.csv", "leaves the extraction folder")]
    [InlineData("/tmp/absolute.csv", "absolute path")]
    [InlineData("C:/windows.csv", "absolute path")]
    public async Task Hostile_entry_names_are_refused_and_nothing_is_written_outside(string entry, string problem)
    {
        var zip = ZipOf(("ml-1m/ratings.dat", "1::1::5::1\n"), ("ml-1m/movies.dat", "1::A (1999)::Drama\n"), (entry, "pwned"));
        _server.Serve("/ml-1m.zip", zip);
        _server.Serve("/ml-1m.zip.md5", Encoding.ASCII.GetBytes(Md5(zip)));

        var e = await Assert.ThrowsAsync<DatasetDownloadException>(() => Catalog().DownloadAsync("ml-1m"));

        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_temp.Path, "escape.csv")));
        Assert.False(File.Exists("/tmp/absolute.csv"));
        AssertCacheEmpty();
    }

    [Fact]
    public async Task A_symbolic_link_entry_is_refused()
    {
        using var memory = new MemoryStream();
        using (var archive = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var w = new StreamWriter(archive.CreateEntry("ml-10m/ratings.dat").Open())) w.Write("1::1::5::1\n");
            var link = archive.CreateEntry("ml-10m/movies.dat");
            link.ExternalAttributes = unchecked((int)(0xA1FFu << 16)); // S_IFLNK | 0777
            using (var w = new StreamWriter(link.Open())) w.Write("/etc/passwd");
        }

        var zip = memory.ToArray();
        _server.Serve("/ml-10m.zip", zip);
        _server.Serve("/ml-10m.zip.md5", Encoding.ASCII.GetBytes(Md5(zip)));

        var e = await Assert.ThrowsAsync<DatasetDownloadException>(() => Catalog().DownloadAsync("ml-10m"));

        Assert.Contains("symbolic link", e.Message, StringComparison.Ordinal);
        AssertCacheEmpty();
    }

    [Fact]
    public async Task A_zip_bomb_stops_at_twice_the_release_size()
    {
        using var memory = new MemoryStream();
        using (var archive = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var stream = archive.CreateEntry("ml-latest-small/ratings.csv", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 20; i++) stream.Write(zeros); // 21 MB of zeros, ~20 KB compressed
        }

        var zip = memory.ToArray();
        Assert.True(zip.Length < 200_000);
        _server.Serve("/ml-latest-small.zip", zip);
        _server.Serve("/ml-latest-small.zip.md5", Encoding.ASCII.GetBytes(Md5(zip)));

        var e = await Assert.ThrowsAsync<DatasetDownloadException>(() => Catalog().DownloadAsync("ml-latest-small"));

        Assert.Contains("unpacks to more than 8 MB", e.Message, StringComparison.Ordinal);
        Assert.Equal(8_000_000, DatasetCatalog.MaxExtractedBytes("ml-latest-small"));
        AssertCacheEmpty();
    }

    [Fact]
    public async Task Bytes_that_are_not_a_zip_are_a_download_error()
    {
        var junk = Encoding.ASCII.GetBytes(new string('j', 5000));
        _server.Serve("/ml-100k.zip", junk);
        _server.Serve("/ml-100k.zip.md5", Encoding.ASCII.GetBytes(Md5(junk)));

        var e = await Assert.ThrowsAsync<DatasetDownloadException>(() => Catalog().DownloadAsync("ml-100k"));

        Assert.Contains("is not a valid zip", e.Message, StringComparison.Ordinal);
        AssertCacheEmpty();
    }

    [Fact]
    public async Task A_server_that_closes_early_without_a_length_is_a_download_error()
    {
        var zip = ReleaseZip("ml-20m");
        _server.Serve("/ml-20m.zip", zip, truncateTo: zip.Length / 2, chunked: true);
        _server.Serve("/ml-20m.zip.md5", Encoding.ASCII.GetBytes(Md5(zip)));

        var e = await Assert.ThrowsAsync<DatasetDownloadException>(() => Catalog().DownloadAsync("ml-20m"));

        Assert.Contains("ml-20m", e.Message, StringComparison.Ordinal);
        AssertCacheEmpty();
    }

    [Fact]
    public async Task Concurrent_downloads_of_one_name_all_succeed_and_replace_atomically()
    {
        var zip = ReleaseZip("ml-latest-small");
        _server.Serve("/ml-latest-small.zip", zip);
        _server.Serve("/ml-latest-small.zip.md5", Encoding.ASCII.GetBytes(Md5(zip)));
        var catalog = Catalog();
        var first = await catalog.DownloadAsync("ml-latest-small");

        // Eight forced re-downloads at once, while a reader keeps loading the folder: every load that finds the folder sees
        // a whole release (between the two renames of a swap it may briefly be absent).
        using var stop = new CancellationTokenSource();
        var reads = 0;
        var reader = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    Assert.Equal(3, MovieLensLoader.Load(first).Ratings.Rows.Count);
                    reads++;
                }
                catch (DataFileException e) when (e.Problem.Contains("not found", StringComparison.Ordinal) || e.Problem.StartsWith("holds no MovieLens", StringComparison.Ordinal))
                {
                }
            }
        });
        var folders = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => catalog.DownloadAsync("ml-latest-small", force: true))));
        await stop.CancelAsync();
        await reader;

        Assert.All(folders, f => Assert.Equal(first, f));
        Assert.True(reads > 0);
        Assert.Equal(3, MovieLensLoader.Load(first).Ratings.Rows.Count);
        Assert.Equal(["ml-latest-small"], Directory.GetFileSystemEntries(Path.Combine(_temp.Path, "cache")).Select(Path.GetFileName).Where(n => !n!.EndsWith(".lock", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Temporaries_left_by_a_killed_download_are_deleted_by_the_next()
    {
        var cache = _temp.Sub("cache");
        var stale = Directory.CreateDirectory(Path.Combine(cache, ".ml-100k.0123456789abcdef.extract")).FullName;
        File.WriteAllText(Path.Combine(stale, "u.data"), "junk");
        File.WriteAllText(Path.Combine(cache, ".ml-100k.0123456789abcdef.zip.part"), "junk");
        var zip = ZipOf(("ml-100k/u.data", "1\t1\t5\t1\n"), ("ml-100k/u.item", "1|A (1999)|01-Jan-1999||x|0|0|0|0|0|0|0|0|1|0|0|0|0|0|0|0|0|0|0\n"));
        _server.Serve("/ml-100k.zip", zip);
        _server.Serve("/ml-100k.zip.md5", Encoding.ASCII.GetBytes(Md5(zip)));

        await Catalog().DownloadAsync("ml-100k");

        Assert.Equal(["ml-100k"], Directory.GetFileSystemEntries(cache).Select(Path.GetFileName).Where(n => !n!.EndsWith(".lock", StringComparison.Ordinal)));
    }

    [Fact]
    [Trait("Category", "Integration")] // the tool's own process
    public async Task The_cli_downloads_from_a_base_url_given_by_option_or_environment_and_exits_3_on_failure()
    {
        var zip = ReleaseZip("ml-latest-small");
        _server.Serve("/mirror/ml-latest-small.zip", zip);
        _server.Serve("/mirror/ml-latest-small.zip.md5", Encoding.ASCII.GetBytes(Md5(zip)));
        var home = _temp.Sub("xdg");
        var env = new Dictionary<string, string?> { ["XDG_DATA_HOME"] = home, ["MOVIEREC_DATA"] = null, ["MOVIEREC_DATASETS_URL"] = new Uri(_server.BaseUri, "mirror/").ToString() };

        var (code, stdout, stderr) = await Movierec.RunWithAsync(env, "data", "download", "ml-latest-small");
        Assert.True(code == 0, stderr);
        Assert.Equal(Path.Combine(home, "movierec", "datasets", "ml-latest-small"), stdout.Trim());

        (code, _, stderr) = await Movierec.RunWithAsync(env, "data", "download", "ml-latest-small", "--force", "--base-url", "http://127.0.0.1:1/");
        Assert.Equal(3, code);
        Assert.Contains("error: Dataset 'ml-latest-small'", stderr, StringComparison.Ordinal);
        Assert.Equal(3, MovieLensLoader.Load(Path.Combine(home, "movierec", "datasets", "ml-latest-small")).Ratings.Rows.Count);
    }

    private DatasetCatalog Catalog(string? dataRoot = null, string? searchFrom = null, bool allowDownload = true) => new(new DatasetCatalogOptions
    {
        DataRoot = dataRoot,
        SearchFrom = [searchFrom ?? _temp.Sub("cwd")],
        CacheFolder = Path.Combine(_temp.Path, "cache"),
        BaseUri = _server.BaseUri,
        AllowDownload = allowDownload,
        HttpClient = _server.Client,
    });

    private void AssertCacheEmpty()
    {
        var cache = Path.Combine(_temp.Path, "cache");
        var left = Directory.Exists(cache) ? Directory.GetFileSystemEntries(cache).Where(p => !p.EndsWith(".lock", StringComparison.Ordinal)).ToArray() : [];
        Assert.True(left.Length == 0, "left behind: " + string.Join(", ", left));
    }

    private static byte[] ReleaseZip(string top) => ZipOf(
        ($"{top}/ratings.csv", "userId,movieId,rating,timestamp\n1,1,4.0,1\n1,2,3.5,2\n2,1,5.0,3\n"),
        ($"{top}/movies.csv", "movieId,title,genres\n1,A (1999),Drama\n2,B (2000),Comedy\n"),
        ($"{top}/README.txt", new string('x', 300_000)));

    private static byte[] ZipOf(params (string Name, string Content)[] entries)
    {
        using var memory = new MemoryStream();
        using (var archive = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(archive.CreateEntry(name, CompressionLevel.NoCompression).Open());
                writer.Write(content);
            }
        }

        return memory.ToArray();
    }

    private static string Md5(byte[] data) => Convert.ToHexStringLower(MD5.HashData(data));

    private sealed class SyncProgress(List<DownloadProgress> reports) : IProgress<DownloadProgress>
    {
        public void Report(DownloadProgress value) => reports.Add(value);
    }

    /// <summary>A minimal HTTP server on 127.0.0.1; answers 404 for unknown paths.</summary>
    private sealed class LoopbackServer : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Dictionary<string, (byte[] Body, int? TruncateTo, bool Chunked)> _routes = new(StringComparer.Ordinal);
        private readonly Task _loop;

        public LoopbackServer()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            BaseUri = new Uri($"http://127.0.0.1:{port}/");
            _listener.Prefixes.Add(BaseUri.ToString());
            _listener.Start();
            _loop = Task.Run(LoopAsync);
        }

        public Uri BaseUri { get; }

        public HttpClient Client { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

        /// <summary>Serves <paramref name="body"/>; with <paramref name="truncateTo"/> the connection is dropped after that
        /// many bytes (announcing the full length, or none when <paramref name="chunked"/>).</summary>
        public void Serve(string path, byte[] body, int? truncateTo = null, bool chunked = false)
        {
            lock (_routes) _routes[path] = (body, truncateTo, chunked);
        }

        public void Dispose()
        {
            // Close alone: on Unix, Stop() then Close() removes the endpoint twice, and the second removal binds the
            // port again for a moment, which fails when another test took the freed port meanwhile ("Address already
            // in use", seen in CI).
            _listener.Close();
            Client.Dispose();
            try
            {
                _loop.Wait(TimeSpan.FromSeconds(5));
            }
            catch (AggregateException)
            {
            }
        }

        private async Task LoopAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                (byte[] Body, int? TruncateTo, bool Chunked) route;
                bool found;
                lock (_routes) found = _routes.TryGetValue(context.Request.Url!.AbsolutePath, out route);
                try
                {
                    if (!found)
                    {
                        context.Response.StatusCode = 404;
                        context.Response.Close();
                        continue;
                    }

                    if (route.Chunked) context.Response.SendChunked = true;
                    else context.Response.ContentLength64 = route.Body.Length;
                    await context.Response.OutputStream.WriteAsync(route.Body.AsMemory(0, route.TruncateTo ?? route.Body.Length));
                    if (route.TruncateTo is not null) context.Response.Abort();
                    else context.Response.Close();
                }
                catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException)
                {
                    // the client went away
                }
            }
        }
    }
}
