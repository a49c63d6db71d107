namespace MovieRec.Classifiers;

/// <summary>LightGBM, the counterpart of the original project's XGBoost.</summary>
public sealed record LightGbmOptions : BoostedTreeOptions
{
    /// <inheritdoc />
    public override ClassifierKind Kind => ClassifierKind.LightGbm;
}
