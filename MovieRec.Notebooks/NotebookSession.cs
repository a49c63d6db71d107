using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace MovieRec.Notebooks;

/// <summary>
/// One notebook's C# session: a Roslyn script state carried from cell to cell (top-level await, usings, records and
/// local functions persist), the globals of <see cref="NotebookGlobals"/>, and outputs as <see cref="MimeBundle"/>s.
/// The batch runner (<see cref="NotebookRunner"/>) and the Jupyter kernel both drive this type, so a cell gives the same
/// outputs in both.
/// </summary>
/// <remarks>
/// <para>A cell's outputs reach its <see cref="CellOutput"/> in the order they happen, through one output pump: console
/// text (stdout and stderr, a line at a time), <c>display(x)</c> and its updates, then the value of the cell's final
/// expression. Charts get an <c>image/png</c> copy when a <see cref="NotebookSessionOptions.Renderer"/> is ready.</para>
/// <para>Cells run with the invariant culture, whatever the machine's. A cell that is cancelled (interrupt, timeout) ends
/// with an <c>Interrupted</c> error as soon as it observes <see cref="NotebookGlobals.CancellationToken"/>; one that
/// ignores it is abandoned: the session answers the next cell from the state before the interrupted one, while the
/// abandoned code runs on in the background until it ends.</para>
/// <para>Errors name the cell line: compiler diagnostics by their position, exceptions by the cell frame of their stack.</para>
/// </remarks>
public sealed partial class NotebookSession
{
    private readonly NotebookSessionOptions _options;
    private readonly ScriptOptions _scriptOptions;
    private readonly Script<object> _empty;
    private readonly NotebookGlobals _globals;
    private ScriptState<object>? _state;
    private volatile Cell? _cell;
    private bool _plotlyEmbedded;

