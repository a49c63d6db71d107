namespace MovieRec.Classifiers;

/// <summary>Stratified k folds over one fixed feature table (for features that hold no training statistics).</summary>
public sealed class TableFolds : IFoldSource
{
    private readonly FeatureTable _table;
    private readonly int[] _fold;

    /// <summary>Deals the rows of each class round-robin (after a seeded shuffle) into <paramref name="folds"/> folds.</summary>
    public TableFolds(FeatureTable table, int folds = 3, int seed = 42)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (folds < 2) throw new ArgumentOutOfRangeException(nameof(folds), "At least 2 folds.");
        _table = table;
        Folds = folds;
        _fold = StratifiedRows.Folds(table.Labels, folds, seed);
    }

    /// <inheritdoc />
    public int Folds { get; }

    /// <inheritdoc />
    public (FeatureTable Train, FeatureTable Validation) Fold(int fold) =>
        (_table.Subset([.. Enumerable.Range(0, _table.Rows).Where(i => _fold[i] != fold)]), _table.Subset([.. Enumerable.Range(0, _table.Rows).Where(i => _fold[i] == fold)]));
}
