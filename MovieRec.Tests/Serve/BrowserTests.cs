using System.Diagnostics;
using System.Text.RegularExpressions;

namespace MovieRec.Tests.Serve;

/// <summary>
/// The web app in a real browser: <c>movierec serve --model</c> started as a process on a free loopback port (the sample's
/// recommender, saved with a classifier experiment), headless Chromium over the DevTools protocol. Each tab
/// is visited, every chart must draw, a user is picked, engines switched, a title searched and opened, and a new visitor
/// rates three movies. Screenshots go to $MOVIEREC_TEST_RESULTS (CI sets it), else TestResults beside the tests; with
/// MOVIEREC_UPDATE_SCREENSHOTS=1 they also replace the README's in docs/screenshots.
/// </summary>
[Trait("Category", "Integration")]
public sealed class BrowserTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly ServedApp _served = ServedApp.Shared;


    [ChromiumFact]
    public async Task Every_tab_works_in_chromium_and_every_chart_draws()
    {
        using var temp = new TempFolder();
        var bundle = temp.File("sample.movierec");
        _served.Recommender.Save(bundle);
        using var server = StartServe(bundle, out var url);
        try
        {
            await BrowseAsync(url);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
        }
    }

    /// <summary>Starts <c>movierec serve --model BUNDLE --port 0</c> as users do and reads the URL it prints.</summary>
    private static Process StartServe(string bundle, out string url)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "movierec.dll"), "serve", "--model", bundle, "--port", "0" }) start.ArgumentList.Add(a);
        var process = Process.Start(start)!;
        var line = process.StandardOutput.ReadLineAsync().WaitAsync(Wait).GetAwaiter().GetResult()
            ?? throw new InvalidOperationException("movierec serve exited: " + process.StandardError.ReadToEnd());
        var match = Regex.Match(line, @"on (http://127\.0\.0\.1:\d+) ");
        Assert.True(match.Success, line);
        url = match.Groups[1].Value;
        return process;
    }

    private async Task BrowseAsync(string url)
    {
        await using var browser = await Chromium.StartAsync(Chromium.FindExecutable()!);

        // Data & EDA: four charts and the statistics.
        await browser.OpenAsync(url, "document.querySelectorAll('#tab-data .chart[data-drawn]').length === 4", 1280, 900, Wait);
        Assert.True(await AllDrawnAsync(browser, "tab-data"), "every EDA chart has a trace");
        Assert.Contains("ratings", (await browser.EvaluateAsync("document.querySelector('#stats').innerText"))!.GetValue<string>(), StringComparison.Ordinal);
        await ShotAsync(browser, "serve-data.png");

        // Models: the baseline-vs-tuned experiment, the classifier selection and the hybrid, as four charts and tables.
        await ClickAsync(browser, "nav button[data-tab=models]");
        Assert.True(await browser.WaitForAsync("document.querySelectorAll('#tab-models .chart[data-drawn]').length === 4 && document.querySelectorAll('#table-hybrid tr').length === 5"
            + " && document.querySelectorAll('#table-parameters tr').length > 1", Wait));
        Assert.True(await AllDrawnAsync(browser, "tab-models"));
        await ShotAsync(browser, "serve-models.png");

        // Recommendations: the first user's profile and hybrid list, then another user and another engine.
        await ClickAsync(browser, "nav button[data-tab=recommend]");
        Assert.True(await browser.WaitForAsync("document.querySelectorAll('#rec-cards .card').length === 10 && document.querySelectorAll('#tab-recommend .chart[data-drawn]').length === 2", Wait));
        Assert.True(await AllDrawnAsync(browser, "tab-recommend"));
        var second = _served.Recommender.Ratings.UserIds[1];
        await browser.EvaluateAsync($"(() => {{ const s = document.querySelector('#user'); s.value = '{second}'; s.dispatchEvent(new Event('change')); return true; }})()");
        Assert.True(await browser.WaitForAsync($"document.querySelector('#rec-title').innerText.includes('user {second} · hybrid')", Wait));
        await browser.EvaluateAsync("(() => { const s = document.querySelector('#engine'); s.value = 'svd'; s.dispatchEvent(new Event('change')); return true; })()");
        Assert.True(await browser.WaitForAsync($"document.querySelector('#rec-title').innerText.includes('user {second} · svd') && document.querySelectorAll('#rec-cards .card').length === 10", Wait));
        var expected = _served.Recommender.Recommend(second, RecommenderEngine.Svd, 10).Select(r => r.MovieId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var shown = (await browser.EvaluateAsync("[...document.querySelectorAll('#rec-cards .card')].map(c => c.dataset.movieId)"))!.AsArray().Select(n => n!.GetValue<string>());
        Assert.Equal(expected, shown);
        // Posters: the sample has none, so every card keeps the placeholder and the grid stays even.
        Assert.True(await browser.WaitForAsync("[...document.querySelectorAll('#rec-cards .card')].every(c => c.querySelector('.poster'))", Wait));

        // A new visitor rates three movies.
        var popular = _served.Recommender.MostRated(4);
        foreach (var title in popular.Skip(1).Select(id => Bare(_served.Recommender.Catalog.TitleOf(id))))
        {
            await browser.EvaluateAsync($"(() => {{ document.querySelector('#visitor-search').value = {System.Text.Json.JsonSerializer.Serialize(title)}; document.querySelector('#visitor-add').click(); return true; }})()");
            Assert.True(await browser.WaitForAsync($"document.querySelector('#visitor-search').value === '' || !document.querySelector('#visitor-error').hidden", Wait));
        }

        Assert.True(await browser.WaitForAsync("document.querySelectorAll('#visitor-list li').length === 3", Wait), "three rated movies listed");
        await ClickAsync(browser, "#visitor-go");
        Assert.True(await browser.WaitForAsync("document.querySelectorAll('#visitor-cards .card').length === 10", Wait));
        await ShotAsync(browser, "serve-recommendations.png");

        // Similar movies: type the first word of the most rated movie's title, open it, see its neighbours.
        await ClickAsync(browser, "nav button[data-tab=similar]");
        var target = _served.Recommender.Catalog.TitleOf(popular[0]);
        var typed = System.Text.Json.JsonSerializer.Serialize(Bare(target).Split(' ')[0].ToLowerInvariant());
        await browser.EvaluateAsync($"(() => {{ const i = document.querySelector('#similar-search'); i.value = {typed}; i.dispatchEvent(new Event('input')); return true; }})()");
        Assert.True(await browser.WaitForAsync("document.querySelectorAll('#similar-suggestions option').length > 0", Wait), "suggestions appear as the user types");
        await browser.EvaluateAsync($"(() => {{ document.querySelector('#similar-search').value = {System.Text.Json.JsonSerializer.Serialize(target)}; return true; }})()");
        await ClickAsync(browser, "#similar-go");
        Assert.True(await browser.WaitForAsync("document.querySelector('#movie h2') && document.querySelectorAll('#similar-cards .card').length === 12", Wait));
        Assert.Equal(_served.Recommender.Catalog.TitleOf(popular[0]), (await browser.EvaluateAsync("document.querySelector('#movie h2').innerText"))!.GetValue<string>());
        await ShotAsync(browser, "serve-similar.png");
        Assert.False((await browser.EvaluateAsync("[...document.querySelectorAll('.error')].some(e => !e.hidden)"))!.GetValue<bool>(), "no error shown");

        // A phone's width: nothing overflows sideways.
        await browser.OpenAsync(url, "document.querySelectorAll('#tab-data .chart[data-drawn]').length === 4", 390, 844, Wait);
        Assert.True((await browser.EvaluateAsync("document.documentElement.scrollWidth <= 392"))!.GetValue<bool>(), "no horizontal overflow at 390 px");
        await ShotAsync(browser, "serve-phone.png");
    }

    private static string Bare(string title) => title[..title.LastIndexOf('(')].Trim();

    private static async Task<bool> AllDrawnAsync(Chromium browser, string tab) =>
        (await browser.EvaluateAsync($"[...document.querySelectorAll('#{tab} .chart')].every(c => c.querySelector('.main-svg .trace, .main-svg .bars, .main-svg .scatterlayer .trace'))"))!.GetValue<bool>();

    private static Task ClickAsync(Chromium browser, string selector) => browser.EvaluateAsync($"(() => {{ document.querySelector('{selector}').click(); return true; }})()");

    private static async Task ShotAsync(Chromium browser, string name)
    {
        var png = await browser.ScreenshotPageAsync();
        Assert.True(png.Length > 10_000, "a screenshot of a drawn page");
        var folder = Environment.GetEnvironmentVariable("MOVIEREC_TEST_RESULTS") is { Length: > 0 } results ? results : Path.Combine(AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, name), png);
        if (Environment.GetEnvironmentVariable("MOVIEREC_UPDATE_SCREENSHOTS") == "1")
        {
            var docs = Path.Combine(TestPaths.RepositoryRoot, "docs", "screenshots");
            Directory.CreateDirectory(docs);
            MovieRec.Data.AtomicFile.Write(Path.Combine(docs, name), stream => stream.Write(png));
        }
    }
}
