namespace MovieRec.Classifiers;

/// <summary>Progress of a hyperparameter search or experiment.</summary>
/// <param name="Stage">What runs, e.g. "tuning GradientBoosting".</param>
/// <param name="Candidate">Candidate i (1-based; 0 outside a search).</param>
/// <param name="Candidates">Number of candidates.</param>
/// <param name="Fold">Fold just finished (1-based).</param>
/// <param name="Folds">Number of folds.</param>
/// <param name="BestScore">Best mean cross-validated score so far (NaN before the first candidate completes).</param>
public sealed record SearchProgress(string Stage, int Candidate, int Candidates, int Fold, int Folds, double BestScore)
{
    /// <summary>One line for a progress display, for example "tuning LightGbm: candidate 3 of 9, fold 2 of 3, best cross-validated score 0.7012".</summary>
    public override string ToString() => Candidates == 0
        ? Stage
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Stage}: candidate {Candidate} of {Candidates}, fold {Fold} of {Folds}, best cross-validated score {BestScore:F4}");
}
