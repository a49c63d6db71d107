namespace MovieRec.Classifiers;

/// <summary>ML.NET FastTree (gradient-boosted trees).</summary>
public sealed record GradientBoostingOptions : BoostedTreeOptions
{
    /// <inheritdoc />
    public override ClassifierKind Kind => ClassifierKind.GradientBoosting;
}
