namespace MovieRec.Tests.Support;

/// <summary>A fact that drives Jupyter's classic Notebook server in headless Chromium: it needs Jupyter's Python clients,
/// Debian's <c>jupyter-notebook</c> and a Chromium, and is skipped with the reason when any of them is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class JupyterBrowserFactAttribute : FactAttribute
{
    /// <summary>Debian's classic Notebook server.</summary>
    public const string NotebookServer = "/usr/bin/jupyter-notebook";

    public JupyterBrowserFactAttribute()
    {
        if (Jupyter.Missing is { } reason) Skip = reason;
        else if (!File.Exists(NotebookServer)) Skip = $"needs Debian's jupyter-notebook at {NotebookServer} (.ci/run installs it with the other Jupyter packages)";
        else if (Chromium.FindExecutable() is null) Skip = $"needs a Chromium executable (apt-get install -y chromium, or set {Chromium.ExecutableVariable}); .ci/run installs it";
    }
}
