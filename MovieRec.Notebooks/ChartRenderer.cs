namespace MovieRec.Notebooks;

/// <summary>
/// Renders Plotly.NET chart HTML to PNG in one headless <see cref="Chromium"/>, and checks that every chart of a page drew.
/// </summary>
/// <remarks>Pages load plotly.js from a file written once beside them, so rendering needs no network.</remarks>
public sealed class ChartRenderer : IAsyncDisposable
{
    /// <summary>A JavaScript expression: every chart on the page has drawn at least one trace.</summary>
    public const string ChartsDrawn = "[...document.querySelectorAll('.js-plotly-plot')].every(p => p.querySelector('.main-svg .trace'))";

    /// <summary>A JavaScript expression returning one object per <c>.movierec-chart</c> wrapper: whether it drew
    /// (a plot with traces, a visible size and no fallback image left), its size and trace count.</summary>
    public const string ChartReport = """
        [...document.querySelectorAll('.movierec-chart')].map((c, i) => {
          const p = c.querySelector('.js-plotly-plot');
          const r = p ? p.getBoundingClientRect() : { width: 0, height: 0 };
          const traces = p ? p.querySelectorAll('.main-svg .trace').length : 0;
          const points = p ? p.querySelectorAll('.main-svg .trace path, .main-svg .trace .point').length : 0;
          return { index: i, width: r.width, height: r.height, traces, points, fallbackLeft: !!c.querySelector('.movierec-chart-png') };
        })
        """;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private readonly Chromium _browser;
    private readonly string _folder;
    private int _pages;

    private ChartRenderer(Chromium browser, string folder)
    {
        _browser = browser;
        _folder = folder;
    }

    /// <summary>Starts a renderer, or returns null (with the reason) when no Chromium is installed or it cannot start.</summary>
    public static async Task<(ChartRenderer? Renderer, string? Reason)> TryStartAsync(CancellationToken cancellationToken = default)
    {
        var executable = Chromium.FindExecutable();
        if (executable is null) return (null, $"no Chromium found (install Debian's chromium, or set {Chromium.ExecutableVariable})");
        try
        {
            var browser = await Chromium.StartAsync(executable, cancellationToken).ConfigureAwait(false);
            var folder = Path.Combine(Path.GetTempPath(), "movierec-charts-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, "plotly.min.js"), MimeFormatter.PlotlyJs.Value, cancellationToken).ConfigureAwait(false);
            return (new ChartRenderer(browser, folder), null);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or System.ComponentModel.Win32Exception or System.Net.WebSockets.WebSocketException)
        {
            return (null, $"Chromium did not start: {e.Message}");
        }
    }

    /// <summary>A PNG of one chart (the div and script that <c>GenericChart.toChartHTML</c> gives).</summary>
    public async Task<byte[]> RenderAsync(string chartHtml, CancellationToken cancellationToken = default)
    {
        var page = Path.Combine(_folder, $"chart{++_pages}.html");
        await File.WriteAllTextAsync(page, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><script src=\"plotly.min.js\"></script><style>.modebar-container{display:none !important}</style></head><body style=\"margin:0;background:#fff\">"
            + chartHtml + "</body></html>", cancellationToken).ConfigureAwait(false);
        try
        {
            return await _browser.ScreenshotAsync(page, ChartsDrawn, ".js-plotly-plot .main-svg", 1000, 800, Timeout, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(page);
        }
    }

    /// <summary>Opens a notebook's HTML page and checks that it shows as many drawn charts as <paramref name="document"/> has
    /// chart outputs (each with traces, a visible size and its static fallback removed).</summary>
    /// <returns>A one-line report.</returns>
    /// <exception cref="InvalidOperationException">A chart is missing or did not draw; the message names the page and the charts.</exception>
    public async Task<string> VerifyPageAsync(string page, NotebookDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var expected = document.Cells.SelectMany(c => c?["outputs"] as JsonArray ?? [])
            .Count(o => o?["data"]?["text/html"] is { } h && NotebookDocument.Join(h).Contains("class=\"movierec-chart\"", StringComparison.Ordinal));
        var report = await CheckPageAsync(page, cancellationToken).ConfigureAwait(false);
        var failed = report.Where(r => r!["traces"]!.GetValue<int>() == 0 || r["width"]!.GetValue<double>() <= 0 || r["height"]!.GetValue<double>() <= 0 || r["fallbackLeft"]!.GetValue<bool>())
            .Select(r => r!["index"]!.GetValue<int>() + 1).ToList();
        var name = Path.GetFileName(page);
        if (report.Count != expected || failed.Count > 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"{name}: {report.Count} charts on the page (the notebook has {expected}); not drawn: {(failed.Count == 0 ? "none" : string.Join(", ", failed))}"));
        }

        return report.Count == 0 ? $"{name}: no charts to check" : string.Create(CultureInfo.InvariantCulture, $"{name}: all {report.Count} charts drew in headless Chromium");
    }

    /// <summary>Opens a notebook's HTML page and reports every chart (see <see cref="ChartReport"/>).</summary>
    internal async Task<JsonArray> CheckPageAsync(string path, CancellationToken cancellationToken = default) =>
        await _browser.EvaluateAsync(path, ChartsDrawn, ChartReport, 1200, 900, Timeout, cancellationToken).ConfigureAwait(false) as JsonArray ?? [];

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync().ConfigureAwait(false);
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