    /// <summary>Creates a session (nothing is compiled until the first cell).</summary>
    public NotebookSession(NotebookSessionOptions? options = null)
    {
        _options = options ?? new NotebookSessionOptions();
        _globals = new NotebookGlobals(this);
        var folder = Path.GetFullPath(_options.BaseDirectory);
        _scriptOptions = ScriptOptions.Default
            .AddReferences(References())
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(folder))
            .WithSourceResolver(ScriptSourceResolver.Default.WithBaseDirectory(folder))
            .WithImports(DefaultImports)
            .WithEmitDebugInformation(true)
            .WithFileEncoding(Encoding.UTF8);
        _empty = CSharpScript.Create(string.Empty, _scriptOptions, typeof(NotebookGlobals));
    }

    /// <summary>The namespaces the .NET Interactive C# kernel imports by default.</summary>
    public static IReadOnlyList<string> DefaultImports { get; } =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Text", "System.Threading", "System.Threading.Tasks"];

    /// <summary>Cells executed so far (the next cell gets this plus one).</summary>
    public int ExecutionCount { get; private set; }

    internal CancellationToken CellCancellation => _cell?.Cancellation ?? CancellationToken.None;

    /// <summary>Runs one cell and sends its outputs to <paramref name="output"/>; returns once every output was delivered.</summary>
    /// <param name="code">The cell's source (Polyglot directives allowed, see <see cref="Directives"/>).</param>
    /// <param name="output">Receives the outputs.</param>
    /// <param name="cancellationToken">Interrupts the cell (see the class remarks).</param>
    /// <returns>The execution count and, when the cell failed, its error (the session stays usable).</returns>
    public async Task<CellResult> ExecuteAsync(string code, CellOutput output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(output);
        var cell = new Cell(output, cancellationToken);
        if (Interlocked.CompareExchange(ref _cell, cell, null) is not null) throw new InvalidOperationException("a cell is already running in this session");
        var count = ++ExecutionCount;
        var pump = cell.PumpAsync(this);
        var (stdout, stderr) = (Console.Out, Console.Error);
        Console.SetOut(cell.Stdout);
        Console.SetError(cell.Stderr);
        CellError? error = null;
        try
        {
            var source = Directives.Apply(code);
            var run = Task.Run(() => RunAsync(source, cancellationToken), CancellationToken.None);
            var state = await run.WaitAsync(cancellationToken).ConfigureAwait(false);
            _state = state;
            cell.Stdout.Flush(); // console text written before the cell ended comes before its value
            cell.Stderr.Flush();
            if (state.ReturnValue is { } value and not DisplayHandle) cell.Enqueue(MimeFormatter.Format(value), bundle => output.Result(bundle, count));
        }
        catch (DirectiveException e)
        {
            error = new CellError("DirectiveError", e.Message, [e.Message, $"   at line {e.Line} of the cell"], e.Line);
        }
        catch (CompilationErrorException e)
        {
            error = CompilationError(e);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            error = new CellError("Interrupted", "the cell was interrupted", ["Interrupted: the cell was interrupted"], null);
        }
        catch (Exception e)
        {
            error = RuntimeError(e);
        }
        finally
        {
            cell.Stdout.Flush();
            cell.Stderr.Flush();
            Console.SetOut(stdout);
            Console.SetError(stderr);
            cell.Complete();
            await pump.ConfigureAwait(false);
            _cell = null;
        }

        return new CellResult(count, error);
    }

    private async Task<ScriptState<object>> RunAsync(string source, CancellationToken cancellationToken)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        return _state is null
            ? await _empty.ContinueWith(source, _scriptOptions).RunAsync(_globals, cancellationToken: cancellationToken).ConfigureAwait(false)
            : await _state.ContinueWithAsync(source, _scriptOptions, cancellationToken).ConfigureAwait(false);
    }

    internal void Show(object? value, string displayId)
    {
        if (_cell is not { } cell) return;
        cell.Stdout.Flush();
        cell.Stderr.Flush();
        cell.Enqueue(MimeFormatter.Format(value), bundle => cell.Output.Display(bundle, displayId));
    }

    internal void Update(object? value, string displayId)
    {
        if (_cell is not { } cell) return;
        cell.Enqueue(MimeFormatter.Format(value), bundle => cell.Output.UpdateDisplay(bundle, displayId));
    }

    internal void Clear(bool wait)
    {
        if (_cell is not { } cell) return;
        cell.Stdout.Flush();
        cell.Stderr.Flush();
        cell.Enqueue(null, _ => cell.Output.ClearOutput(wait));
    }

    /// <summary>Adds the chart extras to a bundle: a PNG copy (when a renderer is ready) shown where scripts do not run,
    /// and plotly.js once per session when <see cref="NotebookSessionOptions.EmbedPlotlyJs"/> is set.</summary>
    private async Task<MimeBundle> FinishAsync(MimeBundle bundle, CancellationToken cancellationToken)
    {
        if (!bundle.IsChart || bundle.Html is not { } html) return bundle;
        byte[]? png = null;
        if (_options.Renderer is { } starting && await starting.ConfigureAwait(false) is { } renderer)
        {
            try
            {
                png = await renderer.RenderAsync(html, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is TimeoutException or InvalidOperationException or IOException or System.Net.WebSockets.WebSocketException)
            {
                png = null; // the chart still shows interactively; only the static copy is missing
            }
        }

        if (png is not null) bundle.Set("image/png", Convert.ToBase64String(png));
        html = MimeFormatter.ChartHtml(html, png);
        if (_options.EmbedPlotlyJs && !_plotlyEmbedded)
        {
            html = MimeFormatter.PlotlyScript() + "\n" + html;
            _plotlyEmbedded = true;
        }

        return bundle.Set("text/html", html);
    }

    private static CellError CompilationError(CompilationErrorException e)
    {
        var errors = e.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).DefaultIfEmpty(e.Diagnostics.First()).ToList();
        string Describe(Diagnostic d)
        {
            var at = d.Location.GetLineSpan().StartLinePosition;
            return string.Create(CultureInfo.InvariantCulture, $"line {at.Line + 1}, column {at.Character + 1}: {d.Id}: {d.GetMessage(CultureInfo.InvariantCulture)}");
        }

        var first = errors[0];
        return new CellError("CompilationError", $"{first.Id}: {first.GetMessage(CultureInfo.InvariantCulture)}", [.. errors.Select(Describe)],
            first.Location.GetLineSpan().StartLinePosition.Line + 1);
    }

    private static CellError RuntimeError(Exception e)
    {
        if (e is TargetInvocationException { InnerException: { } inner }) e = inner;
        var traceback = new List<string> { $"{e.GetType().FullName}: {e.Message}" };
        int? line = null;
        foreach (var frame in new StackTrace(e, fNeedFileInfo: true).GetFrames())
        {
            var method = frame.GetMethod();
            var type = method?.DeclaringType;
            while (type?.DeclaringType is not null) type = type.DeclaringType;
            if (type?.Name.StartsWith("Submission#", StringComparison.Ordinal) == true)
            {
                if (frame.GetFileLineNumber() is > 0 and var n)
                {
                    line = n;
                    traceback.Add(string.Create(CultureInfo.InvariantCulture, $"   at line {n} of the cell"));
                }

                break; // frames below the cell are the script host's
            }

            if (method is not null) traceback.Add($"   at {method.DeclaringType?.FullName}.{method.Name}");
        }

        return new CellError(e.GetType().Name, e.Message, traceback, line);
    }

    private static IEnumerable<MetadataReference> References()
    {
        var assemblies = NotebookPackages.Known.Values.Select(p => p.Assembly)
            .Append(typeof(object).Assembly).Append(typeof(Console).Assembly).Append(typeof(Enumerable).Assembly)
            .Append(typeof(System.Collections.Generic.HashSet<>).Assembly).Append(typeof(System.Text.RegularExpressions.Regex).Assembly)
            .Distinct();
        foreach (var assembly in assemblies)
        {
            yield return MetadataReference.CreateFromFile(assembly.Location, documentation: Documentation.For(assembly));
        }
    }

    /// <summary>The running cell: its output, cancellation, console writers and ordered output pump.</summary>
    private sealed class Cell
    {
        private readonly Channel<Func<Task>> _work = Channel.CreateUnbounded<Func<Task>>(new UnboundedChannelOptions { SingleReader = true });

        public Cell(CellOutput output, CancellationToken cancellation)
        {
            Output = output;
            Cancellation = cancellation;
            Stdout = new CellWriter(this, "stdout");
            Stderr = new CellWriter(this, "stderr");
        }

        public CellOutput Output { get; }

        public CancellationToken Cancellation { get; }

        public CellWriter Stdout { get; }

        public CellWriter Stderr { get; }

        private NotebookSession? Session { get; set; }

        public void Enqueue(MimeBundle? bundle, Action<MimeBundle> deliver) =>
            _work.Writer.TryWrite(async () =>
            {
                var finished = bundle is null ? null! : await Session!.FinishAsync(bundle, Cancellation).ConfigureAwait(false);
                deliver(finished);
            });

        public void EnqueueText(string name, string text) => _work.Writer.TryWrite(() =>
        {
            Output.Stream(name, text);
            return Task.CompletedTask;
        });

        public void Complete() => _work.Writer.TryComplete();

        public async Task PumpAsync(NotebookSession session)
        {
            Session = session;
            await foreach (var work in _work.Reader.ReadAllAsync().ConfigureAwait(false)) await work().ConfigureAwait(false);
        }
    }

    /// <summary>Console text of the running cell: sent a line at a time (and on flush), never mixed between cells.</summary>
    private sealed class CellWriter(Cell cell, string name) : TextWriter(CultureInfo.InvariantCulture)
    {
        private readonly StringBuilder _pending = new();
        private readonly Lock _lock = new();

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            lock (_lock)
            {
                _pending.Append(value);
                if (value == '\n') Send(_pending.Length);
            }
        }

        public override void Write(string? value)
        {
            if (string.IsNullOrEmpty(value)) return;
            lock (_lock)
            {
                _pending.Append(value);
                var last = value.LastIndexOf('\n');
                if (last >= 0) Send(_pending.Length - (value.Length - last - 1));
            }
        }

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

        public override void Flush()
        {
            lock (_lock) Send(_pending.Length);
        }

        private void Send(int length)
        {
            if (length == 0) return;
            var text = _pending.ToString(0, length);
            _pending.Remove(0, length);
            cell.EnqueueText(name, text);
        }
    }
}
