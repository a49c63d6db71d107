namespace MovieRec.Data;

/// <summary>Writes a file so that readers see the old content or the new, never half of it: the content goes to a
/// temporary file with a unique name in the target's folder, which is then renamed over the target.</summary>
/// <remarks>
/// <para>Temporaries are named <c>.NAME.PID-GUID.tmp</c>; those left by a process that was killed are deleted by the
/// next write to the same target.</para>
/// <para>Only a regular file (or a missing path) is ever replaced. A character device or a named pipe (<c>/dev/stdout</c>,
/// a terminal, a FIFO), and any path under <c>/dev</c> or <c>/proc</c>, is written through (appended after what the process wrote there);
/// a block device or a socket is refused. A symbolic link to a regular file keeps being a link: its target is replaced.</para>
/// </remarks>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="text"/> (UTF-8, no BOM) to <paramref name="path"/> atomically; creates the folder.</summary>
    public static void WriteAllText(string path, string text) => Write(path, stream =>
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false));
        writer.Write(text);
    });

    /// <summary>Writes what <paramref name="write"/> puts into the stream to <paramref name="path"/> atomically; creates the
    /// folder. When <paramref name="write"/> throws, the target is untouched and the temporary file is gone.</summary>
    /// <exception cref="IOException"><paramref name="path"/> is a folder, a block device or a socket.</exception>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        var kind = FileKinds.Of(full);
        if (kind == FileKind.Directory) throw new IOException($"{path} is a folder; cannot write a file there.");
        if (kind is FileKind.CharacterDevice or FileKind.Fifo || IsSystemPath(full))
        {
            // Written through, never replaced: a device or pipe is not ours to swap for a file.
            using var through = new FileStream(full, FileMode.Append, FileAccess.Write, FileShare.ReadWrite, bufferSize: 1); // after what the process already wrote there (/dev/stdout redirected to a file)
            write(through);
            return;
        }

        if (kind == FileKind.Other) throw new IOException($"{path} is {FileKinds.Describe(kind)}, not a regular file; refusing to replace it.");
        if (kind == FileKind.Regular && new FileInfo(full).LinkTarget is not null && File.ResolveLinkTarget(full, returnFinalTarget: true) is { } target)
        {
            full = target.FullName; // replace the link's target, keep the link
        }

        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        Temporaries.DeleteStale(full, "tmp");
        var temp = Temporaries.NewPath(full, "tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                write(stream);
                if (stream.CanWrite) stream.Flush(flushToDisk: true); // the writer may have closed it (flushed, not synced)
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    private static bool IsSystemPath(string full) =>
        OperatingSystem.IsLinux() && (full.StartsWith("/dev/", StringComparison.Ordinal) || full.StartsWith("/proc/", StringComparison.Ordinal));
}
