using System.Text.RegularExpressions;
using System.Threading.Channels;
using Microsoft.CodeAnalysis.CSharp;
using NetMQ;
using NetMQ.Sockets;

namespace MovieRec.Notebooks.Kernel;

/// <summary>
/// A Jupyter kernel for C# (messaging protocol 5.3 over ZeroMQ) on one <see cref="NotebookSession"/>: what VS Code's
/// Jupyter extension, JupyterLab, the classic Notebook and nbclient talk to.
/// </summary>
/// <remarks>
/// <para>Sockets: shell, control and stdin (ROUTER), iopub (PUB) and heartbeat (REP), bound as the connection file says.
/// One poller thread owns shell, control, stdin and iopub and only moves messages; the heartbeat has a thread of its own,
/// so it answers while a cell runs. Shell requests are handled one at a time, in order; control requests (interrupt,
/// shutdown, kernel_info) are handled at once, even while a cell runs.</para>
/// <para>Every message is signed with HMAC-SHA256 over its four JSON frames; a message whose signature does not match is
/// logged and dropped, never handled.</para>
/// <para>Requests: kernel_info, execute (busy/idle, execute_input, stream, display_data, update_display_data,
/// execute_result, error; <c>stop_on_error</c> aborts the requests queued behind a failed cell), complete, inspect,
/// is_complete, history (tail, range, search), comm_info (no comms), interrupt (cancels the running cell's
/// <see cref="NotebookGlobals.CancellationToken"/>) and shutdown (with or without restart: the client restarts the
/// process). stdin is bound but input requests are not made (<c>Console.ReadLine</c> reads nothing).</para>
/// </remarks>
public sealed class JupyterKernel : IDisposable
{
    private readonly ConnectionInfo _connection;
    private readonly byte[] _key;
    private readonly string _session = Guid.NewGuid().ToString("N");
    private readonly NotebookSession _notebook;
    private readonly TextWriter _log;
    private readonly Channel<JupyterMessage> _shell = Channel.CreateUnbounded<JupyterMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly NetMQQueue<Outgoing[]> _outgoing = new();
    private readonly Lock _sending = new();
    private Outgoing? _heldReply;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<HistoryEntry> _history = [];
    private CancellationTokenSource? _running;

    private JupyterKernel(ConnectionInfo connection, NotebookSession notebook, TextWriter log)
    {
        _connection = connection;
        _key = Encoding.UTF8.GetBytes(connection.Key);
        _notebook = notebook;
        _log = log;
    }

    private enum Route
    {
        Shell,
        Control,
        Iopub,
        Stop,
    }

    private readonly record struct Outgoing(Route Route, List<byte[]>? Frames);

    /// <summary>The <c>kernel_info_reply</c> language description.</summary>
    public static JsonObject LanguageInfo => new()
    {
        ["name"] = "csharp",
        ["version"] = LanguageVersion.Latest.MapSpecifiedToEffectiveVersion().ToDisplayString(),
        ["mimetype"] = "text/x-csharp",
        ["file_extension"] = ".cs",
        ["pygments_lexer"] = "csharp",
        ["codemirror_mode"] = "text/x-csharp",
    };

