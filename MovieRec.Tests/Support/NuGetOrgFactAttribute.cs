namespace MovieRec.Tests.Support;

/// <summary>A fact that restores a real package from the repository's configured feed (nuget.org, or the mirror that
/// serves it); skipped with the reason when the feed's service index cannot be read.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NuGetOrgFactAttribute : FactAttribute
{
    public const string ServiceIndex = "https://api.nuget.org/v3/index.json";

    private static readonly Lazy<string?> Unreachable = new(() =>
    {
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            using var response = http.GetAsync(ServiceIndex).GetAwaiter().GetResult();
            return response.IsSuccessStatusCode ? null : $"needs the NuGet feed {ServiceIndex}, which answered {(int)response.StatusCode}";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return $"needs the NuGet feed {ServiceIndex}, which is not reachable here ({e.Message})";
        }
    });

    public NuGetOrgFactAttribute()
    {
        if (Unreachable.Value is { } reason) Skip = reason;
    }
}
