using System.Text.Json.Nodes;

namespace MovieRec.Cli.Commands;

/// <summary>
/// The one way every command shows its result: a DataFrame printed as a table, and the same DataFrame written by
/// <c>--json</c> as an array of objects (one per row, keyed by column name; NaN as null; numbers rounded to 6 decimals),
/// atomically (a temporary file renamed into place). Numbers are formatted with the invariant culture.
/// </summary>
internal static class FrameOutput
{
    /// <summary>Prints <paramref name="frame"/> (only <paramref name="columns"/> when given) with doubles to <paramref name="decimals"/>.</summary>
    public static void Print(DataFrame frame, string title, int decimals = 3, params string[] columns)
    {
        var shown = columns.Length > 0 ? columns : [.. frame.Columns.Select(c => c.Name)];
        var table = new Table().Title(Markup.Escape(title));
        foreach (var name in shown) table.AddColumn(frame[name] is StringDataFrameColumn ? new TableColumn(name) : new TableColumn(name).RightAligned());
        var format = "F" + decimals.ToString(CultureInfo.InvariantCulture);
        for (long r = 0; r < frame.Rows.Count; r++)
        {
            table.AddRow([.. shown.Select(name => Markup.Escape(frame[name][r] switch
            {
                null => "-",
                double d when double.IsNaN(d) => "-",
                double d => d.ToString(format, CultureInfo.InvariantCulture),
                float f => f.ToString(format, CultureInfo.InvariantCulture),
                var v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? string.Empty,
            }))]);
        }

        AnsiConsole.Write(table);
    }

    /// <summary>Renders a one-row table like <see cref="Print"/>'s to nowhere, on a thread pool thread: a command that
    /// prints one table at the end of a short run (recommend, similar with --model) starts this first, so the table
    /// code is compiled on the other core while the model loads.</summary>
    public static Task WarmUpAsync() => Task.Run(() =>
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) });
        var table = new Table().Title(Markup.Escape("warm-up"));
        table.AddColumn(new TableColumn("a").RightAligned());
        table.AddColumn(new TableColumn("b"));
        table.AddRow(Markup.Escape(1.5.ToString("F4", CultureInfo.InvariantCulture)), Markup.Escape("x"));
        console.Write(table);
    });

    /// <summary>Writes <paramref name="frame"/> to <paramref name="path"/> as a JSON array of row objects.</summary>
    public static void WriteJson(string path, DataFrame frame) => AtomicFile.Write(path, stream =>
    {
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        ToJson(frame).WriteTo(writer);
    });

    /// <summary><paramref name="frame"/> as a JSON array of row objects: numbers rounded to 6 decimals, NaN and infinities
    /// as null, anything else as its invariant text.</summary>
    public static JsonArray ToJson(DataFrame frame)
    {
        var rows = new JsonArray();
        for (long r = 0; r < frame.Rows.Count; r++)
        {
            var row = new JsonObject();
            foreach (var column in frame.Columns)
            {
                row[column.Name] = column[r] switch
                {
                    null => null,
                    double d when !double.IsFinite(d) => null,
                    double d => JsonValue.Create(Math.Round(d, 6)),
                    float f when !float.IsFinite(f) => null,
                    float f => JsonValue.Create(Math.Round(f, 6)),
                    int i => JsonValue.Create(i),
                    long l => JsonValue.Create(l),
                    bool b => JsonValue.Create(b),
                    var v => JsonValue.Create(Convert.ToString(v, CultureInfo.InvariantCulture)),
                };
            }

            rows.Add(row);
        }

        return rows;
    }
}
