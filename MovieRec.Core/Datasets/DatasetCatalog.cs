using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using MovieRec.Synthetic;

namespace MovieRec.Datasets;

/// <summary>
/// Resolves dataset names (<c>sample</c>, <c>ml-latest-small</c>, <c>ml-100k</c>, <c>ml-1m</c>, <c>ml-10m</c>,
/// <c>ml-20m</c>, <c>ml-25m</c>, <c>ml-32m</c>, <c>ml-latest</c>) to a folder, downloading the official GroupLens zip
/// when it is nowhere to be found.
/// </summary>
/// <remarks>
/// <para>Search order: <c>$MOVIEREC_DATA/&lt;name&gt;</c>, then <c>data/&lt;name&gt;</c> in the current folder or any
/// parent (so notebooks inside the repository find <c>data/sample</c>), then the user cache
/// (<see cref="DatasetCatalogOptions.CacheFolder"/>).</para>
/// <para>Download: <c>&lt;BaseUri&gt;&lt;name&gt;.zip</c> and its published <c>.md5</c>; the zip is streamed to a temporary
/// file while its MD5 is computed, compared, extracted into a temporary folder and moved into place in one rename. Any
/// failure (HTTP error, truncated body, checksum mismatch, bad zip, no MovieLens files inside) deletes the temporary
/// files and leaves no dataset folder behind. <c>sample</c> is never downloaded: when absent it is generated
/// (deterministically, with <see cref="SyntheticOptions"/> defaults) into the cache.</para>
/// </remarks>
public sealed partial class DatasetCatalog
{
    /// <summary>The official GroupLens download location.</summary>
    public static readonly Uri GroupLensBaseUri = new("https://files.grouplens.org/datasets/movielens/");

    /// <summary>The names the catalog knows, with a one-line description each.</summary>
    public static IReadOnlyDictionary<string, string> KnownDatasets { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["sample"] = "MovieRec's generated sample (600 users, 3,000 movies, ~80k ratings, metadata, genome)",
        ["ml-latest-small"] = "MovieLens latest small: 100k ratings, 610 users, 9.7k movies (1 MB zip)",
        ["ml-100k"] = "MovieLens 100K (1998): 100k ratings, 943 users, 1,682 movies (5 MB zip)",
        ["ml-1m"] = "MovieLens 1M (2003): 1M ratings, 6,040 users, 3.9k movies (6 MB zip)",
        ["ml-10m"] = "MovieLens 10M (2009): 10M ratings, 72k users, 10k movies, tags (63 MB zip)",
        ["ml-20m"] = "MovieLens 20M (2016): 20M ratings, 138k users, 27k movies, genome (190 MB zip)",
        ["ml-25m"] = "MovieLens 25M (2019): 25M ratings, 162k users, 62k movies, genome (250 MB zip)",
        ["ml-32m"] = "MovieLens 32M (2024): 32M ratings, 200k users, 87k movies (239 MB zip)",
        ["ml-latest"] = "MovieLens latest full (changes over time; for education, not for published results)",
        ["seed-sample"] = "the original Python project's inputs: 9,000 ratings (MovieLens 20M ids), movie_metadata.csv, genome (local only: put it in data/ or under MOVIEREC_DATA)",
    };

    /// <summary>Names that are never downloaded: they are found locally or not at all.</summary>
    private static readonly HashSet<string> LocalOnly = new(StringComparer.Ordinal) { "seed-sample" };

    private readonly DatasetCatalogOptions _options;

    /// <summary>Creates a catalog.</summary>
    public DatasetCatalog(DatasetCatalogOptions? options = null) => _options = options ?? new DatasetCatalogOptions();

    /// <summary>The folder where <paramref name="name"/> already is, or null (never downloads or generates).</summary>
    public string? TryFind(string name)
    {
        CheckName(name);
        foreach (var candidate in Candidates(name))
        {
            if (Directory.Exists(candidate) && HasRatings(candidate)) return candidate;
        }

        return null;
    }

