using System.Diagnostics;

namespace MovieRec.Tests.Support;

/// <summary>Jupyter's own Python clients, as CI installs them (apt: python3-jupyter-client, python3-nbclient,
/// python3-nbformat, jupyter-notebook; PyPI is not reachable), and a kernelspec for the built tool.</summary>
internal static class Jupyter
{
    public const string Python = "/usr/bin/python3";

    private static readonly Lazy<string?> MissingReason = new(() =>
    {
        if (!Directory.Exists(ConformanceSuite)) return $"needs the vendored jupyter_kernel_test at {ConformanceSuite} (../shared/vendor), which is not present";
        if (!File.Exists(Python)) return $"needs {Python} with Debian's python3-jupyter-client, python3-nbclient and python3-nbformat (.ci/run installs them)";
        var (code, _, _) = RunAsync(["-c", "import jupyter_client, nbclient, nbformat"], null).GetAwaiter().GetResult();
        return code == 0 ? null : $"needs Debian's python3-jupyter-client, python3-nbclient and python3-nbformat under {Python} (.ci/run installs them)";
    });

    /// <summary>Why the Jupyter tests cannot run here, or null.</summary>
    public static string? Missing => MissingReason.Value;

    public static string ConformanceSuite => Path.GetFullPath(Path.Combine(TestPaths.RepositoryRoot, "..", "shared", "vendor", "jupyter_kernel_test"));

    public static string Scripts => Path.Combine(TestPaths.RepositoryRoot, "MovieRec.Tests", "Kernel");

    /// <summary>Installs the built tool's kernelspec under <paramref name="prefix"/> (through <c>movierec kernel install</c>) and
    /// returns the JUPYTER_PATH entry that finds it.</summary>
    public static async Task<string> InstallKernelAsync(string prefix, string name)
    {
        var (code, stdout, stderr) = await Movierec.RunAsync("kernel", "install", "--prefix", prefix, "--name", name, "--no-png");
        Assert.True(code == 0, stdout + stderr);
        return Path.Combine(prefix, "share", "jupyter");
    }

    /// <summary>Runs <see cref="Python"/> with the conformance suite and the test scripts importable.</summary>
    public static async Task<(int Code, string Stdout, string Stderr)> RunAsync(IEnumerable<string> args, string? jupyterPath, string? kernelName = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Scripts };
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["PYTHONPATH"] = ConformanceSuite + Path.PathSeparator + Scripts;
        start.Environment["PYDEVD_DISABLE_FILE_VALIDATION"] = "1";
        start.Environment["JUPYTER_PLATFORM_DIRS"] = "1";
        if (jupyterPath is not null) start.Environment["JUPYTER_PATH"] = jupyterPath;
        if (kernelName is not null) start.Environment["MOVIEREC_KERNEL_NAME"] = kernelName;
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }
}
