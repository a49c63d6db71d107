using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MovieRec.Notebooks.Kernel;
using NetMQ;
using NetMQ.Sockets;

namespace MovieRec.Benchmarks;

/// <summary>A minimal Jupyter client for benchmarks: starts <c>movierec kernel</c> in its own process with a fresh
/// connection file and sends signed shell requests, as a front end does.</summary>
internal sealed class KernelClient : IDisposable
{
    private readonly byte[] _key;
    private readonly string _session = Guid.NewGuid().ToString("N");
    private readonly DealerSocket _shell = new();
    private readonly string _connectionFile;
    private readonly StringBuilder _stderr = new();
    private TimeSpan _poll = TimeSpan.FromMilliseconds(200);

    private KernelClient(Process process, ConnectionInfo connection, string connectionFile)
    {
        Process = process;
        _key = Encoding.UTF8.GetBytes(connection.Key);
        _connectionFile = connectionFile;
        _shell.Options.Identity = Encoding.ASCII.GetBytes(_session);
        _shell.Connect(connection.Address(connection.ShellPort));
    }

    public Process Process { get; }

    /// <summary>Starts the kernel (without PNG rendering) and returns once it answered kernel_info.</summary>
    public static KernelClient Start() => Start(["dotnet", Path.Combine(AppContext.BaseDirectory, "movierec.dll")], TimeSpan.FromMilliseconds(200));

    /// <summary>Starts the kernel with <paramref name="tool"/> (the command that runs movierec) and returns once it answered
    /// kernel_info, asking again every <paramref name="poll"/> until it does. A kernel that exits before it answers (its
    /// ports were taken between choosing and binding them: another process can take a port this client found free) is
    /// started again on other ports, twice at most.</summary>
    public static KernelClient Start(IReadOnlyList<string> tool, TimeSpan poll)
    {
        for (var attempt = 1; ; attempt++)
        {
            var client = Launch(tool, poll);
            try
            {
                client.Request("kernel_info_request", [], TimeSpan.FromSeconds(60));
                return client;
            }
            catch (KernelExitedException) when (attempt < 3)
            {
                client.Dispose();
            }
        }
    }

    private static KernelClient Launch(IReadOnlyList<string> tool, TimeSpan poll)
    {
        var ports = Enumerable.Range(0, 5).Select(_ => FreePort()).ToArray();
        var key = Guid.NewGuid().ToString("N");
        var connection = new ConnectionInfo { ShellPort = ports[0], IopubPort = ports[1], StdinPort = ports[2], ControlPort = ports[3], HeartbeatPort = ports[4], Key = key };
        var path = Path.Combine(Path.GetTempPath(), $"movierec-bench-kernel-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, JsonSerializer.Serialize(connection));
        var start = new ProcessStartInfo(tool[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in tool.Skip(1).Concat(["kernel", "--connection-file", path, "--no-png"])) start.ArgumentList.Add(a);
        var process = Process.Start(start)!;
        var client = new KernelClient(process, connection, path) { _poll = poll };
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line) lock (client._stderr) client._stderr.AppendLine(line);
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return client;
    }

    /// <summary>Sends a shell request and waits for its reply. kernel_info is asked again every poll until a reply comes
    /// (the kernel may not have bound its sockets yet); other requests are sent once.</summary>
    /// <exception cref="KernelExitedException">The kernel process exited before it replied.</exception>
    public JsonObject Request(string type, JsonObject content, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        var sent = new HashSet<string>(); // a reply to any of this call's requests answers it (a kernel that starts late gets them all)
        var again = type == "kernel_info_request";
        while (true)
        {
            // Checked each round, so a kernel that died is reported instead of waited on; a send that cannot go out (no
            // kernel connected and the queue full) times out rather than blocking.
            if (Process.HasExited) throw new KernelExitedException($"the kernel exited with code {Process.ExitCode} before its {type} reply: {Stderr()}");
            if (again || sent.Count == 0)
            {
                var request = JupyterMessage.Create(type, content.DeepClone().AsObject(), null, _session, identities: []);
                if (_shell.TrySendMultipartBytes(TimeSpan.FromSeconds(1), request.ToFrames(_key))) sent.Add(request.Header["msg_id"]!.GetValue<string>());
            }

            var frames = new List<byte[]>();
            while (_shell.TryReceiveMultipartBytes(again ? _poll : TimeSpan.FromSeconds(1), ref frames))
            {
                var (reply, problem) = JupyterMessage.Parse(frames, _key);
                if (reply is null) throw new InvalidOperationException(problem);
                if (reply.ParentHeader["msg_id"]?.GetValue<string>() is { } parent && sent.Contains(parent)) return reply.Content;
                frames = [];
            }

            if (watch.Elapsed > timeout) throw new TimeoutException($"no {type} reply within {timeout.TotalSeconds} s");
        }
    }

    private string Stderr()
    {
        lock (_stderr) return _stderr.ToString().Trim();
    }

    public JsonObject Execute(string code) => Request("execute_request", new JsonObject { ["code"] = code, ["silent"] = false, ["store_history"] = true, ["allow_stdin"] = false, ["stop_on_error"] = true }, TimeSpan.FromMinutes(5));

    public JsonObject Complete(string code) => Request("complete_request", new JsonObject { ["code"] = code, ["cursor_pos"] = code.Length }, TimeSpan.FromSeconds(30));

    /// <summary>The kernel process's peak resident memory (VmHWM, Linux), in bytes.</summary>
    public long PeakMemory()
    {
        foreach (var line in File.ReadLines($"/proc/{Process.Id}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) return long.Parse(line[6..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }

        return 0;
    }

    public void Dispose()
    {
        try
        {
            Request("shutdown_request", new JsonObject { ["restart"] = false }, TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is TimeoutException or KernelExitedException)
        {
        }

        if (!Process.WaitForExit(5000)) Process.Kill(entireProcessTree: true);
        Process.Dispose();
        _shell.Dispose();
        if (File.Exists(_connectionFile)) File.Delete(_connectionFile);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The kernel process exited before it replied.</summary>
internal sealed class KernelExitedException(string message) : Exception(message);
