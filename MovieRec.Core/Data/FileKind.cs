using System.Runtime.InteropServices;

namespace MovieRec.Data;

/// <summary>What a path names, as <c>stat(2)</c> sees it (symbolic links followed): what a write may replace.</summary>
internal enum FileKind
{
    /// <summary>Nothing is there.</summary>
    Missing,

    /// <summary>A regular file (or a platform where the kind cannot be read: treated as one).</summary>
    Regular,

    /// <summary>A folder.</summary>
    Directory,

    /// <summary>A character device such as <c>/dev/null</c> or a terminal.</summary>
    CharacterDevice,

    /// <summary>A named pipe.</summary>
    Fifo,

    /// <summary>A block device or a socket.</summary>
    Other,
}

/// <summary>Reads a path's <see cref="FileKind"/> through libc's <c>stat</c> on Linux (x64 and arm64).</summary>
internal static partial class FileKinds
{
    /// <summary>The kind of <paramref name="path"/>.</summary>
    public static FileKind Of(string path)
    {
        if (System.IO.Directory.Exists(path)) return FileKind.Directory;
        if (!File.Exists(path)) return FileKind.Missing;
        return Mode(path) switch
        {
            null => FileKind.Regular,
            var m => (m & 0xF000) switch
            {
                0x8000 => FileKind.Regular,
                0x4000 => FileKind.Directory,
                0x2000 => FileKind.CharacterDevice,
                0x1000 => FileKind.Fifo,
                _ => FileKind.Other,
            },
        };
    }

    /// <summary>A description for messages: "a block device or socket", "a named pipe", ….</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Missing => "missing",
        FileKind.Regular => "a regular file",
        FileKind.Directory => "a folder",
        FileKind.CharacterDevice => "a character device",
        FileKind.Fifo => "a named pipe",
        _ => "a block device or socket",
    };

    /// <summary>st_mode, or null where it cannot be read here.</summary>
    private static int? Mode(string path)
    {
        if (!OperatingSystem.IsLinux()) return null;
        var offset = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => 24, // st_dev, st_ino, st_nlink (8 bytes each), then st_mode
            Architecture.Arm64 => 16, // st_dev, st_ino, then st_mode
            _ => -1,
        };
        if (offset < 0) return null;
        var buffer = new byte[256]; // sizeof(struct stat) is 144 (x64) or 128 (arm64)
        try
        {
            return Stat(path, buffer) == 0 ? BitConverter.ToInt32(buffer, offset) : null;
        }
        catch (EntryPointNotFoundException)
        {
            // glibc before 2.33 exports only the versioned __xstat (_STAT_VER: 1 on x64, 0 on arm64).
            try
            {
                return XStat(offset == 24 ? 1 : 0, path, buffer) == 0 ? BitConverter.ToInt32(buffer, offset) : null;
            }
            catch (EntryPointNotFoundException)
            {
                return null;
            }
        }
        catch (DllNotFoundException)
        {
            return null;
        }
    }

    [LibraryImport("libc", EntryPoint = "stat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Stat(string path, byte[] buffer);

    [LibraryImport("libc", EntryPoint = "__xstat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int XStat(int version, string path, byte[] buffer);
}
