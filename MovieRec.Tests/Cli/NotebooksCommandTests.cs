using System.Diagnostics;

namespace MovieRec.Tests.Cli;

/// <summary><c>movierec notebooks run</c> as a process: signals, the cell timeout and malformed notebooks, with their exit codes.</summary>
[Trait("Category", "Integration")]
public sealed class NotebooksCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Notebook(string name, params string[] sources)
    {
        var cells = new JsonArray();
        foreach (var source in sources)
        {
            cells.Add(new JsonObject { ["cell_type"] = "code", ["execution_count"] = null, ["metadata"] = new JsonObject(), ["outputs"] = new JsonArray(), ["source"] = source });
        }

        return _temp.Write(name, new JsonObject { ["cells"] = cells, ["metadata"] = new JsonObject(), ["nbformat"] = 4, ["nbformat_minor"] = 5 }.ToJsonString());
    }

    [Theory]
    [InlineData("INT", 130)]
    [InlineData("TERM", 143)]
    public async Task A_signal_stops_the_run_promptly_with_its_exit_code_and_the_partial_notebook_written(string signal, int expected)
    {
        var path = Notebook("long.ipynb", "Console.WriteLine(\"started\");", "while (true) System.Threading.Thread.Sleep(50);", "var never = 1;");
        var output = _temp.Sub("out");
        var source = File.ReadAllText(path);
        // A test runner started as a background job (`dotnet test &` in a script) ignores SIGINT, a child inherits that
        // (POSIX), and .NET then rightly leaves Ctrl+C ignored, as a shell's background job should. The tool is started
        // here as a terminal starts it: through coreutils' env with SIGINT's default restored.
        var start = new ProcessStartInfo(Movierec.SigintIgnored ? "/usr/bin/env" : "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Movierec.SigintIgnored) foreach (var a in new[] { "--default-signal=INT", "dotnet" }) start.ArgumentList.Add(a);
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "movierec.dll"), "notebooks", "run", path, "--out", output, "--no-png" }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var reachedLoop = new TaskCompletionSource();
        process.OutputDataReceived += (_, e) => { if (e.Data?.Contains("cell 2 of 3", StringComparison.Ordinal) == true) reachedLoop.TrySetResult(); };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await reachedLoop.Task.WaitAsync(TimeSpan.FromSeconds(60)); // a deadline against a hang, not a speed check

        // Cell 2 is compiling or looping: either way the signal interrupts it.
        using (var kill = Process.Start("kill", ["-s", signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(expected, process.ExitCode);

        var saved = NotebookDocument.Load(Path.Combine(output, "long.ipynb"));
        Assert.Equal("started\n", NotebookDocument.Join(saved.Cells[0]!["outputs"]![0]!["text"]));
        Assert.Equal("Interrupted", saved.Cells[1]!["outputs"]![0]!["ename"]!.GetValue<string>());
        Assert.Empty(saved.Cells[2]!["outputs"]!.AsArray());
        Assert.Equal(source, File.ReadAllText(path)); // the run wrote to --out only
        Assert.Empty(Directory.GetFiles(output, "*.tmp"));
    }

    [Fact]
    public async Task The_cell_timeout_names_notebook_and_cell_and_exits_5()
    {
        var path = Notebook("slow.ipynb", "var a = 1;", "await Task.Delay(TimeSpan.FromMinutes(5));");
        // 1 s: the clock starts after compilation, so the first cell's cold compiler does not count.
        var (code, _, stderr) = await Movierec.RunAsync("notebooks", "run", path, "--out", _temp.Sub("out"), "--no-png", "--cell-timeout", "1");
        Assert.Equal(5, code);
        Assert.Contains("error: slow.ipynb, cell 2: CellTimeout: the cell ran longer than 1 s", stderr, StringComparison.Ordinal);

        var (bad, _, badError) = await Movierec.RunAsync("notebooks", "run", path, "--cell-timeout", "-3");
        Assert.Equal(1, bad);
        Assert.Contains("--cell-timeout -3 is not a number of seconds", badError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"cells\": [{\"cell_type\": \"code\", \"source\": \"1\"", "not valid JSON")]
    [InlineData("{\"nbformat\": 4, \"cells\": [{\"cell_type\": 7, \"source\": \"1\"}]}", "cell 1: 'cell_type' is not")]
    public async Task A_malformed_notebook_is_one_clear_error_with_exit_5(string content, string message)
    {
        var path = _temp.Write("bad.ipynb", content);
        var (code, stdout, stderr) = await Movierec.RunAsync("notebooks", "run", path, "--no-png");
        Assert.Equal(5, code);
        Assert.Contains($"error: bad.ipynb", stderr, StringComparison.Ordinal);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal); // no stack trace
        Assert.Equal(content, File.ReadAllText(path));
    }
}
