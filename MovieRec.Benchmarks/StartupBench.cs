using System.Diagnostics;
using System.Globalization;

namespace MovieRec.Benchmarks;

/// <summary>
/// The tool as a user starts it, timed from outside: process start to exit for <c>--version</c>, <c>recommend --model</c>
/// (svd, ml, hybrid) and <c>similar --model</c>; for the kernel, start to its <c>kernel_info_reply</c> and start to the
/// reply of a first cell <c>1 + 1</c>. Runs are interleaved (every case of every tool, then again), so a machine whose
/// speed drifts slows all of them alike; each line reports the median, min and max of the runs.
/// </summary>
/// <remarks>
/// <code>dotnet run -c Release --project MovieRec.Benchmarks -- startup --runs 20 --tool jit="dotnet MovieRec.Cli/bin/Release/net10.0/movierec.dll" --tool r2r=$HOME/.dotnet/tools/movierec</code>
/// Without <c>--tool</c>, the framework-dependent build beside the benchmarks is timed; without <c>--model</c>, a bundle of
/// the repository's sample is fitted first (<c>movierec fit</c>) into the temp folder.
/// </remarks>
internal static class StartupBench
{
    public static int Run(string[] args)
    {
        var tools = new List<(string Name, string[] Command)>();
        string? model = null;
        var runs = 20;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--tool" when i + 1 < args.Length:
                    var spec = args[++i];
                    var eq = spec.IndexOf('=', StringComparison.Ordinal);
                    tools.Add(eq > 0 ? (spec[..eq], spec[(eq + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries)) : (spec, spec.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
                    break;
                case "--model" when i + 1 < args.Length: model = args[++i]; break;
                case "--runs" when i + 1 < args.Length: runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine($"unknown argument {args[i]}; usage: startup [--tool NAME=COMMAND]... [--model BUNDLE] [--runs N]");
                    return 2;
            }
        }

        if (tools.Count == 0) tools.Add(("build", ["dotnet", Path.Combine(AppContext.BaseDirectory, "movierec.dll")]));
        if (model is null)
        {
            model = Path.Combine(Path.GetTempPath(), "movierec-startup-bench.movierec");
            var (code, _) = Time(tools[0].Command, ["fit", "--data", BenchPaths.Sample, "--out", model]);
            if (code != 0) throw new InvalidOperationException("movierec fit failed");
        }

        string[][] cases =
        [
            ["--version"],
            ["recommend", "--model", model, "--user", "414", "--engine", "svd"],
            ["recommend", "--model", model, "--user", "414", "--engine", "ml"],
            ["recommend", "--model", model, "--user", "414", "--engine", "hybrid"],
            ["similar", "--model", model, "--movie", "1"],
        ];
        string[] names = ["--version", "recommend svd", "recommend ml", "recommend hybrid", "similar", "kernel_info_reply", "first cell 1 + 1"];
        var times = new List<double>[tools.Count, names.Length];
        for (var t = 0; t < tools.Count; t++)
        {
            for (var c = 0; c < names.Length; c++) times[t, c] = [];
        }

        for (var run = -1; run < runs; run++) // run -1 warms the disk cache and is not counted
        {
            for (var c = 0; c < names.Length; c++)
            {
                for (var t = 0; t < tools.Count; t++)
                {
                    double seconds;
                    if (c < cases.Length)
                    {
                        var (code, elapsed) = Time(tools[t].Command, cases[c]);
                        if (code != 0) throw new InvalidOperationException($"{tools[t].Name} {string.Join(' ', cases[c])} exited with {code}");
                        seconds = elapsed;
                    }
                    else
                    {
                        seconds = Kernel(tools[t].Command, firstCell: c == names.Length - 1);
                    }

                    if (run >= 0) times[t, c].Add(seconds);
                }
            }
        }

        Console.WriteLine($"{runs} interleaved runs on {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}; seconds, process start to exit (kernel: to the reply)");
        Console.WriteLine($"{"case",-20} {"tool",-10} {"median",8} {"min",8} {"max",8}");
        for (var c = 0; c < names.Length; c++)
        {
            for (var t = 0; t < tools.Count; t++)
            {
                var sorted = times[t, c].Order().ToArray();
                var median = Medians.Of(sorted);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{names[c],-20} {tools[t].Name,-10} {median,8:F3} {sorted[0],8:F3} {sorted[^1],8:F3}"));
            }
        }

        return 0;
    }

    /// <summary>Runs the tool once with <paramref name="args"/>; its output is drained and dropped.</summary>
    private static (int Code, double Seconds) Time(string[] tool, string[] args)
    {
        var start = new ProcessStartInfo(tool[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in tool.Skip(1).Concat(args)) start.ArgumentList.Add(a);
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var seconds = watch.Elapsed.TotalSeconds;
        Task.WaitAll(stdout, stderr);
        return (process.ExitCode, seconds);
    }

    /// <summary>Start to kernel_info_reply, or (with <paramref name="firstCell"/>) start to the reply of <c>1 + 1</c>.</summary>
    private static double Kernel(string[] tool, bool firstCell)
    {
        var watch = Stopwatch.StartNew();
        using var kernel = KernelClient.Start(tool, TimeSpan.FromMilliseconds(5));
        if (firstCell && kernel.Execute("1 + 1")["status"]?.GetValue<string>() != "ok") throw new InvalidOperationException("the first cell failed");
        return watch.Elapsed.TotalSeconds;
    }
}
