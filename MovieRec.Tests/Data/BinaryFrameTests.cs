namespace MovieRec.Tests.Data;

/// <summary>DataFrames in the binary parts of a bundle: every column type, with and without nulls, both tag forms.</summary>
public sealed class BinaryFrameTests
{
    private static DataFrame Frame(bool nulls) => new(
        new StringDataFrameColumn("s", ["a", null, "ç"]),
        new Int32DataFrameColumn("i", nulls ? [1, null, 3] : [1, 2, 3]),
        new Int64DataFrameColumn("l", [long.MinValue, 0, long.MaxValue]),
        new SingleDataFrameColumn("f", nulls ? [1.5f, float.NaN, null] : [1.5f, float.NaN, -0f]),
        new DoubleDataFrameColumn("d", [double.Epsilon, double.NegativeInfinity, 1e300]),
        new BooleanDataFrameColumn("b", nulls ? [true, null, false] : [true, false, true]));

    private static (DataFrame Frame, byte[] Bytes) RoundTrip(DataFrame frame)
    {
        var memory = new MemoryStream();
        using (var w = new BinaryWriter(memory, Encoding.UTF8, leaveOpen: true)) w.WriteFrame(frame);
        var bytes = memory.ToArray();
        using var r = new BinaryReader(new MemoryStream(bytes));
        return (r.ReadFrame(), bytes);
    }

    private static void AssertSameFrame(DataFrame expected, DataFrame actual)
    {
        Assert.Equal(expected.Columns.Select(c => (c.Name, c.DataType, c.NullCount)), actual.Columns.Select(c => (c.Name, c.DataType, c.NullCount)));
        for (var c = 0; c < expected.Columns.Count; c++) Assert.Equal(expected.Columns[c].Cast<object?>(), actual.Columns[c].Cast<object?>());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_column_type_round_trips_with_its_nulls(bool nulls)
    {
        var frame = Frame(nulls);
        var (back, _) = RoundTrip(frame);
        AssertSameFrame(frame, back);

        // A column read from its bytes is a column like any other: written to, it changes there only.
        back.Columns["i"][0] = 42;
        back.Columns["d"][2] = null;
        Assert.Equal(42, back.Columns["i"][0]);
        Assert.Equal(frame.Columns["d"].NullCount + 1, back.Columns["d"].NullCount);
        Assert.Equal(1, frame.Columns["i"][0]);
    }

    [Fact]
    public void A_column_without_nulls_is_written_as_one_array_and_the_per_value_form_is_still_read()
    {
        var dense = RoundTrip(new DataFrame(new Int32DataFrameColumn("i", [7, 8, 9]))).Bytes;
        // Columns, rows, name, tag 'I', then a length-prefixed array: 3 ints with no per-value flags.
        Assert.Equal('I', (char)dense[4 + 4 + 2]);
        Assert.Equal(4 + 4 + 2 + 1 + 4 + (3 * 4), dense.Length);

        // The form every bundle had before: tag 'i', a presence flag before each value.
        var old = new MemoryStream();
        using (var w = new BinaryWriter(old, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(1); w.Write(3); w.Write("i"); w.Write('i');
            foreach (var v in new[] { 7, 8, 9 }) { w.Write(true); w.Write(v); }
        }

        using var r = new BinaryReader(new MemoryStream(old.ToArray()));
        Assert.Equal([7, 8, 9], r.ReadFrame().ToArray<int>("i"));
    }

    [Fact]
    public void A_dense_column_of_the_wrong_length_or_a_bad_boolean_is_refused()
    {
        var bytes = RoundTrip(new DataFrame(new Int32DataFrameColumn("i", [7, 8, 9]))).Bytes;
        bytes[4] = 4; // the frame now claims 4 rows, the array holds 3
        Assert.Contains("3 values in a frame of 4 rows", Assert.Throws<InvalidDataException>(() => new BinaryReader(new MemoryStream(bytes)).ReadFrame()).Message);

        var flags = RoundTrip(new DataFrame(new BooleanDataFrameColumn("b", [true, false]))).Bytes;
        flags[^1] = 2;
        Assert.Contains("other than 0 and 1", Assert.Throws<InvalidDataException>(() => new BinaryReader(new MemoryStream(flags)).ReadFrame()).Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_as_plain_arrays_a_frame_gives_the_same_values_and_the_same_frame(bool nulls)
    {
        var frame = Frame(nulls);
        var (_, bytes) = RoundTrip(frame);
        var columns = BinaryColumns.Read(new BinaryReader(new MemoryStream(bytes)));

        AssertSameFrame(frame, columns.ToDataFrame());
        Assert.Equal(3, columns.Rows);
        Assert.Equal(["a", "", "ç"], columns.Strings("s"));
        Assert.Equal(["", "", ""], columns.Strings("absent", optional: true));
        Assert.Equal([long.MinValue, 0, long.MaxValue], columns.Values<long>("l"));
        Assert.Equal(nulls ? [1, null, 3] : new int?[] { 1, 2, 3 }, columns.NullableValues<int>("i"));
        if (nulls) Assert.Contains("holds nulls", Assert.Throws<InvalidDataException>(() => columns.Values<int>("i")).Message);
        else Assert.Equal([1, 2, 3], columns.Values<int>("i"));
        Assert.Contains("not Int32", Assert.Throws<InvalidDataException>(() => columns.Values<int>("l")).Message);
        Assert.Contains("no column 'x'", Assert.Throws<InvalidDataException>(() => columns.Values<int>("x")).Message);
        Assert.Contains("not String", Assert.Throws<InvalidDataException>(() => columns.Strings("d")).Message);
    }
}
