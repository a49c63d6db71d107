namespace MovieRec.Data;

/// <summary>A read-only view of a stream that holds exactly <c>length</c> bytes (a zip entry's declared size): reading
/// past it is an <see cref="InvalidDataException"/>, and readers ask <see cref="Remaining"/> before allocating for a
/// length they read from the data, so a forged length never allocates more than the part holds.</summary>
internal sealed class BoundedStream(Stream inner, long length, string name) : Stream
{
    private long _position;

    /// <summary>The part's name, for messages.</summary>
    public string Name { get; } = name;

    /// <summary>Bytes not read yet.</summary>
    public long Remaining => length - _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        _position += read;
        if (_position > length) throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{Name} holds more bytes than its declared {length:N0}"));
        return read;
    }

    /// <summary>Fails unless <paramref name="bytes"/> more bytes can still be read.</summary>
    public void Require(long bytes, string what)
    {
        if (bytes > Remaining) throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{Name}: {what} needs {bytes:N0} bytes, but only {Remaining:N0} remain"));
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
