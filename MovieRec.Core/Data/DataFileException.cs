namespace MovieRec.Data;

/// <summary>
/// The one exception every loader throws for bad input: a missing file or column, a non-numeric field, a value out of
/// range, a wrong separator, a truncated row, an empty file or text that is not in the expected encoding.
/// </summary>
/// <remarks>
/// The message names the file, the 1-based line, the column (name and 1-based position) and the offending text, e.g.
/// <c>ratings.csv, line 17, column 'rating' (3): '4,5' is not a number</c>. Loaders build a dataset only after every
/// file has parsed, so when this is thrown nothing half-loaded is returned.
/// </remarks>
public sealed class DataFileException : MovieRecException
{
    /// <summary>Creates the exception; <paramref name="line"/>, <paramref name="column"/> and <paramref name="text"/> are optional.</summary>
    public DataFileException(string filePath, string problem, long? line = null, string? column = null, string? text = null, Exception? inner = null)
        : base(Format(filePath, problem, line, column, text), inner)
    {
        FilePath = filePath;
        Problem = problem;
        Line = line;
        Column = column;
        Text = text;
    }

    /// <summary>The file at fault.</summary>
    public string FilePath { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }

    /// <summary>The 1-based line where the bad record starts, if the problem is in one record.</summary>
    public long? Line { get; }

    /// <summary>The column, as "'name' (position)", if the problem is in one field.</summary>
    public string? Column { get; }

    /// <summary>The offending text, if any (truncated to 200 characters).</summary>
    public string? Text { get; }

    private static string Format(string filePath, string problem, long? line, string? column, string? text)
    {
        var where = filePath;
        if (line is not null) where += string.Create(CultureInfo.InvariantCulture, $", line {line}");
        if (column is not null) where += $", column {column}";
        if (text is not null)
        {
            var shown = text.Length > 200 ? string.Concat(text.AsSpan(0, 200), "...") : text;
            return $"{where}: '{shown}' {problem}";
        }

        return $"{where}: {problem}";
    }
}
