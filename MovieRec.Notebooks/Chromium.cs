using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;

namespace MovieRec.Notebooks;

/// <summary>
/// A headless Chromium driven over the DevTools protocol (a WebSocket to <c>--remote-debugging-port</c>): one browser
/// process for many pages, used to render chart PNGs and to check that a page's charts drew.
/// </summary>
/// <remarks>
/// The executable comes from <c>MOVIEREC_CHROMIUM</c>, else <c>chromium</c>, <c>chromium-browser</c>,
/// <c>google-chrome</c> on PATH (Debian: <c>apt-get install -y chromium</c>). Every browser gets a fresh profile folder,
/// deleted on dispose; networking features (sync, component updates, background fetches) are off.
/// </remarks>
internal sealed class Chromium : IAsyncDisposable
{
    /// <summary>The environment variable naming a Chromium executable.</summary>
    public const string ExecutableVariable = "MOVIEREC_CHROMIUM";

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(30);
    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> _pending = new();
    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receiver;
    private string? _session;
    private readonly ConcurrentQueue<string> _errors = new();

    /// <summary>The page's errors since <see cref="WatchErrorsAsync"/>: uncaught exceptions, <c>console.error</c> calls and
    /// the browser's own error entries (a resource that failed to load).</summary>
    internal IReadOnlyCollection<string> Errors => _errors;

    /// <summary>Starts recording the page's errors into <see cref="Errors"/>.</summary>
    internal async Task WatchErrorsAsync(CancellationToken cancellationToken = default)
    {
        await SendAsync("Runtime.enable", [], _session, cancellationToken).ConfigureAwait(false);
        await SendAsync("Log.enable", [], _session, cancellationToken).ConfigureAwait(false);
    }
    private int _nextId;

    private Chromium(Process process, string profile, ClientWebSocket socket)
    {
        _process = process;
        _profile = profile;
        _socket = socket;
        _receiver = Task.Run(ReceiveLoop);
    }

