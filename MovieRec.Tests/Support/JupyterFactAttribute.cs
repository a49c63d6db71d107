namespace MovieRec.Tests.Support;

/// <summary>A fact that needs Jupyter's Python clients (Debian's python3-jupyter-client, python3-nbclient, python3-nbformat
/// under /usr/bin/python3) and the vendored conformance suite; skipped with the reason when they are absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class JupyterFactAttribute : FactAttribute
{
    public JupyterFactAttribute()
    {
        if (Jupyter.Missing is { } reason) Skip = reason;
    }
}
