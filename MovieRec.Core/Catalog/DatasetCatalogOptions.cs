namespace MovieRec.Catalog;

/// <summary>Where <see cref="DatasetCatalog"/> looks for datasets and where it downloads them from.</summary>
public sealed record DatasetCatalogOptions
{
    /// <summary>The environment variable naming a folder of datasets (<c>$MOVIEREC_DATA/&lt;name&gt;</c>).</summary>
    public const string DataEnvironmentVariable = "MOVIEREC_DATA";

    /// <summary>A folder holding datasets by name; defaults to <c>$MOVIEREC_DATA</c>.</summary>
    public string? DataRoot { get; init; } = Environment.GetEnvironmentVariable(DataEnvironmentVariable);

    /// <summary>Folders from which <c>data/&lt;name&gt;</c> is searched upwards; defaults to the current folder and the application's folder.</summary>
    public IReadOnlyList<string> SearchFrom { get; init; } = [Environment.CurrentDirectory, AppContext.BaseDirectory];

    /// <summary>The user cache where downloads land: <c>~/.local/share/movierec/datasets</c> on Linux (LocalApplicationData).</summary>
    public string CacheFolder { get; init; } = DefaultCacheFolder();

    /// <summary>The download location; every dataset is <c>&lt;BaseUri&gt;&lt;name&gt;.zip</c> with <c>&lt;name&gt;.zip.md5</c> beside it.</summary>
    public Uri BaseUri { get; init; } = DatasetCatalog.GroupLensBaseUri;

    /// <summary>Download missing datasets (true) or fail with the folders searched (false).</summary>
    public bool AllowDownload { get; init; } = true;

    /// <summary>The HTTP client to use; a shared one with a 30-minute timeout by default.</summary>
    public HttpClient? HttpClient { get; init; }

    private static string DefaultCacheFolder()
    {
        var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        if (string.IsNullOrEmpty(root)) root = Path.Combine(Path.GetTempPath(), "movierec-cache");
        return Path.Combine(root, "movierec", "datasets");
    }
}