    /// <summary>The Chromium executable to use, or null when none is installed.</summary>
    public static string? FindExecutable()
    {
        var configured = Environment.GetEnvironmentVariable(ExecutableVariable);
        if (!string.IsNullOrEmpty(configured)) return File.Exists(configured) ? configured : null;
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var name in (string[])["chromium", "chromium-browser", "google-chrome"])
        {
            foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate)) return candidate;
            }
        }

        return null;
    }

    /// <summary>Starts a headless browser and connects to it.</summary>
    /// <exception cref="InvalidOperationException">The browser did not start or answer within 30 seconds.</exception>
    public static async Task<Chromium> StartAsync(string executable, CancellationToken cancellationToken = default)
    {
        var profile = Path.Combine(Path.GetTempPath(), "movierec-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars", "--mute-audio",
            "--allow-file-access-from-files", "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank"])
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {executable}");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var portFile = Path.Combine(profile, "DevToolsActivePort");
            var deadline = Stopwatch.StartNew();
            string[] lines = [];
            while (deadline.Elapsed < CommandTimeout)
            {
                if (process.HasExited) throw new InvalidOperationException($"{executable} exited with code {process.ExitCode} before it opened its DevTools port");
                if (File.Exists(portFile))
                {
                    lines = (await File.ReadAllTextAsync(portFile, cancellationToken).ConfigureAwait(false)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
                    if (lines.Length >= 2) break;
                }

                await Task.Delay(25, cancellationToken).ConfigureAwait(false);
            }

            if (lines.Length < 2) throw new InvalidOperationException($"{executable} did not open its DevTools port within {CommandTimeout.TotalSeconds} s");
            var socket = new ClientWebSocket();
            await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{lines[0].Trim()}{lines[1].Trim()}"), cancellationToken).ConfigureAwait(false);
            var browser = new Chromium(process, profile, socket);
            var target = await browser.SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" }, null, cancellationToken).ConfigureAwait(false);
            var attached = await browser.SendAsync("Target.attachToTarget", new JsonObject { ["targetId"] = target["targetId"]!.GetValue<string>(), ["flatten"] = true }, null, cancellationToken).ConfigureAwait(false);
            browser._session = attached["sessionId"]!.GetValue<string>();
            return browser;
        }
        catch
        {
            Kill(process);
            TryDelete(profile);
            throw;
        }
    }

    /// <summary>Opens <paramref name="path"/> at the given viewport, waits until <paramref name="readyExpression"/> is true
    /// (or <paramref name="timeout"/> passes), and returns the value of <paramref name="resultExpression"/>.</summary>
    public async Task<JsonNode?> EvaluateAsync(string path, string readyExpression, string resultExpression, int width, int height, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        await NavigateAsync(path, readyExpression, width, height, timeout, cancellationToken).ConfigureAwait(false);
        return await ValueAsync(resultExpression, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Opens <paramref name="path"/>, waits for <paramref name="readyExpression"/>, and returns a PNG of the first
    /// element that matches <paramref name="selector"/> (of the viewport when nothing matches).</summary>
    public async Task<byte[]> ScreenshotAsync(string path, string readyExpression, string selector, int width, int height, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        await NavigateAsync(path, readyExpression, width, height, timeout, cancellationToken).ConfigureAwait(false);
        var rect = await ValueAsync($"(() => {{ const e = document.querySelector({JsonSerializer.Serialize(selector)}); if (!e) return null; const r = e.getBoundingClientRect(); return {{ x: r.x, y: r.y, width: r.width, height: r.height }}; }})()", cancellationToken).ConfigureAwait(false);
        var parameters = new JsonObject { ["format"] = "png" };
        if (rect is JsonObject r && r["width"]!.GetValue<double>() > 0 && r["height"]!.GetValue<double>() > 0)
        {
            parameters["clip"] = new JsonObject { ["x"] = r["x"]!.GetValue<double>(), ["y"] = r["y"]!.GetValue<double>(), ["width"] = r["width"]!.GetValue<double>(), ["height"] = r["height"]!.GetValue<double>(), ["scale"] = 1 };
        }

        var shot = await SendAsync("Page.captureScreenshot", parameters, _session, cancellationToken).ConfigureAwait(false);
        return Convert.FromBase64String(shot["data"]!.GetValue<string>());
    }

    /// <summary>Opens <paramref name="url"/> (a file path or an http URL) and waits for <paramref name="readyExpression"/>.</summary>
    internal Task OpenAsync(string url, string readyExpression, int width, int height, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        NavigateAsync(url, readyExpression, width, height, timeout, cancellationToken);

    /// <summary>The value of <paramref name="expression"/> on the open page.</summary>
    internal Task<JsonNode?> EvaluateAsync(string expression, CancellationToken cancellationToken = default) => ValueAsync(expression, cancellationToken);

    /// <summary>Waits until <paramref name="expression"/> is true on the open page; false when <paramref name="timeout"/> passes first.</summary>
    internal async Task<bool> WaitForAsync(string expression, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            if (await ValueAsync($"!!({expression})", cancellationToken).ConfigureAwait(false) is JsonValue v && v.TryGetValue<bool>(out var ok) && ok) return true;
            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }

        return false;
    }

    /// <summary>A PNG of the whole open page.</summary>
    internal async Task<byte[]> ScreenshotPageAsync(CancellationToken cancellationToken = default)
    {
        var shot = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = true }, _session, cancellationToken).ConfigureAwait(false);
        return Convert.FromBase64String(shot["data"]!.GetValue<string>());
    }

    private async Task NavigateAsync(string path, string readyExpression, int width, int height, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject { ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = false }, _session, cancellationToken).ConfigureAwait(false);
        var url = path.StartsWith("http://", StringComparison.Ordinal) || path.StartsWith("https://", StringComparison.Ordinal) ? path : new Uri(Path.GetFullPath(path)).AbsoluteUri;
        await SendAsync("Page.navigate", new JsonObject { ["url"] = url }, _session, cancellationToken).ConfigureAwait(false);
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var ready = await ValueAsync($"document.readyState === 'complete' && !!({readyExpression})", cancellationToken).ConfigureAwait(false);
            if (ready is JsonValue v && v.TryGetValue<bool>(out var ok) && ok) return;
            if (watch.Elapsed > timeout) return; // the caller's result expression reports what did not draw
            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<JsonNode?> ValueAsync(string expression, CancellationToken cancellationToken)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true }, _session, cancellationToken).ConfigureAwait(false);
        if (result["exceptionDetails"] is { } error) throw new InvalidOperationException($"the page threw: {error.ToJsonString()}");
        return result["result"]?["value"]?.DeepClone();
    }

    private async Task<JsonObject> SendAsync(string method, JsonObject parameters, string? session, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextId);
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
        if (session is not null) message["sessionId"] = session;
        var reply = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        await _send.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _send.Release();
        }

        var answer = await reply.Task.WaitAsync(CommandTimeout, cancellationToken).ConfigureAwait(false);
        if (answer["error"] is { } failure) throw new InvalidOperationException($"Chromium refused {method}: {failure.ToJsonString()}");
        return answer["result"] as JsonObject ?? [];
    }

    private async Task ReceiveLoop()
    {
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var part = await _socket.ReceiveAsync(buffer, _stop.Token).ConfigureAwait(false);
                if (part.MessageType == WebSocketMessageType.Close) break;
                message.Write(buffer, 0, part.Count);
                if (!part.EndOfMessage) continue;
                var node = JsonNode.Parse(message.GetBuffer().AsSpan(0, (int)message.Length)) as JsonObject;
                message.SetLength(0);
                if (node?["id"] is JsonValue idValue && _pending.TryRemove(idValue.GetValue<int>(), out var waiter)) waiter.TrySetResult(node);
                else if (node?["method"]?.GetValue<string>() is { } method) RecordError(method, node["params"]);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or JsonException)
        {
            // closing: pending commands fail below
        }

        foreach (var waiter in _pending.Values) waiter.TrySetException(new InvalidOperationException("the Chromium connection closed"));
    }

    private void RecordError(string method, JsonNode? parameters)
    {
        if (parameters is not JsonObject p) return;
        switch (method)
        {
            case "Runtime.exceptionThrown":
                var details = p["exceptionDetails"];
                _errors.Enqueue("exception: " + (details?["exception"]?["description"] ?? details?["text"]));
                break;
            case "Runtime.consoleAPICalled" when p["type"]?.GetValue<string>() == "error":
                var args = p["args"] as JsonArray ?? [];
                _errors.Enqueue("console.error: " + string.Join(" ", args.Select(a => (a?["value"] ?? a?["description"])?.ToString())));
                break;
            case "Log.entryAdded" when p["entry"] is JsonObject entry && entry["level"]?.GetValue<string>() == "error":
                _errors.Enqueue("log: " + entry["text"] + " " + entry["url"]);
                break;
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await SendAsync("Browser.close", [], null, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException or WebSocketException or TimeoutException)
        {
            // killed below
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _receiver.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _socket.Dispose();
        if (!_process.WaitForExit(2_000)) Kill(_process);
        _process.Dispose();
        _send.Dispose();
        _stop.Dispose();
        TryDelete(_profile);
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(2_000);
        }
        catch (InvalidOperationException)
        {
        }
    }

    private static void TryDelete(string folder)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            try
            {
                if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
                return;
            }
            catch (IOException)
            {
                Thread.Sleep(100);
            }
            catch (UnauthorizedAccessException)
            {
                return;
            }
        }
    }
}
