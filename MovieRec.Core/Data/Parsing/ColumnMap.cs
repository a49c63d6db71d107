namespace MovieRec.Data.Parsing;

/// <summary>Where each required column sits in a file's records, and the names to use in error messages.</summary>
internal sealed class ColumnMap
{
    private readonly int[] _positions;

    public ColumnMap(int[] positions, string[] headerNames)
    {
        _positions = positions;
        HeaderNames = headerNames;
    }

    /// <summary>The field position of the <paramref name="required"/>-th required column.</summary>
    public int this[int required] => _positions[required];

    /// <summary>The number of fields every record must have.</summary>
    public int Width => HeaderNames.Length;

    /// <summary>The names of all fields, in file order.</summary>
    public string[] HeaderNames { get; }

    /// <summary>A map for a headerless file whose fields are exactly <paramref name="names"/>, in order.</summary>
    public static ColumnMap Identity(string[] names) => new([.. Enumerable.Range(0, names.Length)], names);
}
