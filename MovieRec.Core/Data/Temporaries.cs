using System.Diagnostics;

namespace MovieRec.Data;

/// <summary>
/// Temporary files and folders of our own naming, <c>.TARGET.PID-GUID.SUFFIX</c> beside their target, so that a run that
/// was killed can be recognized (its process is gone) and its leftovers deleted by the next run.
/// </summary>
internal static class Temporaries
{
    /// <summary>A fresh temporary path beside <paramref name="target"/>, named after it and this process.</summary>
    public static string NewPath(string target, string suffix)
    {
        var full = Path.GetFullPath(target).TrimEnd(Path.DirectorySeparatorChar);
        return Path.Combine(Path.GetDirectoryName(full)!, string.Create(CultureInfo.InvariantCulture, $".{Path.GetFileName(full)}.{Environment.ProcessId}-{Guid.NewGuid():N}.{suffix}"));
    }

    /// <summary>Deletes the temporaries of <paramref name="target"/> with <paramref name="suffix"/> whose process has ended
    /// (or whose name carries no process ID); those of running processes are left alone. Best effort.</summary>
    public static void DeleteStale(string target, string suffix)
    {
        var full = Path.GetFullPath(target).TrimEnd(Path.DirectorySeparatorChar);
        var folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder)) return;
        var prefix = $".{Path.GetFileName(full)}.";
        foreach (var path in Directory.EnumerateFileSystemEntries(folder, $"{prefix}*.{suffix}"))
        {
            var middle = Path.GetFileName(path)[prefix.Length..^(suffix.Length + 1)];
            var dash = middle.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0 && int.TryParse(middle.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && IsRunning(pid)) continue;
            Delete(path);
        }
    }

    /// <summary>Puts the complete folder <paramref name="replacement"/> at <paramref name="target"/> by renames: an existing
    /// target is renamed aside, the replacement renamed in, the old one deleted; if the second rename fails the old one is
    /// renamed back. The target is never partly written (between the renames it is briefly absent).</summary>
    public static void ReplaceFolder(string replacement, string target)
    {
        if (!Directory.Exists(target))
        {
            Directory.Move(replacement, target);
            return;
        }

        var aside = NewPath(target, "old");
        Directory.Move(target, aside);
        try
        {
            Directory.Move(replacement, target);
        }
        catch
        {
            Directory.Move(aside, target);
            throw;
        }

        Delete(aside);
    }

    /// <summary>Deletes a file or folder if it exists; best effort (a leftover is found by <see cref="DeleteStale"/>).</summary>
    public static void Delete(string path)
    {
        try
        {
            if (File.Exists(path)) File.Delete(path);
            else if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId) return true;
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
