using System.Text.RegularExpressions;

namespace MovieRec.Notebooks;

/// <summary>
/// Runs a notebook's code cells in order in one <see cref="NotebookSession"/> and records their outputs in nbformat 4,
/// as papermill does for Python.
/// </summary>
/// <remarks>
/// <para>Parameters: the cell tagged <c>parameters</c> runs with the given values in place of its declarations
/// (<c>type Name = value;</c> lines); the saved cell keeps its defaults, so Run All in a kernel uses them. The values are
/// recorded in the notebook's metadata (<c>movierec.parameters</c>) and in a markdown cell tagged
/// <c>injected-parameters</c> after the parameters cell, which replaces the one of an earlier run.</para>
/// <para>Writes are atomic (a temporary file in the target folder, renamed into place). A failed run stops at the
/// failing cell: with an output path, the written notebook holds the outputs up to that cell, its error, and every later
/// cell cleared; without one, the source file is left untouched. Cell numbers in errors count cells as they are in the
/// file (1-based, markdown included).</para>
/// </remarks>
public static partial class NotebookRunner
{
    /// <summary>The tag of the cell whose declarations parameters replace.</summary>
    public const string ParametersTag = "parameters";

    /// <summary>The tag of the cell that records injected parameters.</summary>
    public const string InjectedTag = "injected-parameters";

    /// <summary>Executes <paramref name="path"/>; returns the executed document (written as the options say).</summary>
    /// <exception cref="NotebookRunException">A malformed notebook, an unknown parameter, or a cell that failed or timed out.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> stopped the run (the running cell is recorded as interrupted).</exception>
    public static async Task<NotebookDocument> RunAsync(string path, NotebookRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new NotebookRunOptions();
        var document = NotebookDocument.Load(path);
        var name = Path.GetFileName(path);
        var cells = document.Cells;
        var parametersAt = Enumerable.Range(0, cells.Count).FirstOrDefault(c => NotebookDocument.HasTag(cells[c]!, ParametersTag), -1);
        var injected = ParameterSource(document, parametersAt, options.Parameters, name);
        var session = new NotebookSession(new NotebookSessionOptions
        {
            BaseDirectory = Path.GetDirectoryName(Path.GetFullPath(path))!,
            Renderer = options.Renderer,
        });

        var codeCells = Enumerable.Range(0, cells.Count).Where(c => NotebookDocument.CellType(cells[c]!) == "code" && !NotebookDocument.HasTag(cells[c]!, InjectedTag)).ToList();
        foreach (var c in codeCells) Clear((JsonObject)cells[c]!);
        foreach (var c in codeCells)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                Finish(document, parametersAt, options.Parameters);
                if (options.OutputPath is not null) document.Save(options.OutputPath);
                cancellationToken.ThrowIfCancellationRequested();
            }

            var cell = (JsonObject)cells[c]!;
            var number = c + 1;
            options.Progress?.Report(string.Create(CultureInfo.InvariantCulture, $"{name}: cell {number} of {cells.Count}"));
            var outputs = new JsonArray();
            cell["outputs"] = outputs;
            var source = c == parametersAt && injected is not null ? injected : NotebookDocument.Source(cell);
            var result = await session.ExecuteAsync(source, new NotebookCellOutput(outputs), options.CellTimeout, cancellationToken).ConfigureAwait(false);
            cell["execution_count"] = result.ExecutionCount;
            if (result.Error is not { } error) continue;
            if (error.Name == "Interrupted" && !cancellationToken.IsCancellationRequested)
            {
                error = new CellError("CellTimeout", string.Create(CultureInfo.InvariantCulture, $"the cell ran longer than {options.CellTimeout!.Value.TotalSeconds:0.###} s (--cell-timeout)"), [], null);
            }

