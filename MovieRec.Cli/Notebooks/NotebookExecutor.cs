using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace MovieRec.Cli.Notebooks;

/// <summary>
/// Runs the code cells of a .NET Interactive (Polyglot) C# notebook in order, in one Roslyn script state, and records
/// their outputs in nbformat 4 (see ../shared/FINDINGS.md for what Roslyn scripting does and does not do).
/// </summary>
/// <remarks>
/// <para>Directives: <c>#!csharp</c> / <c>#!c#</c> are dropped; any other <c>#!</c> magic is an error naming the cell.
/// <c>#r "nuget: NAME, VERSION"</c> maps the packages the executor itself references (see <see cref="Packages"/>); an
/// unknown package or a version other than the pinned one is an error. <c>#r "file.dll"</c> resolves relative to the
/// notebook; <c>#i "nuget: ..."</c> source lines are dropped.</para>
/// <para>Default imports are the kernel's (<see cref="DefaultImports"/>). Outputs, in order: console text (stream), <c>display(x)</c> (display_data) and a cell's final expression
/// (execute_result), formatted by <see cref="OutputFormatter"/>. The run uses the invariant culture. Parameters replace the
/// values in the cell tagged <c>parameters</c>, as papermill does. The first error stops the run: the cell gets an error
/// output and <see cref="NotebookRunException"/> names the notebook and the cell.</para>
/// </remarks>
internal static partial class NotebookExecutor
{
    /// <summary>The NuGet packages a notebook may reference, with the pinned version and the assembly that provides them.</summary>
    public static IReadOnlyDictionary<string, (string Version, Assembly Assembly)> Packages { get; } =
        new Dictionary<string, (string, Assembly)>(StringComparer.OrdinalIgnoreCase)
        {
            ["MovieRec.Core"] = (Version(typeof(MovieRec.Data.Columns).Assembly), typeof(MovieRec.Data.Columns).Assembly),
            ["MovieRec.Charts"] = (Version(typeof(MovieRec.Charts.Plot).Assembly), typeof(MovieRec.Charts.Plot).Assembly),
            ["Microsoft.Data.Analysis"] = ("0.23.1", typeof(Microsoft.Data.Analysis.DataFrame).Assembly),
            ["Microsoft.ML"] = ("5.0.1", typeof(Microsoft.ML.MLContext).Assembly),
            ["Microsoft.ML.FastTree"] = ("5.0.1", typeof(Microsoft.ML.Trainers.FastTree.FastTreeBinaryTrainer).Assembly),
            ["Microsoft.ML.LightGbm"] = ("5.0.1", typeof(Microsoft.ML.Trainers.LightGbm.LightGbmBinaryTrainer).Assembly),
            ["MathNet.Numerics"] = ("5.0.0", typeof(MathNet.Numerics.LinearAlgebra.Matrix<double>).Assembly),
            ["Plotly.NET"] = ("6.0.0", typeof(Plotly.NET.GenericChart).Assembly),
            ["Plotly.NET.CSharp"] = ("0.14.0", typeof(Plotly.NET.CSharp.Chart).Assembly),
            // The Polyglot kernel extension (not installable here): its charts display through the formatter below.
            ["Plotly.NET.Interactive"] = ("6.0.0", typeof(Plotly.NET.GenericChart).Assembly),
        };

    /// <summary>The namespaces the .NET Interactive C# kernel imports by default.</summary>
    public static IReadOnlyList<string> DefaultImports { get; } =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Text", "System.Threading.Tasks"];

    /// <summary>Executes <paramref name="path"/>; returns the executed document (also written when <paramref name="outputPath"/> is set).</summary>
    /// <exception cref="NotebookRunException">A directive, compilation or runtime error; the message names notebook and cell.</exception>
    public static async Task<NotebookDocument> RunAsync(string path, IReadOnlyDictionary<string, string>? parameters = null, string? outputPath = null,
        IProgress<string>? progress = null, CancellationToken cancellationToken = default) =>
        await RunAsync(path, parameters, outputPath, progress, renderer: null, cancellationToken).ConfigureAwait(false);

