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
    /// kernel_info, asking again every <paramref name="poll"/> until it does.</summary>
    public static KernelClient Start(IReadOnlyList<string> tool, TimeSpan poll)
    {
        var ports = Enumerable.Range(0, 5).Select(_ => FreePort()).ToArray();
        var key = Guid.NewGuid().ToString("N");
        var connection = new ConnectionInfo { ShellPort = ports[0], IopubPort = ports[1], StdinPort = ports[2], ControlPort = ports[3], HeartbeatPort = ports[4], Key = key };
        var path = Path.Combine(Path.GetTempPath(), $"movierec-bench-kernel-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, JsonSerializer.Serialize(connection));
        var start = new ProcessStartInfo(tool[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in tool.Skip(1).Concat(["kernel", "--connection-file", path, "--no-png"])) start.ArgumentList.Add(a);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var client = new KernelClient(process, connection, path) { _poll = poll };
        client.Request("kernel_info_request", [], TimeSpan.FromSeconds(60));
        return client;
    }

    /// <summary>Sends a shell request and waits for its reply (retrying kernel_info until the kernel has bound its sockets).</summary>
    public JsonObject Request(string type, JsonObject content, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        var sent = new HashSet<string>(); // a reply to any of this call's requests answers it (a kernel that starts late gets them all)
        while (true)
        {
            var request = JupyterMessage.Create(type, content.DeepClone().AsObject(), null, _session, identities: []);
            _shell.SendMultipartBytes(request.ToFrames(_key));
            sent.Add(request.Header["msg_id"]!.GetValue<string>());
            var frames = new List<byte[]>();
            var wait = type == "kernel_info_request" ? _poll : timeout;
            while (_shell.TryReceiveMultipartBytes(wait, ref frames))
            {
                var (reply, problem) = JupyterMessage.Parse(frames, _key);
                if (reply is null) throw new InvalidOperationException(problem);
                if (reply.ParentHeader["msg_id"]?.GetValue<string>() is { } parent && sent.Contains(parent)) return reply.Content;
                frames = [];
            }

            if (watch.Elapsed > timeout) throw new TimeoutException($"no {type} reply within {timeout.TotalSeconds} s");
        }
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
        catch (TimeoutException)
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