    /// <summary>The folder of <paramref name="name"/>, downloading (or, for <c>sample</c>, generating) it into the cache when missing.</summary>
    /// <exception cref="DatasetDownloadException">The download or its verification failed; nothing was left behind.</exception>
    public async Task<string> ResolveAsync(string name, IProgress<DownloadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var found = TryFind(name);
        if (found is not null) return found;
        if (name == "sample")
        {
            var target = Path.Combine(_options.CacheFolder, name);
            SyntheticDataGenerator.GenerateTo(target, overwrite: true);
            return target;
        }

        if (!_options.AllowDownload || LocalOnly.Contains(name))
        {
            throw new DatasetDownloadException(name, LocalOnly.Contains(name)
                ? $"not found (looked in {string.Join(", ", Candidates(name))}); it is never downloaded: set {DatasetCatalogOptions.DataEnvironmentVariable} to the folder that holds '{name}'"
                : $"not found (looked in {string.Join(", ", Candidates(name))}) and downloads are disabled");
        }

        return await DownloadAsync(name, force: false, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The folder for <paramref name="nameOrFolder"/>: an existing folder as is, otherwise a catalog name resolved by
    /// <see cref="ResolveAsync"/> (downloaded when missing). This is what every <c>--data</c> argument of the tool accepts.
    /// </summary>
    /// <exception cref="DataFileException">Neither an existing folder nor a known dataset name.</exception>
    /// <exception cref="DatasetDownloadException">A known dataset that could not be found or downloaded.</exception>
    public Task<string> ResolveFolderAsync(string nameOrFolder, IProgress<DownloadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrFolder);
        if (Directory.Exists(nameOrFolder)) return Task.FromResult(nameOrFolder);
        if (KnownDatasets.ContainsKey(nameOrFolder)) return ResolveAsync(nameOrFolder, progress, cancellationToken);
        throw new DataFileException(nameOrFolder, $"is neither a folder nor a known dataset ({string.Join(", ", KnownDatasets.Keys)})");
    }

    /// <summary>Loads <paramref name="nameOrFolder"/> (a folder or a catalog name, see <see cref="ResolveFolderAsync"/>).
    /// In a notebook: <c>var dataset = await catalog.LoadAsync("ml-latest-small");</c>. There is no blocking variant: a
    /// download is awaited, never waited on.</summary>
    public async Task<MovieLensDataset> LoadAsync(string nameOrFolder, IProgress<DownloadProgress>? progress = null, CancellationToken cancellationToken = default) =>
        MovieLensLoader.Load(await ResolveFolderAsync(nameOrFolder, progress, cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// Load, merge, clean: resolves <paramref name="nameOrFolder"/> (<see cref="ResolveFolderAsync"/>), loads it, joins
    /// the metadata when one is given (a file: the original project's <c>movie_metadata.csv</c> or Kaggle's
    /// <c>movies_metadata.csv</c>, through the links; or a collection name of <see cref="KnownMetadata"/>, found as
    /// <see cref="LoadMetadata"/> finds it), and cleans the result (<see cref="DataCleaning.Clean(MovieLensDataset, Microsoft.Data.Analysis.DataFrame?)"/>).
    /// </summary>
    /// <remarks>An existing file wins over a collection of the same name.</remarks>
    public async Task<PreparedDataset> PrepareAsync(string nameOrFolder, string? metadataFile = null, IProgress<DownloadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var folder = await ResolveFolderAsync(nameOrFolder, progress, cancellationToken).ConfigureAwait(false);
        var raw = MovieLensLoader.Load(folder);
        var metadata = metadataFile is null ? null
            : !File.Exists(metadataFile) && KnownMetadata.ContainsKey(metadataFile) ? LoadMetadata(metadataFile, raw.Links)
            : MovieMetadataLoader.Load(metadataFile, raw.Links);
        return new PreparedDataset(raw, DataCleaning.Clean(raw, metadata));
    }

    /// <summary>Downloads <paramref name="name"/> into the cache, verifying its published MD5, and returns its folder.</summary>
    /// <param name="name">A GroupLens dataset name (not <c>sample</c>).</param>
    /// <param name="force">Replace a cached copy.</param>
    /// <param name="progress">Receives byte counts while the zip downloads.</param>
    /// <param name="cancellationToken">Cancels the download; temporary files are removed.</param>
    /// <remarks>
    /// <para>Concurrent downloads of one name (threads or processes) are serialized by a lock file <c>.NAME.lock</c> in the
    /// cache, the one file a download leaves beside the dataset; a download that waited finds the folder the first one
    /// made (unless <paramref name="force"/>). Temporaries of the name left by a killed run are deleted under the lock.</para>
    /// <para>Extraction checks every entry: no absolute path, no <c>..</c> escaping the folder, no symbolic link, and at
    /// most <see cref="MaxExtractedBytes"/> bytes in all (twice the release's known unpacked size), counted while writing,
    /// not taken from the zip's headers.</para>
    /// <para>An existing folder is replaced by renames: it is renamed aside, the new one (complete and verified) renamed in,
    /// the old one deleted; if the second rename fails the old one is renamed back. The folder is never partly written;
    /// between the two renames (microseconds) it is absent, so a reader may see "folder not found" but never half a release.</para>
    /// </remarks>
    /// <exception cref="DatasetDownloadException">Any failure (network, HTTP status, checksum, bad or hostile zip, too large,
    /// disk); nothing but the lock file is left behind.</exception>
    public async Task<string> DownloadAsync(string name, bool force = false, IProgress<DownloadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        CheckName(name);
        if (name == "sample") throw new DatasetDownloadException(name, "is generated, not downloaded: run 'movierec data generate'");
        if (LocalOnly.Contains(name))
        {
            throw new DatasetDownloadException(name, $"is not a GroupLens release and is never downloaded: it was not found (looked in {string.Join(", ", Candidates(name))}); set {DatasetCatalogOptions.DataEnvironmentVariable} to the folder that holds '{name}'");
        }

        var target = Path.Combine(_options.CacheFolder, name);
        if (Directory.Exists(target) && !force) return target;
        try
        {
            Directory.CreateDirectory(_options.CacheFolder);
            using var held = await AcquireLockAsync(name, cancellationToken).ConfigureAwait(false);
            if (Directory.Exists(target) && !force) return target; // another download finished while we waited
            DeleteTemporaries(name);
            var stamp = Guid.NewGuid().ToString("N");
            var zipPath = Path.Combine(_options.CacheFolder, $".{name}.{stamp}.zip.part");
            var extractPath = Path.Combine(_options.CacheFolder, $".{name}.{stamp}.extract");
            try
            {
                return await DownloadLockedAsync(name, target, zipPath, extractPath, progress, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                TryDelete(zipPath);
                TryDelete(extractPath);
            }
        }
        catch (Exception e) when (e is not DatasetDownloadException and not OperationCanceledException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new DatasetDownloadException(name, e is OperationCanceledException ? $"timed out: {e.Message}" : $"failed: {e.Message}", e);
        }
    }

    private async Task<string> DownloadLockedAsync(string name, string target, string zipPath, string extractPath, IProgress<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        var zipUri = new Uri(_options.BaseUri, $"{name}.zip");
        var client = _options.HttpClient ?? SharedClient.Value;
        var expected = await FetchMd5Async(client, name, new Uri(_options.BaseUri, $"{name}.zip.md5"), cancellationToken).ConfigureAwait(false);
        var actual = await DownloadFileAsync(client, name, zipUri, zipPath, progress, cancellationToken).ConfigureAwait(false);
        if (!string.Equals(expected, actual, StringComparison.OrdinalIgnoreCase))
        {
            throw new DatasetDownloadException(name, $"checksum mismatch for {zipUri}: published MD5 {expected}, downloaded {actual} (corrupted or incomplete download)");
        }

        Extract(name, zipUri, zipPath, extractPath, MaxExtractedBytes(name), cancellationToken);
        var content = ContentRoot(extractPath);
        if (!HasRatings(content)) throw new DatasetDownloadException(name, $"{zipUri} holds no MovieLens ratings file");
        Temporaries.ReplaceFolder(content, target);
        return target;
    }

    /// <summary>Known unpacked sizes of the GroupLens releases, in MB (rounded up; <c>ml-latest</c> grows over time).</summary>
    private static readonly Dictionary<string, long> UnpackedMegabytes = new(StringComparer.Ordinal)
    {
        ["ml-latest-small"] = 4, ["ml-100k"] = 16, ["ml-1m"] = 25, ["ml-10m"] = 280, ["ml-20m"] = 900,
        ["ml-25m"] = 1_200, ["ml-32m"] = 1_000, ["ml-latest"] = 1_500,
    };

    /// <summary>The most bytes a download of <paramref name="name"/> may extract to: twice its known unpacked size
    /// (ml-latest-small 8 MB … ml-latest 3 GB). A zip that unpacks to more is rejected as a zip bomb or a wrong file.</summary>
    public static long MaxExtractedBytes(string name)
    {
        CheckName(name);
        return 2 * (UnpackedMegabytes.TryGetValue(name, out var mb) ? mb : 64) * 1_000_000;
    }

    /// <summary>Extracts entry by entry, refusing absolute paths, paths that leave the folder, symbolic links and more
    /// than <paramref name="limit"/> bytes in all.</summary>
    private static void Extract(string name, Uri zipUri, string zipPath, string extractPath, long limit, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(extractPath) + Path.DirectorySeparatorChar;
        Directory.CreateDirectory(root);
        long written = 0;
        var buffer = new byte[1 << 16];
        try
        {
            using var archive = ZipFile.OpenRead(zipPath);
            foreach (var entry in archive.Entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var entryName = entry.FullName.Replace('\\', '/');
                if (entryName.StartsWith('/') || Path.IsPathRooted(entryName) || (entryName.Length > 1 && entryName[1] == ':'))
                {
                    throw new DatasetDownloadException(name, $"{zipUri} has an entry with an absolute path ('{entry.FullName}'); refusing to extract it");
                }

                var path = Path.GetFullPath(Path.Combine(root, entryName));
                if (!path.StartsWith(root, StringComparison.Ordinal) && path + Path.DirectorySeparatorChar != root)
                {
                    throw new DatasetDownloadException(name, $"{zipUri} has an entry that leaves the extraction folder ('{entry.FullName}'); refusing to extract it");
                }

                const int UnixFileTypeMask = 0xF000, UnixSymbolicLink = 0xA000;
                if (((entry.ExternalAttributes >> 16) & UnixFileTypeMask) == UnixSymbolicLink)
                {
                    throw new DatasetDownloadException(name, $"{zipUri} has a symbolic link entry ('{entry.FullName}'); refusing to extract it");
                }

                if (entryName.EndsWith('/'))
                {
                    Directory.CreateDirectory(path);
                    continue;
                }

                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                using var input = entry.Open();
                using var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                int n;
                while ((n = input.Read(buffer)) > 0)
                {
                    written += n;
                    if (written > limit)
                    {
                        throw new DatasetDownloadException(name, string.Create(CultureInfo.InvariantCulture,
                            $"{zipUri} unpacks to more than {limit / 1_000_000:N0} MB, twice the release's known size; refusing it (a zip bomb or the wrong file)"));
                    }

                    output.Write(buffer, 0, n);
                }
            }
        }
        catch (InvalidDataException e)
        {
            throw new DatasetDownloadException(name, $"{zipUri} is not a valid zip: {e.Message}", e);
        }
    }

    /// <summary>Waits for the lock file of <paramref name="name"/> (an exclusive open, released on dispose).</summary>
    private async Task<FileStream> AcquireLockAsync(string name, CancellationToken cancellationToken)
    {
        var path = Path.Combine(_options.CacheFolder, $".{name}.lock");
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (File.Exists(path))
            {
                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Deletes temporaries of <paramref name="name"/> (zip parts, extraction and set-aside folders); called under
    /// the name's lock, so any that exist were left by a run that was killed.</summary>
    private void DeleteTemporaries(string name)
    {
        foreach (var pattern in (string[])[$".{name}.*.zip.part", $".{name}.*.extract", $".{name}.*.old"])
        {
            foreach (var path in Directory.EnumerateFileSystemEntries(_options.CacheFolder, pattern)) TryDelete(path);
        }
    }

    /// <summary>The movie-metadata collections (overviews, posters, people) the catalog resolves by name, found like datasets
    /// but never downloaded (their sources publish no stable archive).</summary>
    public static IReadOnlyDictionary<string, string> KnownMetadata { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["tmdb-sample"] = "Kaggle 'The Movies Dataset' (TMDB) movies_metadata.csv with credits.csv and keywords.csv, joined through links.csv",
        ["seed-sample"] = "the original Python project's movie_metadata.csv (554 movies)",
    };

    /// <summary>Loads the metadata collection <paramref name="name"/> for a release whose links table is
    /// <paramref name="links"/>; null for an empty name (use the dataset's own <c>movie_metadata.csv</c>).</summary>
    /// <remarks>The folder is searched like a dataset (<see cref="Candidates"/>) and must hold <c>movies_metadata.csv</c>
    /// (TMDB, joined through <paramref name="links"/>) or <c>movie_metadata.csv</c> (the seed format). Notebooks name the
    /// collection instead of a path, so no machine path appears in their outputs.</remarks>
    /// <exception cref="ArgumentException">An unknown name.</exception>
    /// <exception cref="DatasetDownloadException">The collection is in none of the searched folders.</exception>
    public DataFrame? LoadMetadata(string? name, DataFrame? links)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        if (!KnownMetadata.ContainsKey(name))
        {
            throw new ArgumentException($"Unknown metadata collection '{name}'. Known: {string.Join(", ", KnownMetadata.Keys)}.", nameof(name));
        }

        foreach (var folder in Candidates(name))
        {
            foreach (var file in (string[])["movies_metadata.csv", "movie_metadata.csv"])
            {
                var path = Path.Combine(folder, file);
                if (File.Exists(path)) return MovieMetadataLoader.Load(path, links);
            }
        }

        throw new DatasetDownloadException(name, $"metadata not found (looked in {string.Join(", ", Candidates(name))}); set {DatasetCatalogOptions.DataEnvironmentVariable} to the folder that holds '{name}'");
    }

    /// <summary>The folders searched for <paramref name="name"/>, in order.</summary>
    public IEnumerable<string> Candidates(string name)
    {
        if (!string.IsNullOrEmpty(_options.DataRoot)) yield return Path.GetFullPath(Path.Combine(_options.DataRoot, name));
        foreach (var start in _options.SearchFrom)
        {
            var dir = new DirectoryInfo(start);
            for (var depth = 0; dir is not null && depth < 8; depth++, dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "data", name);
                if (Directory.Exists(candidate)) yield return candidate;
            }
        }

        yield return Path.Combine(_options.CacheFolder, name);
    }

    private static async Task<string> FetchMd5Async(HttpClient client, string name, Uri uri, CancellationToken ct)
    {
        string text;
        try
        {
            // A checksum file is a line; read at most 4 KB of whatever the server sends.
            using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                var buffer = new byte[4096];
                var length = 0;
                int n;
                while (length < buffer.Length && (n = await body.ReadAsync(buffer.AsMemory(length), ct).ConfigureAwait(false)) > 0) length += n;
                text = System.Text.Encoding.ASCII.GetString(buffer, 0, length);
            }
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw new DatasetDownloadException(name, $"cannot fetch the published checksum {uri}: {e.Message}", e);
        }

        var match = Md5Hex().Match(text);
        if (!match.Success) throw new DatasetDownloadException(name, $"{uri} holds no MD5 checksum");
        return match.Value.ToLowerInvariant();
    }

    private static async Task<string> DownloadFileAsync(HttpClient client, string name, Uri uri, string path, IProgress<DownloadProgress>? progress, CancellationToken ct)
    {
        try
        {
            using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new DatasetDownloadException(name, string.Create(CultureInfo.InvariantCulture, $"{uri} answered {(int)response.StatusCode} {response.ReasonPhrase}"));
            }

            var total = response.Content.Headers.ContentLength;
            using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
            var body = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
                await using (file.ConfigureAwait(false))
                {
                    var buffer = new byte[1 << 16];
                    long received = 0;
                    var lastReport = 0L;
                    int n;
                    while ((n = await body.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
                    {
                        md5.AppendData(buffer, 0, n);
                        await file.WriteAsync(buffer.AsMemory(0, n), ct).ConfigureAwait(false);
                        received += n;
                        if (received - lastReport >= 1 << 20)
                        {
                            progress?.Report(new DownloadProgress(name, received, total));
                            lastReport = received;
                        }
                    }

                    progress?.Report(new DownloadProgress(name, received, total));
                    if (total is { } expectedLength && received != expectedLength)
                    {
                        throw new DatasetDownloadException(name, string.Create(CultureInfo.InvariantCulture, $"{uri} ended after {received:N0} of {expectedLength:N0} bytes"));
                    }
                }
            }

            return Convert.ToHexStringLower(md5.GetHashAndReset());
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw new DatasetDownloadException(name, $"downloading {uri} failed: {e.Message}", e);
        }
    }

    private static string ContentRoot(string extracted)
    {
        var dirs = Directory.GetDirectories(extracted).Where(d => !Path.GetFileName(d).StartsWith("__MACOSX", StringComparison.Ordinal)).ToArray();
        return dirs.Length == 1 && Directory.GetFiles(extracted).Length == 0 ? dirs[0] : extracted;
    }

    private static bool HasRatings(string folder) =>
        File.Exists(Path.Combine(folder, "ratings.csv")) || File.Exists(Path.Combine(folder, "ratings.dat")) || File.Exists(Path.Combine(folder, "u.data"));

    internal static void CheckName(string name)
    {
        if (!KnownDatasets.ContainsKey(name))
        {
            throw new ArgumentException($"Unknown dataset '{name}'. Known: {string.Join(", ", KnownDatasets.Keys)}.", nameof(name));
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            if (File.Exists(path)) File.Delete(path);
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover dot-folder in the cache is harmless and never taken for a dataset.
        }
    }

    // A host that cannot be reached fails within ConnectTimeout (a clear DatasetDownloadException), never a long hang;
    // a slow download of a large release still has 30 minutes.
    private static readonly Lazy<HttpClient> SharedClient = new(() => new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(15) }) { Timeout = TimeSpan.FromMinutes(30) });

    [GeneratedRegex("\\b[0-9a-fA-F]{32}\\b")]
    private static partial Regex Md5Hex();
}
