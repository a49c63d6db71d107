using System.Buffers;

namespace MovieRec.Data.Parsing;

/// <summary>How the text fields of a file are encoded.</summary>
internal enum TextEncodingKind
{
    /// <summary>Strict UTF-8: an invalid byte sequence is a <see cref="DataFileException"/>.</summary>
    Utf8Strict,

    /// <summary>ISO-8859-1, as in the 100k and 1M releases.</summary>
    Latin1,
}

/// <summary>
/// A forward-only reader of delimited records straight from UTF-8/Latin-1 bytes: no per-line strings, no per-field
/// allocations. Fields are exposed as byte spans valid until the next <see cref="Read"/>.
/// </summary>
/// <remarks>
/// Handles a one- or two-byte separator (<c>,</c> <c>\t</c> <c>|</c> <c>::</c>), RFC 4180 quoting (optional), <c>""</c>
/// escapes, CRLF and LF, quoted embedded newlines, a UTF-8 byte-order mark and a last line without a newline. A record
/// is first delimited in the buffer (one vectorised scan), then split and unescaped in place.
/// </remarks>
internal sealed class DelimitedReader : IDisposable
{
    /// <summary>The longest record (line, or quoted multi-line record) a file may hold: 16 MiB. A longer one is a
    /// <see cref="DataFileException"/> naming file and line, never an unbounded buffer.</summary>
    public const int MaxRecordBytes = 16 << 20;

    /// <summary>The most fields a record may have: 10,000 (MovieLens files have at most 24). A wider record is a
    /// <see cref="DataFileException"/> naming file and line, found in time linear in the record's length.</summary>
    public const int MaxFields = 10_000;

    private const int InitialBufferSize = 1 << 20;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Stream _stream;
    private readonly byte _sep0;
    private readonly byte _sep1; // 0 when the separator is one byte
    private readonly bool _quoting;
    private readonly TextEncodingKind _encoding;
    private readonly SearchValues<byte> _recordStops;
    private readonly SearchValues<byte> _fieldStops;
    private byte[] _buf = new byte[InitialBufferSize];
    private int _pos;
    private int _end;
    private bool _eof;
    private long _nextLine = 1;
    private int[] _starts = new int[16];
    private int[] _lengths = new int[16];

