namespace MovieRec.Evaluation;

/// <summary>The evaluation protocols <see cref="Splitters.Split(DataFrame, SplitKind, int, double, int)"/> builds (the names <c>movierec evaluate --split</c> accepts, lower-cased).</summary>
public enum SplitKind
{
    /// <summary>User-stratified k-fold cross-validation (<see cref="Splitters.KFold"/>).</summary>
    KFold,

    /// <summary>A random share of each user's ratings held out (<see cref="Splitters.RandomPerUser"/>).</summary>
    Random,

    /// <summary>microsoft/recommenders' per-user stratified split (<see cref="Splitters.Stratified"/>).</summary>
    Stratified,

    /// <summary>Each user's latest ratings held out (<see cref="Splitters.Temporal"/>).</summary>
    Temporal,
}
