using System.CommandLine;
using System.Globalization;
using MovieRec.Cli.Notebooks;
using Spectre.Console;

namespace MovieRec.Cli.Commands;

/// <summary><c>movierec notebooks run</c>: the headless notebook executor.</summary>
internal static class NotebooksCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Notebooks to run (.ipynb).", Arity = ArgumentArity.ZeroOrMore };
        var all = new Option<bool>("--all") { Description = "Run every notebooks/*.ipynb of the repository (found from the current folder upwards)." };
        var parameters = new Option<string[]>("--param") { Description = "NAME=VALUE, replacing that value in the cell tagged 'parameters' (repeatable).", AllowMultipleArgumentsPerToken = false };
        var output = new Option<string?>("--out") { Description = "Write executed notebooks into this folder (default: in place)." };
        var html = new Option<bool>("--html") { Description = "Also write one self-contained HTML page per notebook." };
        var noPng = new Option<bool>("--no-png") { Description = "Skip the PNG copy of each chart (rendered by headless Chromium when installed)." };
        var check = new Option<bool>("--check-charts") { Description = "With --html: open each page in headless Chromium and fail unless every chart drew (needs Chromium)." };
        var run = new Command("run", "Execute notebooks headlessly (Roslyn scripting): outputs into the .ipynb, optionally HTML.") { paths, all, parameters, output, html, noPng, check };
        run.SetAction((parse, cancellationToken) => Task.FromResult(CliRunner.Run(() =>
        {
            var files = parse.GetValue(paths)?.ToList() ?? [];
            if (parse.GetValue(all)) files.AddRange(FindAll());
            if (files.Count == 0) throw new ArgumentException("Name notebooks to run, or pass --all.");
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var p in parse.GetValue(parameters) ?? [])
            {
                var eq = p.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0) throw new ArgumentException($"--param '{p}' is not NAME=VALUE.");
                values[p[..eq]] = p[(eq + 1)..];
            }

            var checkCharts = parse.GetValue(check);
            if (checkCharts && !parse.GetValue(html)) throw new ArgumentException("--check-charts checks the HTML pages: add --html.");
            ChartRenderer? renderer = null;
            if (!parse.GetValue(noPng) || checkCharts)
            {
                (renderer, var reason) = ChartRenderer.TryStartAsync(cancellationToken).GetAwaiter().GetResult();
                if (renderer is null && checkCharts) throw new InvalidOperationException($"--check-charts needs Chromium: {reason}.");
                if (renderer is null) AnsiConsole.MarkupLine($"[yellow]charts get no PNG copy: {Markup.Escape(reason!)}[/]");
            }

            try
            {
                foreach (var file in files)
                {
                    var target = parse.GetValue(output) is { } dir ? Path.Combine(dir, Path.GetFileName(file)) : file;
                    if (parse.GetValue(output) is { } outDir) Directory.CreateDirectory(outDir);
                    var watch = System.Diagnostics.Stopwatch.StartNew();
                    var progress = new Sync(message => AnsiConsole.MarkupLine($"[grey]{Markup.Escape(message)}[/]"));
                    var document = NotebookExecutor.RunAsync(file, values, target, progress, parse.GetValue(noPng) ? null : renderer, cancellationToken).GetAwaiter().GetResult();
                    var seconds = watch.Elapsed.TotalSeconds;
                    if (parse.GetValue(html))
                    {
                        var page = Path.ChangeExtension(target, ".html");
                        File.WriteAllText(page, NotebookHtml.Render(document, Path.GetFileNameWithoutExtension(file)));
                        if (checkCharts) Check(renderer!, page, document, cancellationToken);
                    }

                    AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(file)}: ran in {seconds:F1} s → {target}")));
                }
            }
            finally
            {
                renderer?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        })));
        var command = new Command("notebooks", "Work with the C# notebooks.");
        command.Subcommands.Add(run);
        return command;
    }

    /// <summary>Fails unless the page shows as many drawn charts as the notebook has chart outputs.</summary>
    private static void Check(ChartRenderer renderer, string page, NotebookDocument document, CancellationToken cancellationToken)
    {
        var expected = document.Cells.SelectMany(c => c?["outputs"] as System.Text.Json.Nodes.JsonArray ?? [])
            .Count(o => o?["data"]?["text/html"] is { } h && NotebookDocument.Join(h).Contains("class=\"movierec-chart\"", StringComparison.Ordinal));
        var report = renderer.CheckPageAsync(page, cancellationToken).GetAwaiter().GetResult();
        var failed = report.Where(r => r!["traces"]!.GetValue<int>() == 0 || r["width"]!.GetValue<double>() <= 0 || r["height"]!.GetValue<double>() <= 0 || r["fallbackLeft"]!.GetValue<bool>())
            .Select(r => r!["index"]!.GetValue<int>() + 1).ToList();
        if (report.Count != expected || failed.Count > 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"{Path.GetFileName(page)}: {report.Count} charts on the page (the notebook has {expected}); not drawn: {(failed.Count == 0 ? "none" : string.Join(", ", failed))}"));
        }

        AnsiConsole.MarkupLine(Markup.Escape(report.Count == 0
            ? $"{Path.GetFileName(page)}: no charts to check"
            : string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(page)}: all {report.Count} charts drew in headless Chromium")));
    }

    private static IEnumerable<string> FindAll()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            var folder = Path.Combine(dir.FullName, "notebooks");
            if (Directory.Exists(folder) && Directory.GetFiles(folder, "*.ipynb").Length > 0) return Directory.GetFiles(folder, "*.ipynb").Order(StringComparer.Ordinal);
        }

        return [];
    }

    private sealed class Sync(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
