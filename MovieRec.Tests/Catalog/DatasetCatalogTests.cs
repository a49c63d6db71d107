using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using MovieRec.Catalog;
using MovieRec.Data;
using MovieRec.Tests.Support;

namespace MovieRec.Tests.Catalog;

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
        Assert.Equal(["ml-latest-small"], Directory.GetFileSystemEntries(Path.Combine(_temp.Path, "cache")).Select(Path.GetFileName));
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
        Assert.True(!Directory.Exists(cache) || Directory.GetFileSystemEntries(cache).Length == 0,
            "left behind: " + string.Join(", ", Directory.Exists(cache) ? Directory.GetFileSystemEntries(cache) : []));
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
        private readonly Dictionary<string, (byte[] Body, int? TruncateTo)> _routes = new(StringComparer.Ordinal);
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

        public void Serve(string path, byte[] body, int? truncateTo = null)
        {
            lock (_routes) _routes[path] = (body, truncateTo);
        }

        public void Dispose()
        {
            _listener.Stop();
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

                (byte[] Body, int? TruncateTo) route;
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

                    context.Response.ContentLength64 = route.Body.Length;
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
