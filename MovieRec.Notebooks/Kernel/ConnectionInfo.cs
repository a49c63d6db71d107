using System.Text.Json.Serialization;

namespace MovieRec.Notebooks.Kernel;

/// <summary>A Jupyter connection file: where the kernel binds its five sockets, and the key that signs messages.</summary>
public sealed record ConnectionInfo
{
    /// <summary>The address to bind (usually 127.0.0.1).</summary>
    [JsonPropertyName("ip")] public string Ip { get; init; } = "127.0.0.1";

    /// <summary><c>tcp</c> (or <c>ipc</c>).</summary>
    [JsonPropertyName("transport")] public string Transport { get; init; } = "tcp";

    /// <summary>The shell socket's port.</summary>
    [JsonPropertyName("shell_port")] public int ShellPort { get; init; }

    /// <summary>The iopub socket's port.</summary>
    [JsonPropertyName("iopub_port")] public int IopubPort { get; init; }

    /// <summary>The stdin socket's port.</summary>
    [JsonPropertyName("stdin_port")] public int StdinPort { get; init; }

    /// <summary>The control socket's port.</summary>
    [JsonPropertyName("control_port")] public int ControlPort { get; init; }

    /// <summary>The heartbeat socket's port.</summary>
    [JsonPropertyName("hb_port")] public int HeartbeatPort { get; init; }

    /// <summary>The HMAC key (empty: messages are not signed).</summary>
    [JsonPropertyName("key")] public string Key { get; init; } = string.Empty;

    /// <summary>The signature scheme; only <c>hmac-sha256</c> is supported.</summary>
    [JsonPropertyName("signature_scheme")] public string SignatureScheme { get; init; } = "hmac-sha256";

    /// <summary>The address of a port, as ZeroMQ wants it.</summary>
    public string Address(int port) => Transport == "ipc" ? $"ipc://{Ip}-{port}" : $"{Transport}://{Ip}:{port}";

    /// <summary>Reads a connection file.</summary>
    /// <exception cref="InvalidDataException">The file is not a connection file, or names a scheme other than hmac-sha256.</exception>
    public static ConnectionInfo Load(string path)
    {
        ConnectionInfo? info;
        try
        {
            info = JsonSerializer.Deserialize<ConnectionInfo>(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a Jupyter connection file ({e.Message})", e);
        }

        if (info is null || info.ShellPort <= 0 || info.IopubPort <= 0 || info.ControlPort <= 0 || info.HeartbeatPort <= 0 || info.StdinPort <= 0)
        {
            throw new InvalidDataException($"{path}: not a Jupyter connection file (the five ports are missing)");
        }

        if (info.SignatureScheme != "hmac-sha256") throw new InvalidDataException($"{path}: signature scheme '{info.SignatureScheme}' is not supported (hmac-sha256 is)");
        return info;
    }
}
