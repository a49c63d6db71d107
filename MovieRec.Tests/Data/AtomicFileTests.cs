using System.Diagnostics;
using System.Net.Sockets;

namespace MovieRec.Tests.Data;

/// <summary>What a write may replace: a regular file or nothing; a pipe or device is written through; a socket is refused.</summary>
public sealed class AtomicFileTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Fifo(string name)
    {
        var path = _temp.File(name);
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return path;
    }

    [Fact]
    public async Task A_named_pipe_is_written_through_and_stays_a_pipe()
    {
        var fifo = Fifo("out.json");
        var reader = Task.Run(() => File.ReadAllText(fifo)); // opening for reading waits for the writer
        AtomicFile.WriteAllText(fifo, "{\"ok\": true}");
        Assert.Equal("{\"ok\": true}", await reader.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(FileKind.Fifo, FileKinds.Of(fifo)); // not replaced by a regular file
        Assert.Empty(Directory.GetFiles(_temp.Path, "*.tmp"));
    }

    [Fact]
    public void A_socket_is_refused_and_left_in_place()
    {
        var path = _temp.File("s.sock");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        var e = Assert.Throws<IOException>(() => AtomicFile.WriteAllText(path, "x"));
        Assert.Contains("is a block device or socket, not a regular file; refusing to replace it", e.Message, StringComparison.Ordinal);
        Assert.Equal(FileKind.Other, FileKinds.Of(path));
    }

    [Fact]
    public void A_link_to_a_regular_file_keeps_being_a_link()
    {
        var target = _temp.Write("real.json", "old");
        var link = _temp.File("link.json");
        File.CreateSymbolicLink(link, target);
        AtomicFile.WriteAllText(link, "new");
        Assert.Equal("new", File.ReadAllText(target));
        Assert.NotNull(new FileInfo(link).LinkTarget);
    }

    [Fact]
    public void Regular_files_and_missing_paths_are_replaced_atomically()
    {
        Assert.Equal(FileKind.Missing, FileKinds.Of(_temp.File("a.txt")));
        AtomicFile.WriteAllText(_temp.File("a.txt"), "one");
        Assert.Equal(FileKind.Regular, FileKinds.Of(_temp.File("a.txt")));
        AtomicFile.WriteAllText(_temp.File("a.txt"), "two");
        Assert.Equal("two", File.ReadAllText(_temp.File("a.txt")));
        Assert.Equal(FileKind.Directory, FileKinds.Of(_temp.Path));
        Assert.Equal(FileKind.CharacterDevice, FileKinds.Of("/dev/null"));
    }

    [Fact]
    public void A_named_pipe_as_a_data_file_is_one_clear_error()
    {
        var folder = _temp.Sub("release");
        File.WriteAllText(Path.Combine(folder, "movies.csv"), "movieId,title,genres\n1,A (1999),Drama\n");
        using (var mkfifo = Process.Start("mkfifo", [Path.Combine(folder, "ratings.csv")])) mkfifo.WaitForExit();
        var e = Assert.Throws<DataFileException>(() => MovieLensLoader.Load(folder));
        Assert.EndsWith("ratings.csv", e.FilePath);
        Assert.Contains("is a named pipe, not a data file", e.Message, StringComparison.Ordinal);
    }
}
