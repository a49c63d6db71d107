using BenchmarkDotNet.Running;
using MovieRec.Benchmarks;

// dotnet run -c Release --project MovieRec.Benchmarks -- --filter '*'        (all)
// dotnet run -c Release --project MovieRec.Benchmarks -- --filter '*Load*'   (one group)
if (!Directory.Exists(BenchPaths.MlLatestSmall))
{
    Console.Error.WriteLine($"note: {BenchPaths.SharedData} is absent, so the ml-latest-small benchmarks will fail their setup; the others run.");
}

// dotnet run -c Release --project MovieRec.Benchmarks -- startup [--tool NAME=COMMAND]... [--model BUNDLE] [--runs 20]
if (args.Length > 0 && args[0] == "startup") return StartupBench.Run(args[1..]);

// dotnet run -c Release --project MovieRec.Benchmarks -- packages [--package NAME,VERSION] [--runs 10]
if (args.Length > 0 && args[0] == "packages") return PackageBench.Run(args[1..]);

BenchmarkSwitcher.FromAssembly(typeof(BenchPaths).Assembly).Run(args);
return 0;
