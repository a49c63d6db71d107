namespace MovieRec.Tests.Data;

public sealed class DataFrameExtensionsTests
{
    [Fact]
    public void Filter_keeps_the_masked_rows_of_every_column_type_as_the_dataframe_filter_does()
    {
        var rng = new Random(7);
        const int rows = 5_000;
        var keep = Enumerable.Range(0, rows).Select(_ => rng.NextDouble() < 0.3).ToArray();
        var withNull = new DoubleDataFrameColumn("withNull", Enumerable.Range(0, rows).Select(i => i % 7 == 0 ? (double?)null : i * 0.5));
        var frame = new DataFrame(
            new Int32DataFrameColumn("int", Enumerable.Range(0, rows)),
            new Int64DataFrameColumn("long", Enumerable.Range(0, rows).Select(i => (long)i << 33)),
            new DoubleDataFrameColumn("double", Enumerable.Range(0, rows).Select(i => i / 3.0)),
            new SingleDataFrameColumn("float", Enumerable.Range(0, rows).Select(i => i / 7f)),
            new BooleanDataFrameColumn("bool", Enumerable.Range(0, rows).Select(i => i % 3 == 0)),
            new StringDataFrameColumn("string", Enumerable.Range(0, rows).Select(i => i % 5 == 0 ? null : $"s{i}")),
            withNull);

        var fast = frame.Filter(keep);
        var reference = frame.Filter(new BooleanDataFrameColumn("keep", keep));
        Assert.Equal(keep.Count(k => k), fast.Rows.Count);
        Assert.Equal(frame.Columns.Select(c => (c.Name, c.DataType)), fast.Columns.Select(c => (c.Name, c.DataType)));
        for (var c = 0; c < frame.Columns.Count; c++)
        {
            Assert.Equal(reference.Columns[c].NullCount, fast.Columns[c].NullCount);
            for (long r = 0; r < fast.Rows.Count; r++) Assert.Equal(reference.Columns[c][r], fast.Columns[c][r]);
        }

        // The result owns its columns: writing to it leaves the source alone.
        fast.Columns["int"][0] = -1;
        Assert.Equal(Array.IndexOf(keep, true), frame.Columns["int"][Array.IndexOf(keep, true)]);
        Assert.Throws<ArgumentException>(() => frame.Filter(new bool[rows - 1]));

        // Rows appended to a filtered frame keep an exact null count (Evaluator.Compare appends its board row by row;
        // columns wrapping raw buffers broke this in Microsoft.Data.Analysis, which counted each appended value as null).
        var board = frame.Filter(keep.Select((_, i) => i == 1).ToArray());
        for (var r = 2; r < 5; r++) board = board.Append(frame.Filter(keep.Select((_, i) => i == r).ToArray()).Rows, inPlace: false);
        Assert.Equal(4, board.Rows.Count);
        Assert.Equal(0, board.Columns["double"].NullCount);
        Assert.Equal([1 / 3.0, 2 / 3.0, 1.0, 4 / 3.0], board.ToArray<double>("double"));
    }

    [Theory]
    [InlineData(13)]
    [InlineData(16)]
    [InlineData(1_001)]
    public void Filtered_columns_take_appended_values_and_nulls_with_an_exact_null_count(int kept)
    {
        var frame = new DataFrame(new Int32DataFrameColumn("int", Enumerable.Range(0, 2 * kept)), new DoubleDataFrameColumn("double", Enumerable.Range(0, 2 * kept).Select(i => i / 2.0)));
        var even = Enumerable.Range(0, 2 * kept).Select(i => i % 2 == 0).ToArray();

        // Straight onto a column: Microsoft.Data.Analysis throws InvalidCastException on a column over wrapped memory
        // until its first write, which copies it into buffers of its own.
        var ints = (Int32DataFrameColumn)frame.Filter(even)["int"];
        ints[0] = ints[0];
        ints.Append(-1);
        ints.Append(null);
        ints.Append(-3);
        Assert.Equal(1, ints.NullCount);
        Assert.Equal(new int?[] { (kept - 1) * 2, -1, null, -3 }, Enumerable.Range(kept - 1, 4).Select(r => ints[r]));

        // As whole rows (where a set padding bit made each appended value count as a null).
        var rows = frame.Filter(even);
        rows.Append([new KeyValuePair<string, object>("int", 7), new KeyValuePair<string, object>("double", 7.5)], inPlace: true);
        rows.Append([new KeyValuePair<string, object>("int", 8)], inPlace: true);
        Assert.Equal(kept + 2, rows.Rows.Count);
        Assert.Equal(0, rows["int"].NullCount);
        Assert.Equal(1, rows["double"].NullCount);
        Assert.Equal(new object?[] { 7.5, null }, new[] { rows["double"][kept], rows["double"][kept + 1] });
    }
}
