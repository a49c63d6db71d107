namespace MovieRec.Classifiers;

/// <summary>The cross-validation folds a search runs on: per fold, a training and a validation feature table.</summary>
public interface IFoldSource
{
    /// <summary>Number of folds.</summary>
    int Folds { get; }

    /// <summary>The tables of fold <paramref name="fold"/> (0-based).</summary>
    (FeatureTable Train, FeatureTable Validation) Fold(int fold);
}
