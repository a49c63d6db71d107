using System.Runtime.InteropServices;

namespace MovieRec.Data;

/// <summary>
/// A frame written by <see cref="BinaryArrays.WriteFrame"/>, read into plain arrays instead of a DataFrame: what a cold
/// process reads when it loads a saved recommender (building DataFrame columns costs more compiled code than the bytes
/// cost to read). <see cref="ToDataFrame"/> gives the frame <see cref="BinaryArrays.ReadFrame"/> would have given.
/// </summary>
internal sealed class BinaryColumns
{
    private readonly List<Column> _columns = [];

    private BinaryColumns(int rows) => Rows = rows;

    /// <summary>The number of rows.</summary>
    public int Rows { get; }

    /// <summary>Reads a frame written by <see cref="BinaryArrays.WriteFrame"/> (every column type and form it writes).</summary>
    /// <exception cref="InvalidDataException">A count, a type tag or a value is not what the writer writes.</exception>
    public static BinaryColumns Read(BinaryReader r)
    {
        var count = BinaryArrays.Length(r);
        var frame = new BinaryColumns(BinaryArrays.Length(r));
        var rows = frame.Rows;
        for (var c = 0; c < count; c++)
        {
            var name = r.ReadString();
            var tag = r.ReadChar();
            frame._columns.Add(tag switch
            {
                's' => new Column(name, tag, Strings(r, rows), null),
                'I' => new Column(name, tag, Dense<int>(r, rows), null),
                'L' => new Column(name, tag, Dense<long>(r, rows), null),
                'F' => new Column(name, tag, Dense<float>(r, rows), null),
                'D' => new Column(name, tag, Dense<double>(r, rows), null),
                'B' => new Column(name, tag, Dense<bool>(r, rows), null),
                'i' => Nullable(r, name, tag, rows, r.ReadInt32),
                'l' => Nullable(r, name, tag, rows, r.ReadInt64),
                'f' => Nullable(r, name, tag, rows, r.ReadSingle),
                'd' => Nullable(r, name, tag, rows, r.ReadDouble),
                'b' => Nullable(r, name, tag, rows, r.ReadBoolean),
                _ => throw new InvalidDataException($"unknown column type '{tag}'"),
            });
        }

        return frame;
    }

    /// <summary>True when the frame has a column <paramref name="name"/>.</summary>
    public bool Has(string name) => _columns.Exists(c => c.Name == name);

    /// <summary>The values of a number or boolean column without nulls.</summary>
    /// <exception cref="InvalidDataException">No such column, another type, or a null in it.</exception>
    public T[] Values<T>(string name)
        where T : unmanaged
    {
        var column = Find(name);
        if (column.Values is not T[] values) throw new InvalidDataException($"column '{name}' is not {typeof(T).Name}");
        if (column.Valid is { } valid && Array.IndexOf(valid, false) >= 0) throw new InvalidDataException($"column '{name}' holds nulls");
        return values;
    }

    /// <summary>The values of a number column, null where the row has none.</summary>
    /// <exception cref="InvalidDataException">No such column, or another type.</exception>
    public T?[] NullableValues<T>(string name)
        where T : unmanaged
    {
        var column = Find(name);
        if (column.Values is not T[] values) throw new InvalidDataException($"column '{name}' is not {typeof(T).Name}");
        var result = new T?[values.Length];
        for (var i = 0; i < values.Length; i++) result[i] = column.Valid is { } valid && !valid[i] ? null : values[i];
        return result;
    }

    /// <summary>A string column's values with "" for null (as <see cref="DataFrameExtensions.ToStringArray"/>), or all ""
    /// when the frame has no such column and <paramref name="optional"/> is true.</summary>
    /// <exception cref="InvalidDataException">No such column (and not optional), or not a string column.</exception>
    public string[] Strings(string name, bool optional = false)
    {
        if (optional && !Has(name))
        {
            var empty = new string[Rows];
            Array.Fill(empty, string.Empty);
            return empty;
        }

        if (Find(name).Values is not string?[] values) throw new InvalidDataException($"column '{name}' is not String");
        var result = new string[values.Length];
        for (var i = 0; i < values.Length; i++) result[i] = values[i] ?? string.Empty;
        return result;
    }

    /// <summary>The frame as <see cref="BinaryArrays.ReadFrame"/> reads it: the same columns, types, values and nulls.</summary>
    public DataFrame ToDataFrame()
    {
        var frame = new DataFrame();
        foreach (var c in _columns)
        {
            frame.Columns.Add(c.Values switch
            {
                string?[] s => new StringDataFrameColumn(c.Name, s),
                int[] v => Typed(new Int32DataFrameColumn(c.Name, v.Length), v, c.Valid),
                long[] v => Typed(new Int64DataFrameColumn(c.Name, v.Length), v, c.Valid),
                float[] v => Typed(new SingleDataFrameColumn(c.Name, v.Length), v, c.Valid),
                double[] v => Typed(new DoubleDataFrameColumn(c.Name, v.Length), v, c.Valid),
                bool[] v => Typed(new BooleanDataFrameColumn(c.Name, v.Length), v, c.Valid),
                _ => throw new InvalidOperationException($"column '{c.Name}' of an unknown type"),
            });
        }

        return frame;
    }

    private Column Find(string name) => _columns.Find(c => c.Name == name) ?? throw new InvalidDataException($"no column '{name}'");

    private static PrimitiveDataFrameColumn<T> Typed<T>(PrimitiveDataFrameColumn<T> column, T[] values, bool[]? valid)
        where T : unmanaged
    {
        for (var i = 0; i < values.Length; i++) column[i] = valid is null || valid[i] ? values[i] : null;
        return column;
    }

    private static string?[] Strings(BinaryReader r, int rows)
    {
        var values = new string?[rows];
        for (var i = 0; i < rows; i++) values[i] = r.ReadBoolean() ? r.ReadString() : null;
        return values;
    }

    private static T[] Dense<T>(BinaryReader r, int rows)
        where T : unmanaged
    {
        var values = BinaryArrays.ReadArray<T>(r); // bounded by the bytes left before it allocates
        if (values.Length != rows) throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"a column of {values.Length:N0} values in a frame of {rows:N0} rows"));
        if (typeof(T) == typeof(bool) && MemoryMarshal.AsBytes(values.AsSpan()).IndexOfAnyExcept((byte)0, (byte)1) >= 0) throw new InvalidDataException("a boolean column holds a byte other than 0 and 1");
        return values;
    }

    private static Column Nullable<T>(BinaryReader r, string name, char tag, int rows, Func<T> read)
        where T : unmanaged
    {
        var values = new T[rows];
        var valid = new bool[rows];
        for (var i = 0; i < rows; i++)
        {
            valid[i] = r.ReadBoolean();
            if (valid[i]) values[i] = read();
        }

        return new Column(name, tag, values, valid);
    }

    private sealed record Column(string Name, char Tag, Array Values, bool[]? Valid);
}
