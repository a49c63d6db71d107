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
/// <para>Cells run with the invariant culture, whatever the machine's. Each cell is compiled with a check
/// (<see cref="CellGuard"/>) at every loop back-edge and method entry, on the line it guards: a cancelled cell (interrupt,
/// timeout) ends with an <c>Interrupted</c> error at its next check, or as soon as it observes
/// <see cref="NotebookGlobals.CancellationToken"/>, and a runaway recursion ends with an
/// <see cref="InsufficientExecutionStackException"/> instead of ending the process. Code that blocks where no check runs
/// (a sleep, a native call) is abandoned, and its error says so: the session answers the next cell from the state before
/// the interrupted one, while the abandoned code runs on in the background until it ends.</para>
/// <para>Errors name the cell line: compiler diagnostics by their position, exceptions by the cell frame of their stack.</para>
/// </remarks>
public sealed partial class NotebookSession
{
    private readonly NotebookSessionOptions _options;
    private ScriptOptions _scriptOptions;
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

    /// <summary>
    /// Compiles and runs a throwaway cell with the session's references and rewriter, outside the session's state: Roslyn's code is
    /// compiled by the runtime and the references' metadata read, so the first real cell does not wait for both. The
    /// kernel calls it on a background thread at start; it changes nothing a cell can see.
    /// </summary>
    internal void WarmUp()
    {
        try
        {
            var source = CellRewriter.Rewrite("var warm = new List<int> { 1 }; foreach (var x in warm) { } warm.Count");
            var script = CSharpScript.Create(source, _scriptOptions, typeof(NotebookGlobals));
            _ = script.Compile();
            // Run too (it reads nothing of the globals): the scripting runtime's own path is then compiled as well.
            _ = script.RunAsync(_globals).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Only a head start: the first cell compiles (and reports) whatever went wrong here.
        }
    }

    /// <summary>How long an interrupted cell's code gets to stop before it is reported as still running.</summary>
    private static readonly TimeSpan AbandonWait = TimeSpan.FromSeconds(1);

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
    public Task<CellResult> ExecuteAsync(string code, CellOutput output, CancellationToken cancellationToken = default) =>
        ExecuteAsync(code, output, runTimeout: null, cancellationToken);

