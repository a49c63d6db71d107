using MovieRec.Cli.Commands;

namespace MovieRec.Cli.Docs;

/// <summary><c>movierec docs</c>: the documentation site's generated pages (see docs/build.sh, which then runs DocFX).</summary>
internal static class DocsCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "The folder to write the pages into.", Required = true };
        var model = new Option<string?>("--model") { Description = "A recommender saved by 'movierec fit' for the web app whose API is described (default: the sample, fitted first)." };
        var reference = new Command("reference", "Write cli.md (from the command definitions) and web-api.md (from the web app's OpenAPI document) as Markdown.") { output, model };
        reference.SetAction((parse, cancellationToken) => CliRunner.RunAsync(async () =>
        {
            var folder = parse.GetValue(output)!;
            Directory.CreateDirectory(folder);
            AtomicFile.WriteAllText(Path.Combine(folder, "cli.md"), CliReference.Markdown(parse.RootCommandResult.Command));
            // The document describes the endpoints, not any answer: the fit without the classifier's validation will do.
            var recommender = await RecommendCommands.BuildAsync("sample", null, parse.GetValue(model), classifier: false, cancellationToken: cancellationToken).ConfigureAwait(false);
            AtomicFile.WriteAllText(Path.Combine(folder, "web-api.md"), await OpenApiReference.MarkdownAsync(recommender, cancellationToken).ConfigureAwait(false));
            Console.WriteLine($"wrote cli.md and web-api.md into {folder}");
        }));

        var paths = new Argument<string[]>("paths") { Description = "Notebooks to render (.ipynb).", Arity = ArgumentArity.OneOrMore };
        var notebooks = new Command("notebooks", "Write each notebook as a Markdown page with its committed outputs (charts as their PNG copies) and a toc.yml.") { paths, output };
        notebooks.SetAction(parse => CliRunner.Run(() =>
        {
            var pages = NotebookPages.Write(parse.GetValue(paths)!, parse.GetValue(output)!);
            Console.WriteLine($"wrote {pages.Count} notebook pages into {parse.GetValue(output)}");
        }));
        return new Command("docs", "Generate the documentation site's reference and notebook pages (docs/build.sh runs this, then DocFX).") { reference, notebooks };
    }
}
