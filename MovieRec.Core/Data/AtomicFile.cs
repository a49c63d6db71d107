namespace MovieRec.Data;

/// <summary>Writes a file so that readers see the old content or the new, never half of it: the content goes to a
/// temporary file with a unique name in the target's folder, which is then renamed over the target.</summary>
/// <remarks>Temporaries are named <c>.NAME.PID-GUID.tmp</c>; those left by a process that was killed are deleted by the
/// next write to the same target.</remarks>
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
    /// <exception cref="IOException"><paramref name="path"/> is a folder.</exception>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full)) throw new IOException($"{path} is a folder; cannot write a file there.");
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
}
