using System.Diagnostics;

namespace MovieRec.Benchmarks;

/// <summary>Notebook executor start-up: a fresh <c>movierec notebooks run</c> process on a one-cell notebook (runtime start, Roslyn's cold compile, nbformat write).</summary>
[MedianColumn]
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class NotebookBenchmarks
{
    private string _folder = null!;
    private string _notebook = null!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "movierec-bench-notebook");
        Directory.CreateDirectory(_folder);
        _notebook = Path.Combine(_folder, "startup.ipynb");
        File.WriteAllText(_notebook, """
            {"cells": [{"cell_type": "code", "execution_count": null, "metadata": {}, "outputs": [],
              "source": ["#!csharp\n", "#r \"nuget: MovieRec.Core\"\n", "using MovieRec.Data;\n", "Columns.Rating"]}],
             "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
            """);
    }

    [Benchmark]
    public int ExecutorStartup_OneCellNotebook()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "movierec.dll"), "notebooks", "run", _notebook, "--out", Path.Combine(_folder, "out") }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException("movierec notebooks run failed");
        return process.ExitCode;
    }
}
