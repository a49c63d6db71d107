using MovieRec.Notebooks;

namespace MovieRec.Cli.Commands;

/// <summary><c>movierec notebooks run</c>: the batch notebook runner (the same <see cref="NotebookSession"/> as the kernel).</summary>
internal static class NotebooksCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Notebooks to run (.ipynb).", Arity = ArgumentArity.ZeroOrMore };
        var all = new Option<bool>("--all") { Description = "Run every notebooks/*.ipynb of the repository (found from the current folder upwards)." };
        var parameters = new Option<string[]>("--param") { Description = "NAME=VALUE, replacing that value in the cell tagged 'parameters' (repeatable).", AllowMultipleArgumentsPerToken = false };
        var output = new Option<string?>("--out") { Description = "Write executed notebooks into this folder (default: in place, and only when the run succeeds)." };
        var html = new Option<bool>("--html") { Description = "Also write one self-contained HTML page per notebook." };
        var noPng = new Option<bool>("--no-png") { Description = "Skip the PNG copy of each chart (rendered by headless Chromium when installed)." };
        var check = new Option<bool>("--check-charts") { Description = "With --html: open each page in headless Chromium and fail unless every chart drew (needs Chromium)." };
        var cellTimeout = new Option<double?>("--cell-timeout") { Description = "End a cell whose code runs longer than this many seconds (compilation excluded) with an error naming notebook and cell (default: no limit)." };
        var run = new Command("run", "Execute notebooks headlessly: outputs into the .ipynb (papermill-style parameters), optionally HTML. Exit 5 when a notebook fails, 130/143 when interrupted.")
        {
            paths, all, parameters, output, html, noPng, check, cellTimeout,
        };
        run.SetAction((parse, cancellationToken) => Signals.RunAsync(token => CliRunner.RunAsync(async () =>
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

            TimeSpan? timeout = parse.GetValue(cellTimeout) is { } seconds
                ? seconds > 0 && seconds <= int.MaxValue / 1000 ? TimeSpan.FromSeconds(seconds) : throw new ArgumentException($"--cell-timeout {seconds.ToString(CultureInfo.InvariantCulture)} is not a number of seconds between 0 and {int.MaxValue / 1000}.")
                : null;
            if (parse.GetValue(output) is { } folder && File.Exists(folder)) throw new ArgumentException($"--out {folder} is a file; give a folder for the executed notebooks.");
            foreach (var file in files) NotebookDocument.Load(file); // every notebook read (and refused if it is not one) before any cell runs
            var checkCharts = parse.GetValue(check);
            if (checkCharts && !parse.GetValue(html)) throw new ArgumentException("--check-charts checks the HTML pages: add --html.");
            ChartRenderer? renderer = null;
            if (!parse.GetValue(noPng) || checkCharts)
            {
                (renderer, var reason) = await ChartRenderer.TryStartAsync(token).ConfigureAwait(false);
                if (renderer is null && checkCharts) throw new InvalidOperationException($"--check-charts needs Chromium: {reason}.");
                if (renderer is null) AnsiConsole.MarkupLine($"[yellow]charts get no PNG copy: {Markup.Escape(reason!)}[/]");
            }

            try
            {
                var outDir = parse.GetValue(output);
                foreach (var file in files)
                {
                    var target = outDir is not null ? Path.Combine(outDir, Path.GetFileName(file)) : file;
                    var watch = System.Diagnostics.Stopwatch.StartNew();
                    var document = await NotebookRunner.RunAsync(file, new NotebookRunOptions
                    {
                        Parameters = values,
                        OutputPath = outDir is null ? null : target,
                        Progress = new Sync(message => AnsiConsole.MarkupLine($"[grey]{Markup.Escape(message)}[/]")),
                        Renderer = parse.GetValue(noPng) ? null : Task.FromResult(renderer),
                        CellTimeout = timeout,
                    }, token).ConfigureAwait(false);
                    var elapsed = watch.Elapsed.TotalSeconds;
                    if (parse.GetValue(html))
                    {
                        var page = Path.ChangeExtension(target, ".html");
                        AtomicFile.WriteAllText(page, NotebookHtml.Render(document, Path.GetFileNameWithoutExtension(file)));
                        if (checkCharts) AnsiConsole.MarkupLine(Markup.Escape(await renderer!.VerifyPageAsync(page, document, token).ConfigureAwait(false)));
                    }

                    AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(file)}: ran in {elapsed:F1} s → {target}")));
                }
            }
            finally
            {
                if (renderer is not null) await renderer.DisposeAsync().ConfigureAwait(false);
            }
        }), cancellationToken));
        var command = new Command("notebooks", "Work with the C# notebooks.");
        command.Subcommands.Add(run);
        return command;
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
