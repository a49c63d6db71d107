namespace MovieRec.Data.Parsing;

/// <summary>Writes DataFrames as RFC 4180 CSV: UTF-8 without BOM, LF line ends, invariant numbers, nulls as empty fields.</summary>
internal static class CsvWriter
{
    /// <summary>Writes the frame's columns in order under the given header names.</summary>
    /// <param name="path">The file to create.</param>
    /// <param name="frame">The data.</param>
    /// <param name="header">One name per column, as written in the header line.</param>
    /// <param name="ratingFormat">Write Double columns with one decimal ("4.0"), as MovieLens does.</param>
    public static void Write(string path, DataFrame frame, IReadOnlyList<string> header, bool ratingFormat = false)
    {
        if (header.Count != frame.Columns.Count) throw new ArgumentException($"{header.Count} header names for {frame.Columns.Count} columns.", nameof(header));
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        writer.WriteLine(string.Join(',', header.Select(Quote)));
        var columns = frame.Columns.ToArray();
        var formatters = columns.Select(c => Formatter(c, ratingFormat)).ToArray();
        for (long row = 0; row < frame.Rows.Count; row++)
        {
            for (var c = 0; c < columns.Length; c++)
            {
                if (c > 0) writer.Write(',');
                writer.Write(formatters[c](row));
            }

            writer.Write('\n');
        }
    }

    private static Func<long, string> Formatter(DataFrameColumn column, bool ratingFormat)
    {
        var inv = CultureInfo.InvariantCulture;
        if (column.NullCount == 0)
        {
            // The hot path for large rating files: typed arrays instead of per-cell indexer access.
            switch (column)
            {
                case PrimitiveDataFrameColumn<int> ints:
                    var intValues = DataFrameExtensions.CopyValues(ints);
                    return r => intValues[r].ToString(inv);
                case PrimitiveDataFrameColumn<long> longs:
                    var longValues = DataFrameExtensions.CopyValues(longs);
                    return r => longValues[r].ToString(inv);
                case PrimitiveDataFrameColumn<double> doubles:
                    var doubleValues = DataFrameExtensions.CopyValues(doubles);
                    var format = ratingFormat ? "0.0" : "R";
                    return r => doubleValues[r].ToString(format, inv);
            }
        }

        return column switch
        {
            PrimitiveDataFrameColumn<int> ints => r => ints[r]?.ToString(inv) ?? string.Empty,
            PrimitiveDataFrameColumn<long> longs => r => longs[r]?.ToString(inv) ?? string.Empty,
            PrimitiveDataFrameColumn<double> doubles when ratingFormat => r => doubles[r]?.ToString("0.0", inv) ?? string.Empty,
            PrimitiveDataFrameColumn<double> doubles => r => doubles[r]?.ToString("R", inv) ?? string.Empty,
            PrimitiveDataFrameColumn<float> floats => r => floats[r]?.ToString("0.###", inv) ?? string.Empty,
            StringDataFrameColumn strings => r => Quote(strings[r] ?? string.Empty),
            _ => r => Quote(Convert.ToString(column[r], inv) ?? string.Empty),
        };
    }

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