    /// <summary>Runs one cell; <paramref name="runTimeout"/> (when set) interrupts it once its code has run that long,
    /// its compilation excluded, so a cold compiler on a loaded machine never counts against the cell.</summary>
    internal async Task<CellResult> ExecuteAsync(string code, CellOutput output, TimeSpan? runTimeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(output);
        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cancellationToken = interrupt.Token; // the caller's token, or the run timeout once the code started
        var cell = new Cell(output, cancellationToken);
        if (Interlocked.CompareExchange(ref _cell, cell, null) is not null) throw new InvalidOperationException("a cell is already running in this session");
        var count = ++ExecutionCount;
        var pump = cell.PumpAsync(this);
        var (stdout, stderr) = (Console.Out, Console.Error);
        Console.SetOut(cell.Stdout);
        Console.SetError(cell.Stderr);
        CellError? error = null;
        Task<ScriptState<object>>? run = null;
        try
        {
            var parsed = Directives.Parse(code);
            if (parsed.Packages.Count > 0 || parsed.Sources.Count > 0) await AddPackagesAsync(parsed, cancellationToken).ConfigureAwait(false);
            var clock = parsed.Time ? Stopwatch.StartNew() : null;
            run = Task.Run(() => RunAsync(parsed.Source, () => { if (runTimeout is { } limit) interrupt.CancelAfter(limit); }, cancellationToken), CancellationToken.None);
            var state = await run.WaitAsync(cancellationToken).ConfigureAwait(false);
            // Code that returned because it saw the interrupt (a wait on CancellationToken) may finish before the interrupt
            // reaches this await: the cell was still interrupted, and says so whichever came first (Run All stops there).
            cancellationToken.ThrowIfCancellationRequested();
            _state = state;
            if (clock is not null) cell.Stdout.WriteLine("Wall time: " + WallTime(clock.Elapsed));
            cell.Stdout.Flush(); // console text written before the cell ended comes before its value
            cell.Stderr.Flush();
            if (parsed.Whos) cell.Enqueue(MimeFormatter.Format(Variables()), bundle => output.Display(bundle, null));
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
            // The compiled checks stop loops and calls at once; code blocked elsewhere (a sleep, a native call) runs on.
            var stopped = run is not null && await Task.WhenAny(run, Task.Delay(AbandonWait, CancellationToken.None)).ConfigureAwait(false) == run;
            var value = stopped || run is null ? "the cell was interrupted" : "the cell was interrupted, but its code did not stop and runs on in the background (restart the kernel to end it)";
            error = new CellError("Interrupted", value, ["Interrupted: " + value], null);
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

    /// <summary>Compiles the cell with its guards (<see cref="CellRewriter"/>; a failed compilation throws
    /// <see cref="CompilationErrorException"/> when run, with the positions of the cell as written), calls
    /// <paramref name="started"/>, then runs it on the session's state.</summary>
    private async Task<ScriptState<object>> RunAsync(string source, Action started, CancellationToken cancellationToken)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        CellGuard.Enter(cancellationToken); // flows into everything the cell starts
        var previous = _state?.Script ?? _empty;
        var guarded = CellRewriter.Rewrite(source);
        var script = previous.ContinueWith(guarded, _scriptOptions);
        if (!ReferenceEquals(guarded, source) && script.Compile(cancellationToken).Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            script = previous.ContinueWith(source, _scriptOptions); // errors are reported at the columns the user wrote
        }

        script.Compile(cancellationToken); // cached by the script: running it does not compile again
        SynchronizationContext.SetSynchronizationContext(CellSynchronizationContext.Instance); // async void errors are printed, not fatal
        started();
        return _state is null
            ? await script.RunAsync(_globals, cancellationToken: cancellationToken).ConfigureAwait(false)
            : await script.RunFromAsync(_state, cancellationToken: cancellationToken).ConfigureAwait(false);
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

    /// <summary>A <c>#!time</c> reading: milliseconds under a second, else seconds.</summary>
    private static string WallTime(TimeSpan elapsed) => elapsed.TotalSeconds < 1
        ? elapsed.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms"
        : elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";

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
        /// <summary>The most console text one stream output carries when lines queue up faster than they are sent.</summary>
        private const int MaxBatchChars = 64 * 1024;

        private readonly Channel<Work> _work = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = true });

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
            _work.Writer.TryWrite(new Work(null, null, async () =>
            {
                var finished = bundle is null ? null! : await Session!.FinishAsync(bundle, Cancellation).ConfigureAwait(false);
                deliver(finished);
            }));

        public void EnqueueText(string name, string text) => _work.Writer.TryWrite(new Work(name, text, null));

        public void Complete() => _work.Writer.TryComplete();

        /// <summary>Delivers the queued outputs in order. Console text that queued up while earlier outputs were delivered
        /// goes out as one stream output per stream (up to <see cref="MaxBatchChars"/>), as IPython batches it: a cell
        /// printing 100,000 lines costs a few hundred messages, not 100,000.</summary>
        public async Task PumpAsync(NotebookSession session)
        {
            Session = session;
            var reader = _work.Reader;
            var batch = new StringBuilder();
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (reader.TryRead(out var work))
                {
                    if (work.Run is { } run)
                    {
                        await run().ConfigureAwait(false);
                        continue;
                    }

                    batch.Clear().Append(work.Text);
                    while (batch.Length < MaxBatchChars && reader.TryPeek(out var next) && next.Stream == work.Stream && next.Run is null && reader.TryRead(out next))
                    {
                        batch.Append(next.Text);
                    }

                    Output.Stream(work.Stream!, batch.ToString());
                }
            }
        }

        /// <summary>One queued output: console text of a stream, or a delivery to run.</summary>
        private readonly record struct Work(string? Stream, string? Text, Func<Task>? Run);
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
