using System.Diagnostics;

namespace MovieRec.Tests.Support;

/// <summary>Runs the built movierec tool (copied beside the tests) as users run it, in its own process.</summary>
internal static class Movierec
{
    public static Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args) => RunWithAsync(new Dictionary<string, string?>(), args);

    /// <summary>Runs with extra environment variables (a null value removes one).</summary>
    public static async Task<(int Code, string Stdout, string Stderr)> RunWithAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (key, value) in environment) start.Environment[key] = value;
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "movierec.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }
}
