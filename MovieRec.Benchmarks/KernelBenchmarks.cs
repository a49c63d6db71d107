using MovieRec.Notebooks;

namespace MovieRec.Benchmarks;

/// <summary>
/// The Jupyter kernel as a front end feels it: process start to the kernel_info reply, a trivial cell's round trip
/// (execute_request to execute_reply), a completion request, and the kernel's peak memory after running every code cell
/// of notebook 01 on the sample (printed at the end of the run).
/// </summary>
/// <remarks><c>dotnet run -c Release --project MovieRec.Benchmarks -- --filter '*KernelBenchmarks*'</c></remarks>
[MedianColumn]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 15)]
public class KernelBenchmarks
{
    private KernelClient _kernel = null!;

    [GlobalSetup(Targets = [nameof(TrivialCellRoundTrip), nameof(Completion)])]
    public void StartKernel()
    {
        _kernel = KernelClient.Start();
        _kernel.Execute("var numbers = new List<int> { 1, 2, 3 };");
    }

    [GlobalCleanup(Targets = [nameof(TrivialCellRoundTrip), nameof(Completion)])]
    public void StopKernel() => _kernel.Dispose();

    [Benchmark]
    public void StartToKernelInfoReply()
    {
        using var kernel = KernelClient.Start();
    }

    [Benchmark]
    public object TrivialCellRoundTrip() => _kernel.Execute("1 + 1");

    [Benchmark]
    public object Completion() => _kernel.Complete("numbers.Co");

    [GlobalSetup(Target = nameof(Notebook01PeakMemory))]
    public void NoSetup()
    {
    }

    /// <summary>Runs notebook 01's code cells through one kernel and prints its peak resident memory.</summary>
    [Benchmark]
    public long Notebook01PeakMemory()
    {
        using var kernel = KernelClient.Start();
        var repository = BenchPaths.RepositoryRoot;
        var document = NotebookDocument.Load(Path.Combine(repository, "notebooks", "01-data-and-eda.ipynb"));
        Environment.SetEnvironmentVariable("MOVIEREC_DATA", null);
        kernel.Execute($"System.IO.Directory.SetCurrentDirectory({System.Text.Json.JsonSerializer.Serialize(Path.Combine(repository, "notebooks"))});");
        foreach (var cell in document.Cells.Where(c => NotebookDocument.CellType(c!) == "code"))
        {
            var reply = kernel.Execute(NotebookDocument.Source(cell!));
            if (reply["status"]!.GetValue<string>() != "ok") throw new InvalidOperationException($"notebook 01 failed in the kernel: {reply["evalue"]}");
        }

        var peak = kernel.PeakMemory();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// kernel peak memory after notebook 01 on the sample: {peak / 1048576.0:F0} MB"));
        return peak;
    }
}
