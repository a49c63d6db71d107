using System.Diagnostics;
using Microsoft.CodeAnalysis;

namespace MovieRec.Tests.Support;

/// <summary>The .NET SDK and runtime as tests use them beside the test host.</summary>
internal static class Dotnet
{
    /// <summary>Runs <paramref name="file"/> in <paramref name="folder"/> without the test host's MSBuild variables (which
    /// would hand the test host's MSBuild to the SDK's); returns the exit code and both streams.</summary>
    public static async Task<(int Code, string Output)> RunAsync(string file, string folder, params string[] args)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList()) start.Environment.Remove(name);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>Metadata references to the assemblies the test host runs with (the framework and the packages), the
    /// MovieRec assemblies and the tool left out, for compiling the library's sources or snippets afresh.</summary>
    public static IEnumerable<MetadataReference> HostReferencesWithoutMovieRec() =>
        (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !Path.GetFileName(p).StartsWith("MovieRec", StringComparison.OrdinalIgnoreCase))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));
}
