namespace MovieRec.Classifiers;

/// <summary>What <see cref="ModelExperimentResult"/> needs to compute a model's permutation importance when asked:
/// the validation table, the rows to sample (0: none) and the seed (<see cref="PermutationImportance.Compute"/>).</summary>
internal sealed record ImportanceSource(FeatureTable Validation, int Rows, int Seed)
{
    /// <summary>True when there is anything to compute: rows to sample and a non-empty validation split.</summary>
    public bool Enabled => Rows > 0 && Validation.Rows > 0;
}
