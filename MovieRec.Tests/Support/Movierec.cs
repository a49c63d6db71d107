using System.Diagnostics;

namespace MovieRec.Tests.Support;

/// <summary>Runs the built movierec tool (copied beside the tests) as users run it, in its own process.</summary>
internal static class Movierec
{
    public static Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args) => RunWithAsync(new Dictionary<string, string?>(), args);

    /// <summary>util-linux's tool that runs a program with other user ids.</summary>
    public const string Setpriv = "/usr/bin/setpriv";

    /// <summary>True when the tests run as root (the effective uid of /proc/self/status's Uid line is 0).</summary>
    public static bool IsRoot { get; } = StatusField("Uid") is [_, "0", ..];

    /// <summary>True when this process ignores SIGINT (bit 2 of /proc/self/status's SigIgn mask), as a test runner started
    /// as a background job of a script does; its children inherit that.</summary>
    public static bool SigintIgnored { get; } = StatusField("SigIgn") is [var mask] && (Convert.ToUInt64(mask, 16) & 0x2) != 0;

    /// <summary>The values of one line of /proc/self/status (none where there is no such file or line).</summary>
    private static string[] StatusField(string name) =>
        File.Exists("/proc/self/status") && File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(name + ":", StringComparison.Ordinal)) is { } line
            ? line[(name.Length + 1)..].Split('\t', ' ', StringSplitOptions.RemoveEmptyEntries)
            : [];

    /// <summary>Runs the tool as a user whom file permissions bind: this user, or <c>nobody</c> (65534) when the tests run as root.</summary>
    public static async Task<(int Code, string Stdout, string Stderr)> RunUnprivilegedAsync(params string[] args)
    {
        if (!IsRoot) return await RunAsync(args);
        var start = new ProcessStartInfo(Setpriv) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path.GetTempPath() };
        foreach (var a in new[] { "--reuid=65534", "--regid=65534", "--clear-groups", "dotnet", Path.Combine(AppContext.BaseDirectory, "movierec.dll") }) start.ArgumentList.Add(a);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["HOME"] = Path.GetTempPath();
        return await CollectAsync(start);
    }

    /// <summary>Runs with extra environment variables (a null value removes one).</summary>
    public static async Task<(int Code, string Stdout, string Stderr)> RunWithAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (key, value) in environment) start.Environment[key] = value;
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "movierec.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        return await CollectAsync(start);
    }

    /// <summary>Starts the process, reads both streams to the end and waits for it.</summary>
    private static async Task<(int Code, string Stdout, string Stderr)> CollectAsync(ProcessStartInfo start)
    {
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }
}
