namespace MovieRec.Tests.Docs;

/// <summary>The built documentation site (<c>bash docs/build.sh</c> writes docs/_site; <c>.ci/run</c> builds it before the
/// tests and names it in <c>MOVIEREC_SITE</c>). Only a site named by that variable is tested, so a stale local build is
/// never taken for the current one.</summary>
internal static class Site
{
    public const string Variable = "MOVIEREC_SITE";

    /// <summary>The site's folder, or null.</summary>
    public static string? Folder => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } folder && File.Exists(Path.Combine(folder, "index.html")) ? Path.GetFullPath(folder) : null;

    /// <summary>Why the site tests cannot run, or null.</summary>
    public static string? Missing => Folder is null
        ? $"needs the documentation site: run 'bash docs/build.sh' and set {Variable}=docs/_site (.ci/run does both)"
        : null;
}

/// <summary>A fact on the built documentation site; skipped with the reason when no site is named.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SiteFactAttribute : FactAttribute
{
    public SiteFactAttribute()
    {
        if (Site.Missing is { } reason) Skip = reason;
    }
}

/// <summary>A fact on the built site in headless Chromium; skipped with the reason when either is missing.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SiteChromiumFactAttribute : FactAttribute
{
    public SiteChromiumFactAttribute()
    {
        if (Site.Missing is { } reason) Skip = reason;
        else if (MovieRec.Notebooks.Chromium.FindExecutable() is null) Skip = "needs a Chromium executable (apt-get install -y chromium); .ci/run installs it";
    }
}
