using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MovieRec.Tests.Kernel;

/// <summary>
/// The kernel in a real front end: Debian's classic Jupyter Notebook server on 127.0.0.1 with our kernelspec, driven in
/// headless Chromium over the DevTools protocol. Restart and run all of notebook 01, then interrupt a running cell.
/// Screenshots go to $MOVIEREC_TEST_RESULTS (CI sets it to the test results folder), else TestResults beside the tests.
/// </summary>
[Trait("Category", "Integration")]
public sealed class KernelBrowserTests : IDisposable
{
    private const string Notebook = "01-data-and-eda.ipynb";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);
    private readonly TempFolder _temp = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Dispose() => _temp.Dispose();

    [JupyterBrowserFact]
    public async Task Notebook_01_runs_all_in_the_classic_notebook_every_chart_draws_and_interrupt_works()
    {
        var executable = Chromium.FindExecutable()!;
        var jupyterPath = await Jupyter.InstallKernelAsync(_temp.Sub("prefix"), "movierec");
        var root = _temp.Sub("notebooks");
        File.Copy(Path.Combine(TestPaths.RepositoryRoot, "notebooks", Notebook), Path.Combine(root, Notebook));
        var port = FreePort();
        var token = Guid.NewGuid().ToString("N");
        using var server = StartServer(root, port, token, jupyterPath);
        try
        {
            await WaitForServerAsync(port, token);
            await using var browser = await Chromium.StartAsync(executable);
            await browser.OpenAsync($"http://127.0.0.1:{port}/notebooks/{Notebook}?token={token}",
                "window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected()", 1280, 900, TimeSpan.FromSeconds(60));
            Assert.Equal("movierec", (await browser.EvaluateAsync("Jupyter.notebook.kernel.name"))!.GetValue<string>());

            // Restart & Run All from a clean slate (the copy carries the committed real-data outputs).
            await browser.EvaluateAsync("Jupyter.notebook.clear_all_output(); Jupyter.notebook.restart_run_all({ confirm: false }); true");
            const string done = "Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code').every(c => typeof c.input_prompt_number === 'number')"
                + " && document.querySelector('#kernel_indicator_icon').classList.contains('kernel_idle_icon')";
            Assert.True(await browser.WaitForAsync(done, Timeout), "Run All did not finish: " + await StateAsync(browser));

            var errors = await browser.EvaluateAsync("Jupyter.notebook.get_cells().flatMap(c => c.output_area ? c.output_area.outputs : []).filter(o => o.output_type === 'error').map(o => o.ename + ': ' + o.evalue)");
            Assert.Empty(errors!.AsArray());
            var first = (await browser.EvaluateAsync("Jupyter.notebook.get_cells().flatMap(c => c.output_area ? c.output_area.outputs : []).filter(o => o.output_type === 'execute_result')[0].data['text/plain']"))!.GetValue<string>();
            Assert.StartsWith("sample: 79,989 ratings", first, StringComparison.Ordinal);
            var charts = (await browser.EvaluateAsync("Jupyter.notebook.get_cells().flatMap(c => c.output_area ? c.output_area.outputs : []).filter(o => o.data && o.data['application/vnd.plotly.v1+json']).length"))!.GetValue<int>();
            Assert.True(charts >= 6, $"{charts} chart outputs");
            Assert.True(await browser.WaitForAsync($"document.querySelectorAll('.movierec-chart .js-plotly-plot .main-svg .trace').length > 0 && [...document.querySelectorAll('.movierec-chart')].length === {charts}"
                + " && [...document.querySelectorAll('.movierec-chart')].every(c => c.querySelector('.js-plotly-plot .main-svg .trace'))", TimeSpan.FromSeconds(30)),
                "not every chart drew: " + await browser.EvaluateAsync("[...document.querySelectorAll('.movierec-chart')].map(c => !!c.querySelector('.js-plotly-plot .main-svg .trace'))"));
            await SaveScreenshotAsync(browser, "kernel-notebook-01.png");

            // Interrupt a cell that awaits in a loop; the kernel answers the next cell.
            // The cell says when it is in its loop; the interrupt is sent once the front end shows that line.
            await browser.EvaluateAsync("window.slow = Jupyter.notebook.insert_cell_at_bottom('code'); slow.set_text('Console.WriteLine(\"looping\");\\nfor (var i = 0; i < 600; i++) await Task.Delay(100, CancellationToken);'); slow.execute(); true");
            Assert.True(await browser.WaitForAsync("slow.output_area.outputs.some(o => o.output_type === 'stream' && o.text.includes('looping'))", TimeSpan.FromSeconds(30)), await StateAsync(browser));
            await browser.EvaluateAsync("Jupyter.notebook.kernel.interrupt(); true");
            Assert.True(await browser.WaitForAsync("slow.output_area.outputs.some(o => o.output_type === 'error' && o.ename === 'Interrupted')", TimeSpan.FromSeconds(20)), await StateAsync(browser));
            await browser.EvaluateAsync("window.next = Jupyter.notebook.insert_cell_at_bottom('code'); next.set_text('40 + 2'); next.execute(); true");
            Assert.True(await browser.WaitForAsync("next.output_area.outputs.some(o => o.output_type === 'execute_result' && o.data['text/plain'] === '42')", TimeSpan.FromSeconds(30)), await StateAsync(browser));
            await SaveScreenshotAsync(browser, "kernel-notebook-01-interrupt.png");
        }
        finally
        {
            server.Kill(entireProcessTree: true);
        }
    }

    private static async Task<string> StateAsync(Chromium browser) =>
        (await browser.EvaluateAsync("JSON.stringify({ prompts: Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code').map(c => c.input_prompt_number), indicator: document.querySelector('#kernel_indicator_icon').className })"))?.ToString() ?? "?";

    private static async Task SaveScreenshotAsync(Chromium browser, string name)
    {
        var folder = Environment.GetEnvironmentVariable("MOVIEREC_TEST_RESULTS") is { Length: > 0 } results ? results : Path.Combine(AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(folder);
        var png = await browser.ScreenshotPageAsync();
        Assert.True(png.Length > 10_000, "a screenshot of a drawn page");
        await File.WriteAllBytesAsync(Path.Combine(folder, name), png);
    }

    private Process StartServer(string root, int port, string token, string jupyterPath)
    {
        var start = new ProcessStartInfo(JupyterBrowserFactAttribute.NotebookServer) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = root };
        foreach (var a in new[] { "--no-browser", "--ip=127.0.0.1", $"--port={port}", $"--NotebookApp.token={token}", $"--notebook-dir={root}", "--allow-root", "--NotebookApp.open_browser=False" }) start.ArgumentList.Add(a);
        start.Environment["JUPYTER_PATH"] = jupyterPath;
        start.Environment["JUPYTER_CONFIG_DIR"] = _temp.Sub("config");
        start.Environment["JUPYTER_RUNTIME_DIR"] = _temp.Sub("runtime");
        start.Environment["JUPYTER_DATA_DIR"] = _temp.Sub("data");
        start.Environment["MOVIEREC_DATA"] = Path.Combine(TestPaths.RepositoryRoot, "data"); // the copied notebook finds data/sample
        var process = Process.Start(start)!;
        // The server logs "… is running at:" once it listens: the test waits on that line, not on a polling loop.
        void Watch(string? line)
        {
            if (line?.Contains("is running at", StringComparison.Ordinal) == true) _listening.TrySetResult();
        }

        process.OutputDataReceived += (_, e) => Watch(e.Data);
        process.ErrorDataReceived += (_, e) => Watch(e.Data);
        process.Exited += (_, _) => _listening.TrySetException(new InvalidOperationException("the Jupyter Notebook server exited before it listened"));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task WaitForServerAsync(int port, string token)
    {
        await _listening.Task.WaitAsync(TimeSpan.FromSeconds(60)); // a deadline against a hang
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var specs = JsonNode.Parse(await client.GetStringAsync(new Uri($"http://127.0.0.1:{port}/api/kernelspecs?token={token}")))!;
        Assert.NotNull(specs["kernelspecs"]!["movierec"]);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