            outputs.Add(ErrorOutput(error));
            Finish(document, parametersAt, options.Parameters);
            if (options.OutputPath is not null) document.Save(options.OutputPath);
            cancellationToken.ThrowIfCancellationRequested();
            throw new NotebookRunException(name, number, error.ToString());
        }

        Finish(document, parametersAt, options.Parameters);
        document.Save(options.OutputPath ?? path);
        return document;
    }

    /// <summary>The nbformat <c>error</c> output of a cell error.</summary>
    public static JsonObject ErrorOutput(CellError error) => new()
    {
        ["output_type"] = "error",
        ["ename"] = error.Name,
        ["evalue"] = error.Value,
        ["traceback"] = new JsonArray([.. error.Traceback.DefaultIfEmpty($"{error.Name}: {error.Value}").Select(t => (JsonNode)t)]),
    };

    private static void Clear(JsonObject cell)
    {
        cell["outputs"] = new JsonArray();
        cell["execution_count"] = null;
    }

    /// <summary>The parameters cell's source with the given values in place of its declarations; null without parameters.</summary>
    private static string? ParameterSource(NotebookDocument document, int at, IReadOnlyDictionary<string, string> parameters, string notebook)
    {
        if (parameters.Count == 0) return null;
        if (at < 0) throw new NotebookRunException(notebook, 0, $"no cell is tagged '{ParametersTag}', so {string.Join(", ", parameters.Keys)} cannot be set");
        var unused = new HashSet<string>(parameters.Keys, StringComparer.Ordinal);
        var source = Inject(NotebookDocument.Source(document.Cells[at]!), parameters, unused, notebook, at + 1);
        if (unused.Count > 0) throw new NotebookRunException(notebook, at + 1, $"the parameters cell declares no {string.Join(", ", unused.Order(StringComparer.Ordinal))}");
        return source;
    }

    /// <summary>Records the run's parameters: notebook metadata and one markdown cell after the parameters cell (replacing an earlier run's).</summary>
    private static void Finish(NotebookDocument document, int parametersAt, IReadOnlyDictionary<string, string> parameters)
    {
        var cells = document.Cells;
        var at = parametersAt;
        for (var c = cells.Count - 1; c >= 0; c--)
        {
            if (!NotebookDocument.HasTag(cells[c]!, InjectedTag)) continue;
            cells.RemoveAt(c);
            if (c < at) at--;
        }

        var metadata = document.Root["metadata"] as JsonObject ?? [];
        document.Root["metadata"] = metadata;
        if (parameters.Count == 0)
        {
            (metadata["movierec"] as JsonObject)?.Remove("parameters");
            if (metadata["movierec"] is JsonObject { Count: 0 }) metadata.Remove("movierec");
            return;
        }

        var values = new JsonObject();
        foreach (var (key, value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal)) values[key] = value;
        var movierec = metadata["movierec"] as JsonObject ?? [];
        movierec["parameters"] = values;
        metadata["movierec"] = movierec;
        var list = string.Join(", ", parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"`{p.Key} = {p.Value}`"));
        var args = string.Join(" ", parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"--param {p.Key}={p.Value}"));
        cells.Insert(at + 1, new JsonObject
        {
            ["cell_type"] = "markdown",
            ["id"] = "injected-parameters",
            ["metadata"] = new JsonObject { ["tags"] = new JsonArray(InjectedTag) },
            ["source"] = NotebookDocument.Lines(
                $"*Injected parameters.* The outputs below come from `movierec notebooks run {args}`, which ran the cell above with {list}. "
                + "Run All in a kernel uses the defaults written in the cell; set the values there to reproduce these outputs."),
        });
    }

    /// <summary>Replaces the values of declared parameters (<c>type Name = value;</c> lines) with the given ones.</summary>
    internal static string Inject(string source, IReadOnlyDictionary<string, string> parameters, ISet<string> unused, string notebook, int cell)
    {
        var sb = new StringBuilder();
        foreach (var line in source.Split('\n'))
        {
            var match = Declaration().Match(line);
            if (match.Success && parameters.TryGetValue(match.Groups["name"].Value, out var value))
            {
                var name = match.Groups["name"].Value;
                unused.Remove(name);
                sb.Append(match.Groups["head"].Value).Append(Literal(match.Groups["type"].Value, match.Groups["value"].Value.Trim(), value, notebook, cell, name)).Append(';')
                  .Append(match.Groups["comment"].Value).Append('\n');
                continue;
            }

            sb.Append(line).Append('\n');
        }

        return sb.ToString().TrimEnd('\n') + "\n";
    }

    private static string Literal(string type, string original, string value, string notebook, int cell, string name)
    {
        var isString = type == "string" || (type == "var" && original.StartsWith('"'));
        if (isString) return "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
        if (type == "bool" || (type == "var" && original is "true" or "false"))
        {
            return bool.TryParse(value, out var b) ? (b ? "true" : "false") : throw new NotebookRunException(notebook, cell, $"parameter {name} is a bool; '{value}' is not true or false");
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) return value;
        throw new NotebookRunException(notebook, cell, $"parameter {name} is a number; '{value}' is not");
    }

    [GeneratedRegex(@"^(?<head>\s*(?<type>var|string|int|long|double|float|bool|decimal)\s+(?<name>[A-Za-z_]\w*)\s*=\s*)(?<value>[^;]*);(?<comment>\s*//.*)?\s*$")]
    private static partial Regex Declaration();
}
