using System.IO.Compression;

namespace MovieRec.Notebooks.Kernel;

/// <summary>
/// Installs and removes the kernelspec that makes Jupyter (VS Code, JupyterLab, the classic Notebook, nbclient) start
/// this kernel: <c>kernel.json</c> (argv with <c>{connection_file}</c>, display name "C# (MovieRec)", language C#,
/// interrupts as messages) and two logos.
/// </summary>
/// <remarks>
/// Locations, as <c>jupyter kernelspec install</c> uses them: <see cref="KernelSpecScope.User"/> is
/// <c>$JUPYTER_DATA_DIR/kernels</c>, else <c>~/.local/share/jupyter/kernels</c> (<c>~/Library/Jupyter/kernels</c> on macOS,
/// <c>%APPDATA%\jupyter\kernels</c> on Windows); <see cref="KernelSpecScope.SysPrefix"/> is the active Python environment's
/// <c>share/jupyter/kernels</c> (<c>$CONDA_PREFIX</c> or <c>$VIRTUAL_ENV</c>); a prefix is <c>PREFIX/share/jupyter/kernels</c>.
/// </remarks>
public static class KernelSpec
{
    /// <summary>The kernelspec's default name.</summary>
    public const string DefaultName = "movierec";

    /// <summary>The name front ends show.</summary>
    public const string DisplayName = "C# (MovieRec)";

    /// <summary>The folder that holds kernelspecs for <paramref name="scope"/> (<paramref name="prefix"/> with <see cref="KernelSpecScope.Prefix"/>).</summary>
    /// <exception cref="InvalidOperationException"><see cref="KernelSpecScope.SysPrefix"/> without an active Python environment.</exception>
    public static string KernelsFolder(KernelSpecScope scope, string? prefix = null) => scope switch
    {
        KernelSpecScope.Prefix => Path.Combine(Path.GetFullPath(prefix ?? throw new ArgumentNullException(nameof(prefix))), "share", "jupyter", "kernels"),
        KernelSpecScope.SysPrefix => Path.Combine(
            Environment.GetEnvironmentVariable("CONDA_PREFIX") is { Length: > 0 } conda ? conda
            : Environment.GetEnvironmentVariable("VIRTUAL_ENV") is { Length: > 0 } venv ? venv
            : throw new InvalidOperationException("--sys-prefix needs an active Python environment (CONDA_PREFIX or VIRTUAL_ENV); use --user or --prefix"),
            "share", "jupyter", "kernels"),
        _ => Path.Combine(UserDataFolder(), "kernels"),
    };

