namespace MovieRec.Tests.Support;

/// <summary>A fact that needs a headless Chromium; skipped with the reason when none is installed (CI installs Debian's chromium).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.FindExecutable() is null)
        {
            Skip = $"needs a Chromium executable (apt-get install -y chromium, or set {Chromium.ExecutableVariable}); .ci/run installs it";
        }
    }
}
