using BenchmarkDotNet.Running;
using MovieRec.Benchmarks;

// dotnet run -c Release --project MovieRec.Benchmarks -- --filter '*'        (all)
// dotnet run -c Release --project MovieRec.Benchmarks -- --filter '*Load*'   (one group)
if (!Directory.Exists(BenchPaths.MlLatestSmall))
{
    Console.Error.WriteLine($"note: {BenchPaths.SharedData} is absent, so the ml-latest-small benchmarks will fail their setup; the others run.");
}

BenchmarkSwitcher.FromAssembly(typeof(BenchPaths).Assembly).Run(args);
