using System.Diagnostics;
using System.Globalization;
using MovieRec.Notebooks;

namespace MovieRec.Benchmarks;

/// <summary>
/// <c>#r "nuget:"</c> as a notebook user meets it, timed in process from the cell's start to its end: the first reference
/// of a package already in the global packages folder by a new kernel (a new generated project, so <c>dotnet restore</c>
/// runs), and the same reference by the next kernel (the generated project's assets are reused: no restore, no feed).
/// Each line reports the median, min and max of the runs.
/// </summary>
/// <remarks>
/// <code>dotnet run -c Release --project MovieRec.Benchmarks -- packages --runs 10 --package Humanizer.Core,2.14.1</code>
/// The package is restored once before the runs (into the ordinary global packages folder, from the feeds of the
/// repository's nuget.config), so the runs measure a warm global packages folder, not the download.
/// </remarks>
internal static class PackageBench
{
    public static int Run(string[] args)
    {
        var package = "Humanizer.Core,2.14.1";
        var runs = 10;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--package" when i + 1 < args.Length: package = args[++i]; break;
                case "--runs" when i + 1 < args.Length: runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine($"unknown argument {args[i]}; usage: packages [--package NAME,VERSION] [--runs N]");
                    return 2;
            }
        }

        var cell = $"#r \"nuget: {package.Replace(",", ", ", StringComparison.Ordinal)}\"";
        var root = Path.Combine(Path.GetTempPath(), "movierec-package-bench");
        var folder = BenchPaths.RepositoryRoot; // its nuget.config names the feeds
        Time(cell, folder, Path.Combine(root, "warm")); // downloads once when needed; not counted
        var first = new List<double>();
        var again = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var projects = Path.Combine(root, Guid.NewGuid().ToString("N"));
            first.Add(Time(cell, folder, projects));
            again.Add(Time(cell, folder, projects));
            Directory.Delete(projects, recursive: true);
        }

        Console.WriteLine($"{package}: {runs} runs, seconds from the cell's start to its end (median, min, max)");
        Report("first #r in a new kernel (dotnet restore, warm global packages folder)", first);
        Report("the same #r in the next kernel (cached assets, no restore)", again);
        return 0;
    }

    private static double Time(string cell, string folder, string projects)
    {
        var session = new NotebookSession(new NotebookSessionOptions { BaseDirectory = folder, RestoreProjectsFolder = projects });
        var clock = Stopwatch.StartNew();
        var result = session.ExecuteAsync(cell, new MovieRec.Notebooks.Kernel.SilentCellOutput()).GetAwaiter().GetResult();
        var seconds = clock.Elapsed.TotalSeconds;
        if (result.Error is { } error) throw new InvalidOperationException($"{error.Name}: {error.Value}");
        return seconds;
    }

    private static void Report(string name, List<double> seconds)
    {
        seconds.Sort();
        var median = Medians.Of(seconds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-75} {median,6:0.000} {seconds[0],6:0.000} {seconds[^1],6:0.000}"));
    }
}
