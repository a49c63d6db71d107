namespace MovieRec.Datasets;

/// <summary>Where <see cref="DatasetCatalog"/> looks for datasets and where it downloads them from.</summary>
public sealed record DatasetCatalogOptions
{
    /// <summary>The environment variable naming a folder of datasets (<c>$MOVIEREC_DATA/&lt;name&gt;</c>).</summary>
    public const string DataEnvironmentVariable = "MOVIEREC_DATA";

    /// <summary>The environment variable that overrides the download location (<see cref="BaseUri"/>), e.g. a mirror or a
    /// test server: <c>MOVIEREC_DATASETS_URL=http://127.0.0.1:8080/</c>.</summary>
    public const string BaseUriEnvironmentVariable = "MOVIEREC_DATASETS_URL";

    /// <summary>A folder holding datasets by name; defaults to <c>$MOVIEREC_DATA</c>.</summary>
    public string? DataRoot { get; init; } = Environment.GetEnvironmentVariable(DataEnvironmentVariable);

    /// <summary>Folders from which <c>data/&lt;name&gt;</c> is searched upwards; defaults to the current folder and the application's folder.</summary>
    public IReadOnlyList<string> SearchFrom { get; init; } = [Environment.CurrentDirectory, AppContext.BaseDirectory];

    /// <summary>The user cache where downloads land: <c>~/.local/share/movierec/datasets</c> on Linux (LocalApplicationData).</summary>
    public string CacheFolder { get; init; } = DefaultCacheFolder();

    /// <summary>The download location; every dataset is <c>&lt;BaseUri&gt;&lt;name&gt;.zip</c> with <c>&lt;name&gt;.zip.md5</c> beside it.</summary>
    /// <remarks>Defaults to <c>$MOVIEREC_DATASETS_URL</c> when set, else <see cref="DatasetCatalog.GroupLensBaseUri"/>.</remarks>
    public Uri BaseUri { get; init; } = DefaultBaseUri();

    /// <summary>Download missing datasets (true) or fail with the folders searched (false).</summary>
    public bool AllowDownload { get; init; } = true;

    /// <summary>The HTTP client to use; a shared one with a 30-minute timeout by default.</summary>
    public HttpClient? HttpClient { get; init; }

    private static Uri DefaultBaseUri()
    {
        var value = Environment.GetEnvironmentVariable(BaseUriEnvironmentVariable);
        if (string.IsNullOrWhiteSpace(value)) return DatasetCatalog.GroupLensBaseUri;
        if (!Uri.TryCreate(value.EndsWith('/') ? value : value + "/", UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"{BaseUriEnvironmentVariable} is not an http(s) URL: '{value}'.");
        }

        return uri;
    }

    private static string DefaultCacheFolder()
    {
        var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        if (string.IsNullOrEmpty(root)) root = Path.Combine(Path.GetTempPath(), "movierec-cache");
        return Path.Combine(root, "movierec", "datasets");
    }
}
