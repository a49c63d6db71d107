using System.Text;
using System.Text.Json.Nodes;

namespace MovieRec.Cli.Docs;

/// <summary>
/// Notebooks as Markdown pages for the documentation site: markdown cells as written, code cells as C# blocks, and the
/// outputs the notebook holds (console text, tables as their HTML, charts as their PNG copies written beside the page,
/// errors), so a reader sees what the committed run produced without a kernel.
/// </summary>
internal static class NotebookPages
{
    /// <summary>Writes <c>NAME.md</c> and <c>NAME/*.png</c> into <paramref name="folder"/> for each notebook, and a
    /// <c>toc.yml</c> listing them; returns the pages written.</summary>
    public static IReadOnlyList<string> Write(IReadOnlyList<string> notebooks, string folder)
    {
        Directory.CreateDirectory(folder);
        var pages = new List<(string Title, string File)>();
        foreach (var path in notebooks.Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            var document = MovieRec.Notebooks.NotebookDocument.Load(path); // its checks and errors (size, nbformat 4)
            var images = Path.Combine(folder, name);
            if (Directory.Exists(images)) Directory.Delete(images, recursive: true);
            Directory.CreateDirectory(images);
            var (markdown, title) = Page(document, name, images);
            AtomicFile.WriteAllText(Path.Combine(folder, name + ".md"), markdown);
            pages.Add((title ?? name, name + ".md"));
        }

        var toc = new StringBuilder();
        foreach (var (title, file) in pages) toc.Append("- name: ").Append(Yaml(title)).Append("\n  href: ").Append(file).Append('\n');
        AtomicFile.WriteAllText(Path.Combine(folder, "toc.yml"), toc.ToString());
        return [.. pages.Select(p => Path.Combine(folder, p.File))];
    }

    private static (string Markdown, string? Title) Page(MovieRec.Notebooks.NotebookDocument document, string name, string images)
    {
        var sb = new StringBuilder();
        string? title = null;
        var language = document.Root["metadata"]?["kernelspec"]?["language"]?.GetValue<string>() ?? "csharp";
        var cellIndex = 0;
        foreach (var cell in document.Cells)
        {
            cellIndex++;
            var source = Text(cell!["source"]);
            switch (MovieRec.Notebooks.NotebookDocument.CellType(cell))
            {
                case "markdown":
                    if (title is null && source.TrimStart().StartsWith("# ", StringComparison.Ordinal))
                    {
                        var first = source.TrimStart().Split('\n')[0];
                        title = first[2..].Trim();
                        sb.Append(first).Append("\n\n");
                        sb.Append(CultureInfo.InvariantCulture, $"> Rendered from the repository's `notebooks/{name}.ipynb` with the outputs committed there; run it yourself with the MovieRec kernel ([Notebooks and the kernel](../guides/notebooks.md)).\n\n");
                        source = source.TrimStart()[first.Length..];
                    }

                    sb.Append(source.Trim()).Append("\n\n");
                    break;
                case "code":
                    sb.Append("```").Append(language).Append('\n').Append(source.TrimEnd()).Append("\n```\n\n");
                    var outputIndex = 0;
                    foreach (var output in cell["outputs"]?.AsArray() ?? [])
                    {
                        outputIndex++;
                        Output(sb, output!.AsObject(), name, images, cellIndex, outputIndex);
                    }

                    break;
            }
        }

        return (sb.ToString(), title);
    }

    private static void Output(StringBuilder sb, JsonObject output, string name, string images, int cell, int index)
    {
        switch (output["output_type"]?.GetValue<string>())
        {
            case "stream":
                sb.Append("```text\n").Append(Text(output["text"]).TrimEnd()).Append("\n```\n\n");
                return;
            case "error":
                sb.Append("```text\n").Append(output["ename"]).Append(": ").Append(output["evalue"]).Append("\n```\n\n");
                return;
        }

        var data = output["data"]?.AsObject();
        if (data is null) return;
        if (data["image/png"] is { } png)
        {
            var file = string.Create(CultureInfo.InvariantCulture, $"cell-{cell:D2}-{index}.png");
            AtomicFile.Write(Path.Combine(images, file), s => s.Write(Convert.FromBase64String(Text(png).Replace("\n", string.Empty, StringComparison.Ordinal))));
            sb.Append(CultureInfo.InvariantCulture, $"![chart of cell {cell}]({name}/{file})\n\n");
        }
        else if (data["text/html"] is { } html && Text(html).TrimStart().StartsWith("<table", StringComparison.Ordinal))
        {
            sb.Append("<div class=\"notebook-output\">\n\n").Append(Text(html).Trim()).Append("\n\n</div>\n\n");
        }
        else if (data["text/plain"] is { } text)
        {
            sb.Append("```text\n").Append(Text(text).TrimEnd()).Append("\n```\n\n");
        }
    }

    private static string Text(JsonNode? node) => MovieRec.Notebooks.NotebookDocument.Join(node);

    private static string Yaml(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
