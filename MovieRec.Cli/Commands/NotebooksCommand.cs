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
        var run = new Command("run", "Execute notebooks headlessly (Roslyn scripting): outputs into the .ipynb, optionally HTML.") { paths, all, parameters, output, html };
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

            foreach (var file in files)
            {
                var target = parse.GetValue(output) is { } dir ? Path.Combine(dir, Path.GetFileName(file)) : file;
                var watch = System.Diagnostics.Stopwatch.StartNew();
                var progress = new Sync(message => AnsiConsole.MarkupLine($"[grey]{Markup.Escape(message)}[/]"));
                var document = NotebookExecutor.RunAsync(file, values, target, progress, cancellationToken).GetAwaiter().GetResult();
                if (parse.GetValue(html)) File.WriteAllText(Path.ChangeExtension(target, ".html"), NotebookHtml.Render(document, Path.GetFileNameWithoutExtension(file)));
                AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(file)}: ran in {watch.Elapsed.TotalSeconds:F1} s → {target}")));
            }
        })));
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