    /// <summary>Writes the kernelspec <paramref name="name"/> into <paramref name="kernelsFolder"/>, replacing an earlier one.</summary>
    /// <param name="kernelsFolder">See <see cref="KernelsFolder"/>.</param>
    /// <param name="name">The kernelspec name (letters, digits, '.', '_', '-').</param>
    /// <param name="argv">How to start the kernel; must contain <c>{connection_file}</c>.</param>
    /// <returns>The kernelspec folder.</returns>
    public static string Install(string kernelsFolder, string name, IReadOnlyList<string> argv)
    {
        ArgumentNullException.ThrowIfNull(argv);
        ValidateName(name);
        if (!argv.Contains("{connection_file}")) throw new ArgumentException("argv must pass {connection_file}", nameof(argv));
        var spec = new JsonObject
        {
            ["argv"] = new JsonArray([.. argv.Select(a => (JsonNode)a)]),
            ["display_name"] = DisplayName,
            ["language"] = "C#",
            ["interrupt_mode"] = "message",
            ["metadata"] = new JsonObject { ["debugger"] = false },
        };
        var folder = Path.Combine(kernelsFolder, name);
        Directory.CreateDirectory(folder);
        MovieRec.Data.AtomicFile.WriteAllText(Path.Combine(folder, "kernel.json"), spec.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        MovieRec.Data.AtomicFile.Write(Path.Combine(folder, "logo-32x32.png"), s => s.Write(Logo(32)));
        MovieRec.Data.AtomicFile.Write(Path.Combine(folder, "logo-64x64.png"), s => s.Write(Logo(64)));
        return folder;
    }

    /// <summary>Removes the kernelspec <paramref name="name"/> from <paramref name="kernelsFolder"/>; false when it was not there.</summary>
    /// <exception cref="ArgumentException">The name is not a kernelspec name, or the kernelspec there is not MovieRec's
    /// (its display name is not <see cref="DisplayName"/>): another kernel's spec is never removed.</exception>
    public static bool Uninstall(string kernelsFolder, string name)
    {
        ValidateName(name);
        var folder = Path.Combine(kernelsFolder, name);
        var file = Path.Combine(folder, "kernel.json");
        if (!File.Exists(file)) return false;
        string? shown;
        try
        {
            shown = JsonNode.Parse(File.ReadAllText(file))?["display_name"]?.GetValue<string>();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            shown = null;
        }

        if (shown != DisplayName)
        {
            throw new ArgumentException($"the kernelspec '{name}' in {kernelsFolder} is not MovieRec's (its display name is '{shown}'); not removing it");
        }

        Directory.Delete(folder, recursive: true);
        return true;
    }

    /// <summary>Jupyter's rule for kernelspec names: ASCII letters, digits, '.', '_' and '-', and not '.' or '..' (a name is
    /// a folder under the kernels folder, so it must never reach outside it).</summary>
    /// <exception cref="ArgumentException">The name breaks the rule.</exception>
    public static void ValidateName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || name is "." or ".." || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            throw new ArgumentException($"'{name}' is not a kernelspec name: use ASCII letters, digits, '.', '_' and '-' (not '.' or '..')");
        }
    }

    private static string UserDataFolder()
    {
        if (Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR") is { Length: > 0 } configured) return configured;
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (OperatingSystem.IsWindows()) return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "jupyter");
        if (OperatingSystem.IsMacOS()) return Path.Combine(home, "Library", "Jupyter");
        return Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg ? Path.Combine(xdg, "jupyter") : Path.Combine(home, ".local", "share", "jupyter");
    }

    /// <summary>The logo: a film frame (dark square, light sprocket holes) around a violet screen, as a PNG.</summary>
    internal static byte[] Logo(int size)
    {
        var rgba = new byte[size * size * 4];
        var hole = Math.Max(2, size / 10);
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                var border = size / 6;
                var inScreen = x >= border && x < size - border && y >= border && y < size - border;
                var inHole = (x < border || x >= size - border) && (y / hole) % 2 == 1 && (x % border) is var dx && dx > 1 && dx < border - 1;
                (byte r, byte g, byte b) = inScreen ? ((byte)104, (byte)33, (byte)122) : inHole ? ((byte)240, (byte)240, (byte)240) : ((byte)40, (byte)40, (byte)48);
                var i = (y * size + x) * 4;
                (rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]) = (r, g, b, 255);
            }
        }

        return Png(size, size, rgba);
    }

    private static byte[] Png(int width, int height, byte[] rgba)
    {
        using var raw = new MemoryStream();
        using (var z = new ZLibStream(raw, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (var y = 0; y < height; y++)
            {
                z.WriteByte(0); // filter: none
                z.Write(rgba, y * width * 4, width * 4);
            }
        }

        using var png = new MemoryStream();
        png.Write([137, 80, 78, 71, 13, 10, 26, 10]);
        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 6; // RGBA
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", raw.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream stream, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        stream.Write(length);
        var typed = new byte[4 + data.Length];
        System.Text.Encoding.ASCII.GetBytes(type, typed);
        data.CopyTo(typed, 4);
        stream.Write(typed);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(length, Crc32(typed));
        stream.Write(length);
    }

    /// <summary>The CRC-32 (ISO-HDLC, as PNG uses it) of <paramref name="data"/>.</summary>
    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }

        return ~crc;
    }
}
