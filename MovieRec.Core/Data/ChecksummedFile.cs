using System.Buffers.Binary;
using System.Security.Cryptography;

namespace MovieRec.Data;

/// <summary>
/// The container of every binary file MovieRec saves: a header that says what the file is, then the payload.
/// </summary>
/// <remarks>
/// Layout: a 16-byte ASCII magic (e.g. <c>MOVIEREC-CLASSIF</c>), format version (int32, little-endian), payload length
/// (int64), SHA-256 of the payload (32 bytes), payload. Reading checks all four before the payload is parsed, so a
/// truncated, corrupted or foreign file is one <see cref="DataFileException"/> ("is not a MovieRec …", "is damaged …",
/// "was written by format N …"), never a parser's exception. Files are written atomically (<see cref="AtomicFile"/>).
/// </remarks>
internal static class ChecksummedFile
{
    private const int MagicLength = 16, HeaderLength = MagicLength + 4 + 8 + 32;

    /// <summary>The largest payload read back: 1 GiB.</summary>
    public const long MaxPayloadBytes = 1L << 30;

    /// <summary>Writes the header and the payload that <paramref name="writePayload"/> produces.</summary>
    public static void Write(string path, string magic, int version, Action<Stream> writePayload)
    {
        var magicBytes = Magic(magic);
        using var payload = new MemoryStream();
        writePayload(payload);
        var hash = SHA256.HashData(payload.GetBuffer().AsSpan(0, (int)payload.Length));
        AtomicFile.Write(path, stream =>
        {
            Span<byte> header = stackalloc byte[HeaderLength];
            magicBytes.CopyTo(header);
            BinaryPrimitives.WriteInt32LittleEndian(header[MagicLength..], version);
            BinaryPrimitives.WriteInt64LittleEndian(header[(MagicLength + 4)..], payload.Length);
            hash.CopyTo(header[(MagicLength + 12)..]);
            stream.Write(header);
            stream.Write(payload.GetBuffer(), 0, (int)payload.Length);
        });
    }

    /// <summary>Reads and verifies a file written by <see cref="Write"/> and returns its payload.</summary>
    /// <param name="path">The file.</param>
    /// <param name="magic">The expected magic.</param>
    /// <param name="version">The format version this code reads.</param>
    /// <param name="what">What the file should be, for messages: "a MovieRec classifier".</param>
    /// <exception cref="DataFileException">Missing, foreign, damaged or of another format version.</exception>
    public static byte[] Read(string path, string magic, int version, string what)
    {
        byte[] header = new byte[HeaderLength];
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new DataFileException(path, "file not found", inner: e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataFileException(path, $"cannot be opened: {e.Message}", inner: e);
        }

        using (stream)
        {
            var read = stream.ReadAtLeast(header, HeaderLength, throwOnEndOfStream: false);
            if (read < MagicLength || !header.AsSpan(0, MagicLength).SequenceEqual(Magic(magic)))
            {
                throw new DataFileException(path, $"is not {what} (it lacks the '{magic}' header)");
            }

            if (read < HeaderLength) throw new DataFileException(path, "is damaged: truncated inside its header");
            var found = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(MagicLength));
            if (found != version)
            {
                throw new DataFileException(path, string.Create(CultureInfo.InvariantCulture,
                    $"was written by format {found}, this version of MovieRec reads format {version}; save it again with this version"));
            }

            var length = BinaryPrimitives.ReadInt64LittleEndian(header.AsSpan(MagicLength + 4));
            if (length < 0 || length > MaxPayloadBytes || length != stream.Length - HeaderLength)
            {
                throw new DataFileException(path, string.Create(CultureInfo.InvariantCulture,
                    $"is damaged: its header announces {length:N0} bytes of content, the file holds {stream.Length - HeaderLength:N0} (truncated or appended to)"));
            }

            var payload = new byte[length];
            stream.ReadExactly(payload);
            if (!SHA256.HashData(payload).AsSpan().SequenceEqual(header.AsSpan(MagicLength + 12, 32)))
            {
                throw new DataFileException(path, "is damaged (checksum mismatch): the file changed after it was written");
            }

            return payload;
        }
    }

    private static byte[] Magic(string magic)
    {
        var bytes = Encoding.ASCII.GetBytes(magic);
        if (bytes.Length != MagicLength) throw new ArgumentException($"A magic is {MagicLength} ASCII characters.", nameof(magic));
        return bytes;
    }
}