    /// <summary>Executes <paramref name="path"/>, adding a PNG of every chart rendered by <paramref name="renderer"/> (when given).</summary>
    /// <exception cref="NotebookRunException">A directive, compilation or runtime error; the message names notebook and cell.</exception>
    public static async Task<NotebookDocument> RunAsync(string path, IReadOnlyDictionary<string, string>? parameters, string? outputPath,
        IProgress<string>? progress, ChartRenderer? renderer, CancellationToken cancellationToken = default)
    {
        var document = NotebookDocument.Load(path);
        var name = Path.GetFileName(path);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        parameters ??= new Dictionary<string, string>();
        var unused = new HashSet<string>(parameters.Keys, StringComparer.Ordinal);

        InjectParameters(document, parameters, unused, name);
        JsonArray? current = null;
        var writer = new CellWriter(() => current);
        var plotlyEmbedded = false;
        JsonObject Show(string kind, object? value, int? executionCount)
        {
            var output = Display(kind, value, executionCount, renderer, cancellationToken);
            if (!plotlyEmbedded && output["data"]?["text/html"] is JsonArray html && NotebookDocument.Join(html).Contains("Plotly.newPlot", StringComparison.Ordinal))
            {
                // plotly.js once per notebook, before its first chart: the page works offline.
                output["data"]!["text/html"] = NotebookDocument.Lines("<script type=\"text/javascript\">" + OutputFormatter.PlotlyJs.Value + "</script>\n" + NotebookDocument.Join(html));
                plotlyEmbedded = true;
            }

            return output;
        }

        var globals = new NotebookGlobals(value =>
        {
            writer.Flush(); // console text written before the display comes first
            Append(current!, Show("display_data", value, null));
        });
        var options = ScriptOptions.Default
            .WithReferences(Packages.Values.Select(p => p.Assembly).Append(typeof(Console).Assembly).Append(typeof(Enumerable).Assembly).Distinct())
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(folder))
            .WithSourceResolver(ScriptSourceResolver.Default.WithBaseDirectory(folder))
            .WithImports(DefaultImports)
            .WithEmitDebugInformation(false);

        var culture = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var console = Console.Out;
        ScriptState<object>? state = null;
        var count = 0;
        var cells = document.Cells;
        try
        {
            Console.SetOut(writer);
            for (var c = 0; c < cells.Count; c++)
            {
                var cell = cells[c]!;
                if (cell["cell_type"]?.GetValue<string>() != "code") continue;
                cancellationToken.ThrowIfCancellationRequested();
                var number = c + 1;
                progress?.Report(string.Create(CultureInfo.InvariantCulture, $"{name}: cell {number} of {cells.Count}"));
                current = [];
                cell["outputs"] = current;
                cell["execution_count"] = ++count;
                try
                {
                    var source = Preprocess(NotebookDocument.Source(cell), name, number);

                    CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
                    state = state is null
                        ? await CSharpScript.RunAsync(source, options, globals, typeof(NotebookGlobals), cancellationToken).ConfigureAwait(false)
                        : await state.ContinueWithAsync(source, options, cancellationToken).ConfigureAwait(false);
                    writer.Flush();
                    if (state.ReturnValue is { } result) Append(current, Show("execute_result", result, count));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    writer.Flush();
                    var message = e switch
                    {
                        CompilationErrorException compile => string.Join(Environment.NewLine, compile.Diagnostics.Select(d => d.ToString())),
                        NotebookRunException run => run.Problem,
                        _ => $"{e.GetType().Name}: {e.Message}",
                    };
                    current.Add(new JsonObject
                    {
                        ["output_type"] = "error",
                        ["ename"] = e.GetType().Name,
                        ["evalue"] = message,
                        ["traceback"] = new JsonArray(message),
                    });
                    if (outputPath is not null) document.Save(outputPath);
                    throw e as NotebookRunException ?? new NotebookRunException(name, number, message, e);
                }
            }

        }
        finally
        {
            Console.SetOut(console);
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = culture;
        }

