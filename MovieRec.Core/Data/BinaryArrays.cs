using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MovieRec.Data;

/// <summary>Length-prefixed arrays and DataFrames in MovieRec's binary files (little-endian, bulk copies).</summary>
internal static class BinaryArrays
{
    public static void WriteInts(this BinaryWriter w, int[] values) => WriteSpan<int>(w, values);

    public static int[] ReadInts(this BinaryReader r) => ReadArray<int>(r);

    public static void WriteLongs(this BinaryWriter w, long[] values) => WriteSpan<long>(w, values);

    public static long[] ReadLongs(this BinaryReader r) => ReadArray<long>(r);

    public static void WriteFloats(this BinaryWriter w, float[] values) => WriteSpan<float>(w, values);

    public static float[] ReadFloats(this BinaryReader r) => ReadArray<float>(r);

    public static void WriteDoubles(this BinaryWriter w, double[] values) => WriteSpan<double>(w, values);

    public static double[] ReadDoubles(this BinaryReader r) => ReadArray<double>(r);

    public static void WriteStrings(this BinaryWriter w, string[] values)
    {
        w.Write(values.Length);
        foreach (var v in values) w.Write(v);
    }

    public static string[] ReadStrings(this BinaryReader r)
    {
        var values = new string[Length(r)];
        for (var i = 0; i < values.Length; i++) values[i] = r.ReadString();
        return values;
    }

    /// <summary>Writes a DataFrame of string, int, long, float, double and bool columns (nulls kept).</summary>
    public static void WriteFrame(this BinaryWriter w, DataFrame frame)
    {
        w.Write(frame.Columns.Count);
        w.Write(checked((int)frame.Rows.Count));
        foreach (var column in frame.Columns)
        {
            w.Write(column.Name);
            switch (column)
            {
                case StringDataFrameColumn s:
                    w.Write('s');
                    for (long i = 0; i < s.Length; i++)
                    {
                        w.Write(s[i] is not null);
                        if (s[i] is { } text) w.Write(text);
                    }

                    break;
                case PrimitiveDataFrameColumn<int> c: Primitive(w, 'i', c, w.Write); break;
                case PrimitiveDataFrameColumn<long> c: Primitive(w, 'l', c, w.Write); break;
                case PrimitiveDataFrameColumn<float> c: Primitive(w, 'f', c, w.Write); break;
                case PrimitiveDataFrameColumn<double> c: Primitive(w, 'd', c, w.Write); break;
                case PrimitiveDataFrameColumn<bool> c: Primitive(w, 'b', c, w.Write); break;
                default: throw new NotSupportedException($"Column '{column.Name}' of type {column.DataType.Name} cannot be saved.");
            }
        }
    }

    /// <summary>Reads a DataFrame written by <see cref="WriteFrame"/> (through <see cref="BinaryColumns"/>, the one reader of
    /// the format).</summary>
    public static DataFrame ReadFrame(this BinaryReader r) => BinaryColumns.Read(r).ToDataFrame();

    /// <summary>A column without nulls is one bulk array under its tag in upper case ('I' for int); a column with nulls is
    /// a presence flag and a value per row under the lower-case tag (the only form before, still read).</summary>
    private static void Primitive<T>(BinaryWriter w, char tag, PrimitiveDataFrameColumn<T> column, Action<T> write)
        where T : unmanaged
    {
        if (column.NullCount == 0)
        {
            // The layout of WriteSpan (count, then the values' bytes), written from the column's own buffers.
            w.Write(char.ToUpperInvariant(tag));
            w.Write(checked((int)column.Length));
            foreach (var buffer in column.GetReadOnlyDataBuffers()) w.Write(MemoryMarshal.AsBytes(buffer.Span));
            return;
        }

        w.Write(tag);
        for (long i = 0; i < column.Length; i++)
        {
            var value = column[i];
            w.Write(value.HasValue);
            if (value.HasValue) write(value.Value);
        }
    }

    private static void WriteSpan<T>(BinaryWriter w, ReadOnlySpan<T> values)
        where T : unmanaged
    {
        w.Write(values.Length);
        w.Write(MemoryMarshal.AsBytes(values));
    }

    internal static T[] ReadArray<T>(BinaryReader r)
        where T : unmanaged
    {
        var n = Length(r);
        (r.BaseStream as BoundedStream)?.Require((long)n * Unsafe.SizeOf<T>(), string.Create(CultureInfo.InvariantCulture, $"an array of {n:N0} {typeof(T).Name} values"));
        var values = new T[n];
        r.BaseStream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }

    /// <summary>A count read from the data: never negative, and (on a <see cref="BoundedStream"/>) never more items than
    /// bytes left, so a forged count fails before it allocates.</summary>
    internal static int Length(BinaryReader r)
    {
        var n = r.ReadInt32();
        if (n < 0) throw new InvalidDataException($"negative length {n}");
        (r.BaseStream as BoundedStream)?.Require(n, string.Create(CultureInfo.InvariantCulture, $"a count of {n:N0}"));
        return n;
    }
}