    public DelimitedReader(string path, string separator, bool quoting, TextEncodingKind encoding)
    {
        if (separator.Length is < 1 or > 2) throw new ArgumentException("The separator must be one or two characters.", nameof(separator));
        Path = path;
        FileName = System.IO.Path.GetFileName(path);
        _sep0 = (byte)separator[0];
        _sep1 = separator.Length == 2 ? (byte)separator[1] : (byte)0;
        _quoting = quoting;
        _encoding = encoding;
        _recordStops = quoting ? SearchValues.Create("\"\n"u8) : SearchValues.Create("\n"u8);
        _fieldStops = SearchValues.Create([_sep0]);
        if (FileKinds.Of(System.IO.Path.GetFullPath(path)) is var kind and not (FileKind.Regular or FileKind.Missing or FileKind.Directory))
        {
            throw new DataFileException(path, $"is {FileKinds.Describe(kind)}, not a data file (the readers need a regular file they can measure and read twice)");
        }

        try
        {
            _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new DataFileException(path, "file not found", inner: e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataFileException(path, $"cannot be opened: {e.Message}", inner: e);
        }

        Fill();
        if (_end == 0) throw new DataFileException(path, "file is empty", line: 1);
        if (_end >= 3 && _buf[0] == 0xEF && _buf[1] == 0xBB && _buf[2] == 0xBF) _pos = 3;
    }

    /// <summary>The full path of the file.</summary>
    public string Path { get; }

    /// <summary>The file name, used in messages.</summary>
    public string FileName { get; }

    /// <summary>The 1-based line on which the current record starts.</summary>
    public long Line { get; private set; }

    /// <summary>The number of fields in the current record.</summary>
    public int FieldCount { get; private set; }

    /// <summary>The file's length in bytes.</summary>
    public long Length => _stream.Length;

    /// <summary>The raw bytes of field <paramref name="index"/> of the current record (quotes removed, escapes resolved).</summary>
    public ReadOnlySpan<byte> Field(int index) => _buf.AsSpan(_starts[index], _lengths[index]);

    /// <summary>Advances to the next non-empty record; false at the end of the file.</summary>
    public bool Read()
    {
        while (true)
        {
            if (!TryDelimitRecord(out var recordEnd, out var contentEnd, out var newlines))
            {
                return false;
            }

            var start = _pos;
            Line = _nextLine;
            _nextLine += newlines;
            _pos = recordEnd;
            if (contentEnd == start) continue; // blank line
            Split(start, contentEnd);
            return true;
        }
    }

    /// <summary>Decodes field <paramref name="index"/> as text in the file's encoding.</summary>
    public string GetString(int index, string columnName)
    {
        var span = Field(index);
        if (span.IsEmpty) return string.Empty;
        if (_encoding == TextEncodingKind.Latin1) return Encoding.Latin1.GetString(span);
        try
        {
            return StrictUtf8.GetString(span);
        }
        catch (DecoderFallbackException)
        {
            throw Error(index, columnName, "is not valid UTF-8 (re-encode the file as UTF-8)", Encoding.Latin1.GetString(span));
        }
    }

    /// <summary>Parses field <paramref name="index"/> as an invariant-culture Int32.</summary>
    public int GetInt32(int index, string columnName)
    {
        var span = NumberField(index, columnName);
        if (int.TryParse(span, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return value;
        throw Error(index, columnName, span.IsEmpty ? "is empty where a whole number is required" : "is not a whole number");
    }

    /// <summary>Parses field <paramref name="index"/> as an Int32, or null when the field is empty.</summary>
    public int? GetNullableInt32(int index, string columnName) => Field(index).IsEmpty ? null : GetInt32(index, columnName);

    /// <summary>Parses field <paramref name="index"/> as an invariant-culture Int64.</summary>
    public long GetInt64(int index, string columnName)
    {
        var span = NumberField(index, columnName);
        if (long.TryParse(span, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return value;
        throw Error(index, columnName, span.IsEmpty ? "is empty where a whole number is required" : "is not a whole number");
    }

    /// <summary>Parses field <paramref name="index"/> as an ID: a whole number ≥ 0. MovieLens and TMDB IDs are positive, so a
    /// negative one is a corrupted or foreign file and is rejected rather than carried into the vocabularies.</summary>
    public int GetId(int index, string columnName)
    {
        var value = GetInt32(index, columnName);
        if (value < 0) throw Error(index, columnName, "is a negative ID (IDs are whole numbers from 0)");
        return value;
    }

    /// <summary>Smallest and largest Unix times (seconds) that <see cref="DateTimeOffset"/> can hold: years 1 to 9999.</summary>
    public const long MinUnixTime = -62135596800, MaxUnixTime = 253402300799;

    /// <summary>Parses field <paramref name="index"/> as a Unix time in seconds between years 1 and 9999.</summary>
    public long GetUnixTime(int index, string columnName)
    {
        var value = GetInt64(index, columnName);
        if (value is < MinUnixTime or > MaxUnixTime) throw Error(index, columnName, "is not a Unix time in seconds between the years 1 and 9999");
        return value;
    }

    /// <summary>A numeric field: .NET's parsers ignore trailing NUL characters, so a field holding one is rejected here.</summary>
    private ReadOnlySpan<byte> NumberField(int index, string columnName)
    {
        var span = Field(index);
        if (span.Contains((byte)0)) throw Error(index, columnName, "holds a NUL byte (a binary or corrupted file?)");
        return span;
    }

    /// <summary>Parses field <paramref name="index"/> as an invariant-culture Double (a decimal point, never a comma).</summary>
    public double GetDouble(int index, string columnName)
    {
        var span = NumberField(index, columnName);
        if (double.TryParse(span, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value))
        {
            return value;
        }

        throw Error(index, columnName, span.IsEmpty ? "is empty where a number is required" : "is not a number");
    }

    /// <summary>Fails unless the current record has exactly <paramref name="expected"/> fields.</summary>
    public void RequireFieldCount(int expected, IReadOnlyList<string> columnNames)
    {
        if (FieldCount == expected) return;
        if (FieldCount < expected)
        {
            throw Error(FieldCount - 1, columnNames[FieldCount - 1],
                $"ends the row: expected {expected} fields, found {FieldCount} (truncated row, or the wrong separator?)");
        }

        throw Error(expected, $"#{expected + 1}",
            $"is an extra field: expected {expected} fields, found {FieldCount} (an unquoted separator inside a field?)");
    }

    /// <summary>Builds the exception for field <paramref name="index"/> of the current record.</summary>
    public DataFileException Error(int index, string columnName, string problem, string? text = null)
    {
        // Shown text: the file's own encoding, with U+FFFD for bytes that are not valid UTF-8.
        text ??= index >= FieldCount ? string.Empty
            : _encoding == TextEncodingKind.Latin1 ? Encoding.Latin1.GetString(Field(index)) : Encoding.UTF8.GetString(Field(index));
        return new DataFileException(Path, problem, Line, string.Create(CultureInfo.InvariantCulture, $"'{columnName}' ({index + 1})"), text);
    }

    /// <summary>Builds an exception about the current record as a whole.</summary>
    public DataFileException RecordError(string problem) => new(Path, problem, Line);

    public void Dispose() => _stream.Dispose();

    private bool TryDelimitRecord(out int recordEnd, out int contentEnd, out int newlines)
    {
        while (true)
        {
            if (_pos >= _end && _eof)
            {
                recordEnd = contentEnd = newlines = 0;
                return false;
            }

            if (Scan(_pos, out recordEnd, out contentEnd, out newlines)) return true;
            if (_eof)
            {
                if (_quoting && IsInOpenQuote(_pos, _end))
                {
                    Line = _nextLine;
                    throw RecordError("has a quoted field that is never closed (truncated file?)");
                }

                recordEnd = _end;
                contentEnd = _end;
                if (contentEnd > _pos && _buf[contentEnd - 1] == (byte)'\r') contentEnd--;
                newlines = 1;
                return true;
            }

            Compact();
            Fill();
        }
    }

    /// <summary>Finds the end of the record starting at <paramref name="start"/>, if it lies in the buffer.</summary>
    private bool Scan(int start, out int recordEnd, out int contentEnd, out int newlines)
    {
        newlines = 1;
        var i = start;
        var inQuote = false;
        while (true)
        {
            var rest = _buf.AsSpan(i, _end - i);
            var hit = inQuote ? rest.IndexOf((byte)'"') : rest.IndexOfAny(_recordStops);
            if (hit < 0)
            {
                recordEnd = contentEnd = 0;
                return false;
            }

            i += hit;
            if (_buf[i] == (byte)'"')
            {
                inQuote = !inQuote;
                i++;
                continue;
            }

            // '\n' outside quotes ends the record; inside quotes it is part of a field.
            recordEnd = i + 1;
            contentEnd = i > start && _buf[i - 1] == (byte)'\r' ? i - 1 : i;
            if (_quoting) newlines += _buf.AsSpan(start, i - start).Count((byte)'\n');
            return true;
        }
    }

    private bool IsInOpenQuote(int start, int end) => _buf.AsSpan(start, end - start).Count((byte)'"') % 2 == 1;

    private void Split(int start, int end)
    {
        var count = 0;
        var i = start;
        while (true)
        {
            if (count == _starts.Length)
            {
                if (count >= MaxFields) throw TooWide(start, end);
                Array.Resize(ref _starts, Math.Min(count * 2, MaxFields + 1));
                Array.Resize(ref _lengths, Math.Min(count * 2, MaxFields + 1));
            }

            if (_quoting && i < end && _buf[i] == (byte)'"')
            {
                i = ReadQuoted(i, end, count);
            }
            else
            {
                var rest = _buf.AsSpan(i, end - i);
                var hit = FindSeparator(rest);
                var fieldEnd = hit < 0 ? end : i + hit;
                _starts[count] = i;
                _lengths[count] = fieldEnd - i;
                i = fieldEnd;
            }

            count++;
            if (i >= end) break;
            i += _sep1 == 0 ? 1 : 2; // skip the separator
            if (i >= end)
            {
                // A trailing separator means one more, empty field.
                if (count == _starts.Length)
                {
                    Array.Resize(ref _starts, count * 2);
                    Array.Resize(ref _lengths, count * 2);
                }

                _starts[count] = end;
                _lengths[count] = 0;
                count++;
                break;
            }
        }

        FieldCount = count;
        if (count > MaxFields) throw TooWide(start, end);
    }

    /// <summary>The error of a record with more than <see cref="MaxFields"/> fields, naming old Mac (CR-only) line endings
    /// when the record holds carriage returns: such a file is one long line.</summary>
    private DataFileException TooWide(int start, int end)
    {
        FieldCount = 0;
        var crOnly = _buf.AsSpan(start, end - start).Contains((byte)'\r');
        return RecordError(crOnly
            ? "uses old Mac (CR-only) line endings, so the whole file reads as one line; convert them to LF or CRLF (for example with 'tr \"\\r\" \"\\n\"')"
            : string.Create(CultureInfo.InvariantCulture, $"has more than {MaxFields:N0} fields on one line (the wrong separator, or not a MovieLens file?)"));
    }

    private int FindSeparator(ReadOnlySpan<byte> span)
    {
        if (_sep1 == 0) return span.IndexOfAny(_fieldStops);
        var offset = 0;
        while (true)
        {
            var hit = span[offset..].IndexOf(_sep0);
            if (hit < 0) return -1;
            var at = offset + hit;
            if (at + 1 < span.Length && span[at + 1] == _sep1) return at;
            offset = at + 1;
        }
    }

    /// <summary>Reads a quoted field starting at <paramref name="i"/>, unescaping in place; returns the index after it.</summary>
    private int ReadQuoted(int i, int end, int fieldIndex)
    {
        var write = i; // the unescaped text overwrites the quoted text, which is never shorter
        var read = i + 1;
        _starts[fieldIndex] = write;
        while (true)
        {
            if (read >= end)
            {
                FieldCount = fieldIndex + 1;
                _lengths[fieldIndex] = write - i;
                throw Error(fieldIndex, $"#{fieldIndex + 1}", "has a quoted field that is never closed");
            }

            var b = _buf[read];
            if (b == (byte)'"')
            {
                if (read + 1 < end && _buf[read + 1] == (byte)'"')
                {
                    _buf[write++] = (byte)'"';
                    read += 2;
                    continue;
                }

                read++;
                break;
            }

            _buf[write++] = b;
            read++;
        }

        _lengths[fieldIndex] = write - i;
        if (read < end && !(_buf[read] == _sep0 && (_sep1 == 0 || (read + 1 < end && _buf[read + 1] == _sep1))))
        {
            FieldCount = fieldIndex + 1;
            throw Error(fieldIndex, $"#{fieldIndex + 1}", "has text after its closing quote");
        }

        return read;
    }

    private void Compact()
    {
        var remaining = _end - _pos;
        if (_pos == 0 && remaining == _buf.Length)
        {
            // One record larger than the buffer: grow, up to the record limit.
            if (_buf.Length >= MaxRecordBytes) throw new DataFileException(Path, $"has a record longer than {MaxRecordBytes / (1 << 20)} MiB, the limit for one line (a binary or corrupted file?)", _nextLine);
            Array.Resize(ref _buf, Math.Min(_buf.Length * 2, MaxRecordBytes));
        }
        else if (_pos > 0)
        {
            Buffer.BlockCopy(_buf, _pos, _buf, 0, remaining);
        }

        _pos = 0;
        _end = remaining;
    }

    private void Fill()
    {
        while (_end < _buf.Length)
        {
            var n = _stream.Read(_buf, _end, _buf.Length - _end);
            if (n == 0)
            {
                _eof = true;
                return;
            }

            _end += n;
        }
    }
}