        if (outputPath is not null) document.Save(outputPath);
        return document;
    }

    /// <summary>Applies the directives (see the class remarks) to a cell's source.</summary>
    internal static string Preprocess(string source, string notebook, int cell)
    {
        var sb = new StringBuilder();
        foreach (var rawLine in source.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            var trimmed = line.Trim();
            if (trimmed is "#!csharp" or "#!c#")
            {
                sb.Append('\n');
                continue;
            }

            if (trimmed.StartsWith("#!", StringComparison.Ordinal))
            {
                throw new NotebookRunException(notebook, cell, $"the '{trimmed.Split(' ')[0]}' magic belongs to another kernel; this executor runs C# cells only");
            }

            if (trimmed.StartsWith("#i ", StringComparison.Ordinal))
            {
                sb.Append('\n');
                continue;
            }

            var nuget = NugetReference().Match(trimmed);
            if (nuget.Success)
            {
                var package = nuget.Groups["name"].Value.Trim();
                var version = nuget.Groups["version"].Success ? nuget.Groups["version"].Value.Trim() : null;
                if (!Packages.TryGetValue(package, out var known))
                {
                    throw new NotebookRunException(notebook, cell, $"package '{package}' is not available to this executor (available: {string.Join(", ", Packages.Keys)})");
                }

                if (version is not null && version != known.Version && !(version.EndsWith('*') && known.Version.StartsWith(version.TrimEnd('*'), StringComparison.Ordinal)))
                {
                    throw new NotebookRunException(notebook, cell, $"package '{package}' is pinned to {known.Version} in this project, but the notebook asks for {version}");
                }

                sb.Append('\n');
                continue;
            }

            sb.Append(line).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>
    /// Papermill's injection: drops an <c>injected-parameters</c> cell left by an earlier run and, when values are given,
    /// inserts one right after the cell tagged <c>parameters</c>, redeclaring just those parameters. The parameters cell
    /// keeps its defaults, and the injected cell shows the values the outputs came from.
    /// </summary>
    internal static void InjectParameters(NotebookDocument document, IReadOnlyDictionary<string, string> parameters, ISet<string> unused, string notebook)
    {
        var cells = document.Cells;
        for (var c = cells.Count - 1; c >= 0; c--)
        {
            if (NotebookDocument.HasTag(cells[c]!, "injected-parameters")) cells.RemoveAt(c);
        }

        if (parameters.Count == 0) return;
        var at = Enumerable.Range(0, cells.Count).FirstOrDefault(c => NotebookDocument.HasTag(cells[c]!, "parameters"), -1);
        var declared = at < 0 ? [] : NotebookDocument.Source(cells[at]!).Split('\n').Where(line => Declaration().Match(line) is { Success: true } m && parameters.ContainsKey(m.Groups["name"].Value)).ToList();
        var injected = Inject(string.Join('\n', declared), parameters, unused, notebook, at + 2);
        if (unused.Count > 0) throw new NotebookRunException(notebook, 0, $"no cell tagged 'parameters' declares {string.Join(", ", unused)}");
        var cell = new JsonObject
        {
            ["cell_type"] = "code",
            ["execution_count"] = null,
            ["metadata"] = new JsonObject { ["tags"] = new JsonArray("injected-parameters"), ["dotnet_interactive"] = new JsonObject { ["language"] = "csharp" } },
            ["outputs"] = new JsonArray(),
            ["source"] = NotebookDocument.Lines("// Injected parameters\n" + injected),
        };
        if (cells[at] is JsonObject parametersCell && parametersCell["id"] is not null) cell["id"] = parametersCell["id"]!.GetValue<string>() + "-injected";
        cells.Insert(at + 1, cell);
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

    private static JsonObject Display(string kind, object? value, int? executionCount, ChartRenderer? renderer, CancellationToken cancellationToken)
    {
        var (html, text) = OutputFormatter.Format(value);
        var data = new JsonObject { ["text/plain"] = NotebookDocument.Lines(text) };
        if (value is Plotly.NET.GenericChart && html is not null)
        {
            // A static PNG beside the interactive chart, for viewers that strip scripts (GitHub): in the bundle as image/png,
            // and inside the HTML as an image that the chart's own script removes once it runs.
            var png = renderer?.RenderAsync(html, cancellationToken).GetAwaiter().GetResult();
            if (png is not null) data["image/png"] = Convert.ToBase64String(png);
            html = OutputFormatter.ChartHtml(html, png);
        }

        if (html is not null) data["text/html"] = NotebookDocument.Lines(html);
        var output = new JsonObject { ["output_type"] = kind, ["data"] = data, ["metadata"] = new JsonObject() };
        if (executionCount is { } n) output["execution_count"] = n;
        return output;
    }

    private static void Append(JsonArray outputs, JsonObject output) => outputs.Add(output);

    private static string Version(Assembly assembly)
    {
        var v = assembly.GetName().Version ?? new Version(0, 0, 0);
        return string.Create(CultureInfo.InvariantCulture, $"{v.Major}.{v.Minor}.{v.Build}");
    }

    [GeneratedRegex(@"^#r\s+""nuget:\s*(?<name>[^,""]+)(,\s*(?<version>[^""]+))?""\s*$")]
    private static partial Regex NugetReference();

    [GeneratedRegex(@"^(?<head>\s*(?<type>var|string|int|long|double|float|bool|decimal)\s+(?<name>[A-Za-z_]\w*)\s*=\s*)(?<value>[^;]*);(?<comment>\s*//.*)?\s*$")]
    private static partial Regex Declaration();

    /// <summary>Console text of the running cell, appended as stream outputs in order with displays.</summary>
    private sealed class CellWriter(Func<JsonArray?> outputs) : StringWriter(CultureInfo.InvariantCulture)
    {
        public override void Flush()
        {
            var text = GetStringBuilder().ToString();
            GetStringBuilder().Clear();
            if (text.Length == 0 || outputs() is not { } target) return;
            if (target.Count > 0 && target[^1] is JsonObject last && last["output_type"]?.GetValue<string>() == "stream")
            {
                var previous = NotebookDocument.Join(last["text"]!);
                last["text"] = NotebookDocument.Lines(previous + text);
                return;
            }

            target.Add(new JsonObject { ["output_type"] = "stream", ["name"] = "stdout", ["text"] = NotebookDocument.Lines(text) });
        }

    }
}
