namespace MovieRec.Data;

/// <summary>What cleaning changed, and how often.</summary>
public sealed class CleaningReport
{
    private readonly List<CleaningAction> _actions = [];

    /// <summary>Every action, including those with a count of 0.</summary>
    public IReadOnlyList<CleaningAction> Actions => _actions;

    /// <summary>The total number of changed values or dropped rows.</summary>
    public long TotalChanges => _actions.Where(a => a.IsChange).Sum(a => (long)a.Count);

    /// <summary>The count of the first action whose description starts with <paramref name="actionPrefix"/> (0 when none).</summary>
    public int CountOf(string table, string column, string actionPrefix) =>
        _actions.FirstOrDefault(a => a.Table == table && a.Column == column && a.Action.StartsWith(actionPrefix, StringComparison.Ordinal))?.Count ?? 0;

    internal void Add(string table, string column, string action, int count, bool isChange = true) =>
        _actions.Add(new CleaningAction(table, column, action, count, isChange));

    /// <summary>The report as a DataFrame (table, column, action, count).</summary>
    public DataFrame ToDataFrame() => new(
        new StringDataFrameColumn("table", _actions.Select(a => a.Table)),
        new StringDataFrameColumn("column", _actions.Select(a => a.Column)),
        new StringDataFrameColumn("action", _actions.Select(a => a.Action)),
        new Int32DataFrameColumn("count", _actions.Select(a => a.Count)));

    /// <inheritdoc />
    public override string ToString()
    {
        var sb = new StringBuilder();
        foreach (var a in _actions.Where(a => a.Count > 0))
        {
            sb.Append(CultureInfo.InvariantCulture, $"{a.Table}.{a.Column}: {a.Action}: {a.Count:N0}").AppendLine();
        }

        return sb.Length == 0 ? "nothing to clean" : sb.ToString().TrimEnd();
    }
}
