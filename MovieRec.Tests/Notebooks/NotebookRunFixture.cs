namespace MovieRec.Tests.Notebooks;

/// <summary>Runs every notebook of the repository on the sample twice (two processes, same parameters) into temporary folders.</summary>
public sealed class NotebookRunFixture : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _temp = new();

    /// <summary>The repository's notebooks, by file name.</summary>
    public IReadOnlyList<string> Names { get; private set; } = [];

    /// <summary>The executed notebooks of the first and second run, by file name.</summary>
    internal (Dictionary<string, NotebookDocument> First, Dictionary<string, NotebookDocument> Second) Runs { get; private set; }

    /// <summary>What the first run printed, and its exit code.</summary>
    public (int Code, string Stdout, string Stderr) FirstRun { get; private set; }

    public async Task InitializeAsync()
    {
        var notebooks = Path.Combine(TestPaths.RepositoryRoot, "notebooks");
        Names = [.. Directory.GetFiles(notebooks, "*.ipynb").Select(Path.GetFileName).Order(StringComparer.Ordinal)!];
        var files = Directory.GetFiles(notebooks, "*.ipynb").Order(StringComparer.Ordinal).ToArray();
        string a = _temp.Sub("first"), b = _temp.Sub("second");
        var first = Movierec.RunAsync(["notebooks", "run", .. files, "--param", "Dataset=sample", "--out", a, "--no-png"]);
        var second = Movierec.RunAsync(["notebooks", "run", .. files, "--param", "Dataset=sample", "--out", b, "--no-png"]);
        FirstRun = await first;
        await second;
        Runs = (Load(a), Load(b));
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