    /// <summary>Serves the connection until a shutdown request (or <paramref name="cancellationToken"/>).</summary>
    public static async Task RunAsync(ConnectionInfo connection, KernelOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        options ??= new KernelOptions();
        var log = options.Log ?? TextWriter.Null;
        var renderer = options.NoPng ? null : Task.Run(async () => (await ChartRenderer.TryStartAsync(CancellationToken.None).ConfigureAwait(false)).Renderer);
        var notebook = new NotebookSession(new NotebookSessionOptions { Renderer = renderer, EmbedPlotlyJs = true });
        _ = Task.Run(notebook.WarmUp, CancellationToken.None); // Roslyn compiled while the front end connects: the first cell answers sooner
        using var kernel = new JupyterKernel(connection, notebook, log);
        try
        {
            await kernel.ServeAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (renderer is not null && await renderer.ConfigureAwait(false) is { } started) await started.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task ServeAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token);
        using var shell = new RouterSocket();
        using var control = new RouterSocket();
        using var stdin = new RouterSocket();
        using var iopub = new PublisherSocket();
        // A publisher drops messages past its high-water mark (1,000 by default): iopub must never lose output or the
        // idle status, so messages wait in memory for a slow client instead (stream text is batched by the session).
        iopub.Options.SendHighWatermark = 0;
        shell.Bind(_connection.Address(_connection.ShellPort));
        control.Bind(_connection.Address(_connection.ControlPort));
        stdin.Bind(_connection.Address(_connection.StdinPort));
        iopub.Bind(_connection.Address(_connection.IopubPort));
        var heartbeat = new Thread(() => Heartbeat(linked.Token)) { IsBackground = true, Name = "jupyter heartbeat" };
        heartbeat.Start();

        using var poller = new NetMQPoller { shell, control, stdin, _outgoing };
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        shell.ReceiveReady += (_, e) => Receive(e.Socket, Route.Shell);
        control.ReceiveReady += (_, e) => Receive(e.Socket, Route.Control);
        stdin.ReceiveReady += (_, e) => e.Socket.SkipMultipartMessage();
        _outgoing.ReceiveReady += (_, e) =>
        {
            while (e.Queue.TryDequeue(out var batch, TimeSpan.Zero))
            {
                foreach (var item in batch)
                {
                    switch (item.Route)
                    {
                        case Route.Stop:
                            poller.Stop();
                            stopped.TrySetResult();
                            return;
                        case Route.Shell:
                            shell.SendMultipartBytes(item.Frames!);
                            break;
                        case Route.Control:
                            control.SendMultipartBytes(item.Frames!);
                            break;
                        default:
                            iopub.SendMultipartBytes(item.Frames!);
                            break;
                    }
                }
            }
        };
        poller.RunAsync("jupyter sockets");
        Publish("status", new JsonObject { ["execution_state"] = "starting" }, null);
        using (linked.Token.Register(() => _shell.Writer.TryComplete()))
        {
            try
            {
                await foreach (var message in _shell.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false)) await HandleShellAsync(message).ConfigureAwait(false);
            }
            finally
            {
                _stop.Cancel();
                Send(new Outgoing(Route.Stop, null));
                await stopped.Task.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None).ConfigureAwait(false);
                heartbeat.Join(TimeSpan.FromSeconds(2));
            }
        }
    }

    private void Heartbeat(CancellationToken cancellationToken)
    {
        using var socket = new ResponseSocket();
        socket.Bind(_connection.Address(_connection.HeartbeatPort));
        while (!cancellationToken.IsCancellationRequested)
        {
            var frames = new List<byte[]>();
            if (socket.TryReceiveMultipartBytes(TimeSpan.FromMilliseconds(100), ref frames)) socket.SendMultipartBytes(frames);
        }
    }

    /// <summary>On the poller thread: parse, verify and route one message; control requests are handled right there
    /// (they only reply and cancel), shell requests are queued in order.</summary>
    private void Receive(NetMQSocket socket, Route route)
    {
        var frames = new List<byte[]>();
        if (!socket.TryReceiveMultipartBytes(TimeSpan.Zero, ref frames)) return;
        var (message, problem) = JupyterMessage.Parse(frames, _key);
        if (message is null)
        {
            Log($"dropped a {route.ToString().ToLowerInvariant()} message: {problem}");
            return;
        }

        if (route == Route.Shell)
        {
            _shell.Writer.TryWrite(message);
            return;
        }

        _ = Task.Run(() => HandleControl(message));
    }

    private void HandleControl(JupyterMessage request)
    {
        Publish("status", new JsonObject { ["execution_state"] = "busy" }, request);
        switch (request.Type)
        {
            case "interrupt_request":
                Interrupt();
                Reply(Route.Control, request, "interrupt_reply", new JsonObject { ["status"] = "ok" });
                break;
            case "shutdown_request":
                Shutdown(Route.Control, request);
                break;
            case "kernel_info_request":
                Reply(Route.Control, request, "kernel_info_reply", KernelInfo());
                break;
            default:
                Log($"control request '{request.Type}' is not supported");
                break;
        }

        Publish("status", new JsonObject { ["execution_state"] = "idle" }, request);
    }

    private async Task HandleShellAsync(JupyterMessage request)
    {
        Publish("status", new JsonObject { ["execution_state"] = "busy" }, request);
        var content = request.Content;
        try
        {
            switch (request.Type)
            {
                case "kernel_info_request":
                    Reply(Route.Shell, request, "kernel_info_reply", KernelInfo());
                    break;
                case "execute_request":
                    await ExecuteAsync(request).ConfigureAwait(false);
                    break;
                case "complete_request":
                {
                    var code = Text(content, "code");
                    var completion = _notebook.Complete(code, Cursor(code, content));
                    Reply(Route.Shell, request, "complete_reply", new JsonObject
                    {
                        ["status"] = "ok",
                        ["matches"] = new JsonArray([.. completion.Matches.Select(m => (JsonNode)m)]),
                        ["cursor_start"] = CodePoints(code, completion.Start),
                        ["cursor_end"] = CodePoints(code, completion.End),
                        ["metadata"] = new JsonObject(),
                    });
                    break;
                }

                case "inspect_request":
                {
                    var code = Text(content, "code");
                    var found = _notebook.Inspect(code, Cursor(code, content));
                    Reply(Route.Shell, request, "inspect_reply", new JsonObject
                    {
                        ["status"] = "ok",
                        ["found"] = found is not null,
                        ["data"] = found is null ? new JsonObject() : new JsonObject { ["text/plain"] = found.ToString() },
                        ["metadata"] = new JsonObject(),
                    });
                    break;
                }

                case "is_complete_request":
                {
                    var status = NotebookSession.IsComplete(Text(content, "code"));
                    var reply = new JsonObject { ["status"] = status.ToString().ToLowerInvariant() };
                    if (status == CodeCompleteness.Incomplete) reply["indent"] = string.Empty;
                    Reply(Route.Shell, request, "is_complete_reply", reply);
                    break;
                }

                case "history_request":
                    Reply(Route.Shell, request, "history_reply", new JsonObject { ["status"] = "ok", ["history"] = History(content) });
                    break;
                case "comm_info_request":
                    Reply(Route.Shell, request, "comm_info_reply", new JsonObject { ["status"] = "ok", ["comms"] = new JsonObject() });
                    break;
                case "comm_open":
                    // No comm targets: close it at once, as the protocol asks.
                    Publish("comm_close", new JsonObject { ["comm_id"] = content["comm_id"]?.DeepClone(), ["data"] = new JsonObject() }, request);
                    break;
                case "shutdown_request":
                    Shutdown(Route.Shell, request);
                    break;
                default:
                    Log($"shell request '{request.Type}' is not supported");
                    break;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log($"{request.Type} failed: {e}");
            if (request.Type.EndsWith("_request", StringComparison.Ordinal))
            {
                Reply(Route.Shell, request, request.Type.Replace("_request", "_reply", StringComparison.Ordinal), new JsonObject
                {
                    ["status"] = "error",
                    ["ename"] = e.GetType().Name,
                    ["evalue"] = e.Message,
                    ["traceback"] = new JsonArray(e.ToString()),
                });
            }
        }

        // The reply and this idle status leave in one batch: a client that reads the reply finds the idle already sent,
        // even when this thread is descheduled in between on a loaded machine.
        Publish("status", new JsonObject { ["execution_state"] = "idle" }, request);
    }

    private async Task ExecuteAsync(JupyterMessage request)
    {
        var content = request.Content;
        var code = Text(content, "code");
        var silent = content["silent"]?.GetValue<bool>() ?? false;
        var storeHistory = content["store_history"]?.GetValue<bool>() ?? !silent;
        var stopOnError = content["stop_on_error"]?.GetValue<bool>() ?? true;
        if (!silent) Publish("execute_input", new JsonObject { ["code"] = code, ["execution_count"] = _notebook.ExecutionCount + 1 }, request);
        using var interrupt = new CancellationTokenSource();
        _running = interrupt;
        CellResult result;
        try
        {
            CellOutput output = silent ? new SilentCellOutput() : new IopubCellOutput((type, body) => Publish(type, body, request));
            var results = new ResultCapture(output);
            result = await _notebook.ExecuteAsync(code, results, interrupt.Token).ConfigureAwait(false);
            if (storeHistory) _history.Add(new HistoryEntry(result.ExecutionCount, code, results.Text));
        }
        finally
        {
            _running = null;
        }

        if (result.Error is not { } error)
        {
            Reply(Route.Shell, request, "execute_reply", new JsonObject
            {
                ["status"] = "ok",
                ["execution_count"] = result.ExecutionCount,
                ["user_expressions"] = new JsonObject(),
                ["payload"] = new JsonArray(),
            });
            return;
        }

        var traceback = new JsonArray([.. error.Traceback.DefaultIfEmpty(error.ToString()).Select(t => (JsonNode)t)]);
        if (!silent) Publish("error", new JsonObject { ["ename"] = error.Name, ["evalue"] = error.Value, ["traceback"] = traceback.DeepClone() }, request);

        // The requests to abort are those queued before the client can know of the failure: taken before the reply
        // goes out, so a request the client sends on reading the reply is never aborted.
        var aborted = stopOnError ? TakeQueuedExecutions() : [];
        Reply(Route.Shell, request, "execute_reply", new JsonObject
        {
            ["status"] = "error",
            ["execution_count"] = result.ExecutionCount,
            ["ename"] = error.Name,
            ["evalue"] = error.Value,
            ["traceback"] = traceback,
        });
        foreach (var queued in aborted)
        {
            Publish("status", new JsonObject { ["execution_state"] = "busy" }, queued);
            Reply(Route.Shell, queued, "execute_reply", new JsonObject { ["status"] = "aborted", ["execution_count"] = _notebook.ExecutionCount });
            Publish("status", new JsonObject { ["execution_state"] = "idle" }, queued);
        }
    }

    /// <summary>After a failed cell with <c>stop_on_error</c>: takes the execute requests already queued, which get an
    /// <c>aborted</c> reply (as ipykernel does); other queued requests stay queued, in their order.</summary>
    private List<JupyterMessage> TakeQueuedExecutions()
    {
        var executions = new List<JupyterMessage>();
        var others = new List<JupyterMessage>();
        while (_shell.Reader.TryRead(out var queued)) (queued.Type == "execute_request" ? executions : others).Add(queued);
        foreach (var message in others) _shell.Writer.TryWrite(message);
        return executions;
    }

    private void Shutdown(Route route, JupyterMessage request)
    {
        var restart = request.Content["restart"]?.GetValue<bool>() ?? false;
        Interrupt();
        Reply(route, request, "shutdown_reply", new JsonObject { ["status"] = "ok", ["restart"] = restart });
        _stop.Cancel();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _outgoing.Dispose();
        _stop.Dispose();
    }

    /// <summary>Cancels the running cell, if any (from the control thread, racing with the cell's end).</summary>
    private void Interrupt()
    {
        try
        {
            Volatile.Read(ref _running)?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // the cell ended between the read and the cancel
        }
    }

    private static JsonObject KernelInfo() => new()
    {
        ["status"] = "ok",
        ["protocol_version"] = JupyterMessage.ProtocolVersion,
        ["implementation"] = "movierec",
        ["implementation_version"] = typeof(JupyterKernel).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0",
        ["language_info"] = LanguageInfo,
        ["banner"] = "C# (MovieRec): Roslyn scripting with MovieRec, Microsoft.Data.Analysis, ML.NET, MathNet.Numerics and Plotly.NET",
        ["help_links"] = new JsonArray(),
        ["debugger"] = false,
    };

    private JsonArray History(JsonObject content)
    {
        var output = content["output"]?.GetValue<bool>() ?? false;
        var type = content["hist_access_type"]?.GetValue<string>() ?? "tail";
        IEnumerable<HistoryEntry> entries = _history;
        var n = content["n"]?.GetValue<int>();
        switch (type)
        {
            case "range":
                var start = content["start"]?.GetValue<int>() ?? 1;
                var stop = content["stop"]?.GetValue<int>() ?? int.MaxValue;
                entries = entries.Where(e => e.Line >= start && e.Line < stop);
                break;
            case "search":
                var glob = new Regex("^" + Regex.Escape(content["pattern"]?.GetValue<string>() ?? "*").Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$", RegexOptions.Singleline, TimeSpan.FromSeconds(1));
                entries = entries.Where(e => glob.IsMatch(e.Code));
                if (content["unique"]?.GetValue<bool>() ?? false) entries = entries.GroupBy(e => e.Code, StringComparer.Ordinal).Select(g => g.Last()).OrderBy(e => e.Line);
                if (n is { } searchCount) entries = entries.TakeLast(searchCount);
                break;
            default:
                if (n is { } count) entries = entries.TakeLast(count);
                break;
        }

        return new JsonArray([.. entries.Select(e => (JsonNode)new JsonArray(1, e.Line, output ? new JsonArray(e.Code, e.Output) : e.Code))]);
    }

    private void Publish(string type, JsonObject content, JupyterMessage? parent)
    {
        var message = JupyterMessage.Create(type, content, parent, _session, identities: [Encoding.UTF8.GetBytes("kernel." + _session + "." + type)]);
        Send(new Outgoing(Route.Iopub, message.ToFrames(_key)));
    }

    /// <summary>A shell reply is held until the next message of any kind, and leaves in the same batch: the idle status
    /// that follows it reaches the client with it (clients such as Jupyter's conformance suite give the idle status
    /// 0.1 s after the reply). Messages keep their order.</summary>
    private void Reply(Route route, JupyterMessage request, string type, JsonObject content)
    {
        var reply = new Outgoing(route, JupyterMessage.Create(type, content, request, request.Header["session"]?.GetValue<string>() ?? _session).ToFrames(_key));
        if (route != Route.Shell)
        {
            Send(reply);
            return;
        }

        lock (_sending)
        {
            if (_heldReply is { } held) _outgoing.Enqueue([held]);
            _heldReply = reply;
        }
    }

    private void Send(Outgoing message)
    {
        lock (_sending)
        {
            if (_heldReply is { } held)
            {
                _heldReply = null;
                _outgoing.Enqueue([held, message]);
            }
            else
            {
                _outgoing.Enqueue([message]);
            }
        }
    }

    private void Log(string message)
    {
        lock (_log) _log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[movierec kernel {DateTime.UtcNow:HH:mm:ss.fff}] {message}"));
    }

    private static string Text(JsonObject content, string name) => content[name]?.GetValue<string>() ?? string.Empty;

    /// <summary>Jupyter counts cursor positions in Unicode code points; .NET strings index UTF-16 units.</summary>
    private static int Cursor(string code, JsonObject content)
    {
        var points = content["cursor_pos"]?.GetValue<int>() ?? code.Length;
        var index = 0;
        for (var p = 0; p < points && index < code.Length; p++) index += char.IsHighSurrogate(code[index]) && index + 1 < code.Length ? 2 : 1;
        return index;
    }

    private static int CodePoints(string code, int index)
    {
        var points = 0;
        for (var i = 0; i < index && i < code.Length; i++)
        {
            if (!char.IsLowSurrogate(code[i])) points++;
        }

        return points;
    }

    private sealed record HistoryEntry(int Line, string Code, string? Output);

    /// <summary>Passes outputs on and keeps the text of the cell's result, for history with outputs.</summary>
    private sealed class ResultCapture(CellOutput inner) : CellOutput
    {
        public string? Text { get; private set; }

        public override void Stream(string name, string text) => inner.Stream(name, text);

        public override void Display(MimeBundle bundle, string? displayId) => inner.Display(bundle, displayId);

        public override void UpdateDisplay(MimeBundle bundle, string displayId) => inner.UpdateDisplay(bundle, displayId);

        public override void Result(MimeBundle bundle, int executionCount)
        {
            Text = bundle.PlainText;
            inner.Result(bundle, executionCount);
        }

        public override void ClearOutput(bool wait) => inner.ClearOutput(wait);
    }
}
