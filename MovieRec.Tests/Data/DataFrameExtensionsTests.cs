using Microsoft.Data.Analysis;
using MovieRec.Data;

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
}
