namespace MovieRec.Tests.Notebooks;

/// <summary>
/// The repository's notebooks executed on the sample, twice, by two processes with the same parameters: the batch
/// runner (<c>movierec notebooks run</c>) and, where Jupyter's clients are installed, nbclient through the kernel (else
/// the batch runner again). Shared by every test of the process that needs executed notebooks.
/// </summary>
/// <remarks>When <c>MOVIEREC_NOTEBOOK_RUN</c> names a folder holding every notebook executed by the README's main job
/// (<c>.ci/run</c> sets it after that job succeeded), that folder is the batch run and is not repeated. When
/// <c>MOVIEREC_NOTEBOOK_KERNEL_RUN</c> names a folder where <c>.ci/run</c> ran the same nbclient pass beside the main job
/// (<c>run/</c> the executed notebooks, <c>exit</c> the script's exit code, <c>log</c> its output), that is the second
/// run; the tests check it exactly as one they made.</remarks>
public sealed class NotebookRunFixture : IAsyncLifetime, IDisposable
{
    /// <summary>The environment variable naming a finished main job's output folder.</summary>
    public const string ReuseVariable = "MOVIEREC_NOTEBOOK_RUN";

    /// <summary>The environment variable naming a finished nbclient pass of <c>.ci/run</c> (folders run/, exit, log).</summary>
    public const string KernelReuseVariable = "MOVIEREC_NOTEBOOK_KERNEL_RUN";

    private readonly TempFolder _temp = new();

    /// <summary>The repository's notebooks, by file name.</summary>
    public IReadOnlyList<string> Names { get; private set; } = [];

    /// <summary>The executed notebooks of the batch run and of the second run, by file name.</summary>
    internal (Dictionary<string, NotebookDocument> First, Dictionary<string, NotebookDocument> Second) Runs { get; private set; }

    /// <summary>What the batch run printed, and its exit code (0 and a note when the main job's output was reused).</summary>
    public (int Code, string Stdout, string Stderr) FirstRun { get; private set; }

    /// <summary>What the second run printed, and its exit code.</summary>
    public (int Code, string Stdout, string Stderr) SecondRun { get; private set; }

    /// <summary>True when the second run went through the kernel with nbclient.</summary>
    public bool SecondThroughKernel { get; private set; }

    public async Task InitializeAsync()
    {
        var notebooks = Path.Combine(TestPaths.RepositoryRoot, "notebooks");
        var files = Directory.GetFiles(notebooks, "*.ipynb").Order(StringComparer.Ordinal).ToArray();
        Names = [.. files.Select(Path.GetFileName)!];
        string first = _temp.Sub("first"), second = _temp.Sub("second");
        Task<(int, string, string)> batch;
        if (Environment.GetEnvironmentVariable(ReuseVariable) is { Length: > 0 } reused && Names.All(n => File.Exists(Path.Combine(reused, n))))
        {
            first = reused;
            batch = Task.FromResult((0, $"reused the main job's notebooks in {reused}", ""));
        }
        else
        {
            batch = Movierec.RunAsync(["notebooks", "run", .. files, "--param", "Dataset=sample", "--out", first, "--no-png"]);
        }

        SecondThroughKernel = Jupyter.Missing is null;
        Task<(int, string, string)> again;
        if (SecondThroughKernel && Environment.GetEnvironmentVariable(KernelReuseVariable) is { Length: > 0 } kernelRun && File.Exists(Path.Combine(kernelRun, "exit")))
        {
            second = Path.Combine(kernelRun, "run");
            var code = int.Parse(File.ReadAllText(Path.Combine(kernelRun, "exit")).Trim(), CultureInfo.InvariantCulture);
            again = Task.FromResult((code, $"reused the nbclient pass in {kernelRun}\n" + File.ReadAllText(Path.Combine(kernelRun, "log")), ""));
        }
        else
        {
            again = SecondThroughKernel ? ThroughKernelAsync(files, second) : Movierec.RunAsync(["notebooks", "run", .. files, "--param", "Dataset=sample", "--out", second, "--no-png"]);
        }
        FirstRun = await batch;
        SecondRun = await again;
        Runs = (Load(first), Load(second));
    }

    /// <summary>Runs every notebook with nbclient through a kernelspec of the built tool (Run All: the parameters cell's
    /// defaults, which are the sample's).</summary>
    private async Task<(int, string, string)> ThroughKernelAsync(string[] files, string output)
    {
        var jupyterPath = await Jupyter.InstallKernelAsync(_temp.Sub("prefix"), "movierec-nbclient");
        return await Jupyter.RunAsync(["run_notebooks_nbclient.py", "movierec-nbclient", output, .. files], jupyterPath);
    }

    private Dictionary<string, NotebookDocument> Load(string folder) =>
        Names.Where(n => File.Exists(Path.Combine(folder, n))).ToDictionary(n => n, n => NotebookDocument.Load(Path.Combine(folder, n)));

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>Every output of a notebook, as (cell index, output).</summary>
    internal static IEnumerable<(int Cell, JsonObject Output)> Outputs(NotebookDocument document) =>
        document.Cells.Select((c, i) => (i, c)).Where(t => t.c?["cell_type"]?.GetValue<string>() == "code")
            .SelectMany(t => ((JsonArray)t.c!["outputs"]!).Select(o => (t.i, (JsonObject)o!)));

    /// <summary>The text/plain (or stream text) of an output.</summary>
    internal static string Text(JsonObject output) =>
        NotebookDocument.Join(output["output_type"]!.GetValue<string>() == "stream" ? output["text"] : output["data"]?["text/plain"]);

    /// <summary>Per code cell, its outputs as "type: text/plain" lines, with consecutive console text of one stream joined
    /// (a front end may split a stream into other messages than the batch runner does).</summary>
    internal static List<string> TextByCodeCell(NotebookDocument document) =>
        [.. document.Cells.Where(c => NotebookDocument.CellType(c!) == "code" && !NotebookDocument.HasTag(c!, NotebookRunner.InjectedTag)).Select(c =>
        {
            var parts = new List<string>();
            foreach (var output in ((JsonArray)c!["outputs"]!).OfType<JsonObject>())
            {
                var type = output["output_type"]!.GetValue<string>();
                var text = Text(output);
                var label = type == "stream" ? "stream " + output["name"]!.GetValue<string>() : type;
                if (type == "stream" && parts.Count > 0 && parts[^1].StartsWith(label + ": ", StringComparison.Ordinal)) parts[^1] += text;
                else parts.Add(label + ": " + text);
            }

            return string.Join("\n", parts);
        })];

    /// <summary>The rows of the first text table whose header starts with <paramref name="header"/>, split on runs of spaces.</summary>
    internal static List<Dictionary<string, string>> Table(NotebookDocument document, params string[] header)
    {
        foreach (var (_, output) in Outputs(document))
        {
            var lines = Text(output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            if (lines.Length == 0) continue;
            var names = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (!names.Take(header.Length).SequenceEqual(header)) continue;
            return [.. lines.Skip(1).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(cells => cells.Length == names.Length)
                .Select(cells => names.Zip(cells).ToDictionary(p => p.First, p => p.Second))];
        }

        throw new Xunit.Sdk.XunitException($"no table with header {string.Join(" ", header)}");
    }
}
