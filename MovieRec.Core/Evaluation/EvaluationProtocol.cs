namespace MovieRec.Evaluation;

/// <summary>
/// One way to evaluate: how the ratings are split and the ranking cut-off. <c>movierec evaluate</c> and
/// <c>movierec tune</c>, the notebooks and the tests take their protocol from here, so a number means the same thing
/// wherever it is reported.
/// </summary>
/// <remarks>
/// <para><see cref="Recommenders"/>: microsoft/recommenders' protocol, one per-user stratified split of 75/25 and k = 10,
/// every held-out movie relevant and seen movies removed: what a top-10 list is worth to a user.</para>
/// <para><see cref="KFold"/>: user-stratified k-fold cross-validation, every rating held out once: how close predicted
/// ratings come (RMSE, MAE), with the ranking metrics too.</para>
/// <para><see cref="Temporal"/>: each user's latest ratings held out, so a model sees only the past.</para>
/// <para><see cref="Validation"/> carves a validation split out of a split's training part with the same protocol, so a
/// search never reads the test ratings.</para>
/// </remarks>
/// <param name="Name">The protocol's name (<c>recommenders</c>, <c>kfold</c>, <c>random</c>, <c>stratified</c>, <c>temporal</c>).</param>
/// <param name="Kind">How the ratings are split.</param>
/// <param name="Folds">Folds, for <see cref="SplitKind.KFold"/>.</param>
/// <param name="TestFraction">Held-out share, for the hold-out kinds.</param>
/// <param name="K">The ranking cut-off.</param>
public sealed record EvaluationProtocol(string Name, SplitKind Kind, int Folds, double TestFraction, int K)
{
    /// <summary>Named defaults.</summary>
    public static class Defaults
    {
        /// <summary>Folds of k-fold cross-validation.</summary>
        public const int Folds = 5;

        /// <summary>The held-out share of the hold-out protocols.</summary>
        public const double TestFraction = 0.25;

        /// <summary>The ranking cut-off.</summary>
        public const int K = 10;
    }

    /// <summary>microsoft/recommenders' protocol: per-user stratified 75/25, k = 10.</summary>
    public static EvaluationProtocol Recommenders { get; } = new("recommenders", SplitKind.Stratified, 1, Defaults.TestFraction, Defaults.K);

    /// <summary>User-stratified k-fold cross-validation.</summary>
    public static EvaluationProtocol KFold(int folds = Defaults.Folds, int k = Defaults.K) => new("kfold", SplitKind.KFold, folds, Defaults.TestFraction, k);

    /// <summary>Each user's latest <paramref name="testFraction"/> of ratings held out.</summary>
    public static EvaluationProtocol Temporal(double testFraction = Defaults.TestFraction, int k = Defaults.K) => new("temporal", SplitKind.Temporal, 1, testFraction, k);

    /// <summary>Any split kind with its parameters (the name is the kind's).</summary>
    public static EvaluationProtocol Of(SplitKind kind, int folds = Defaults.Folds, double testFraction = Defaults.TestFraction, int k = Defaults.K) =>
        new(kind.ToString().ToLowerInvariant(), kind, kind == SplitKind.KFold ? folds : 1, testFraction, k);

    /// <summary>The protocol's splits of <paramref name="ratings"/> (seeded; every user keeps training ratings).</summary>
    public IReadOnlyList<TrainTestSplit> Splits(DataFrame ratings, int seed = 42) => Splitters.Split(ratings, Kind, Folds, TestFraction, seed);

    /// <summary>The protocol's splits of a dataset: the same rows as the frame's splits, each training part a dataset with
    /// <paramref name="data"/>'s movies, tags and genome.</summary>
    public IReadOnlyList<TrainTestSplit> Splits(RatingDataset data, int seed = 42) => Splitters.Split(data, Kind, Folds, TestFraction, seed);

    /// <summary>A validation split carved from <paramref name="split"/>'s training part the way the protocol splits
    /// (the first split when it makes several): the test part is never read.</summary>
    public TrainTestSplit Validation(TrainTestSplit split, int seed = 42)
    {
        ArgumentNullException.ThrowIfNull(split);
        return Splits(split.TrainSet, seed)[0];
    }

    /// <summary>The evaluator's options for this protocol (<paramref name="ranking"/>: compute the top-k metrics).</summary>
    public EvaluationOptions Options(bool ranking = true) => new() { K = K, Ranking = ranking };

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        SplitKind.KFold => string.Create(CultureInfo.InvariantCulture, $"{Name}: {Folds}-fold, k = {K}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Name}: {Kind} {1 - TestFraction:0.##}/{TestFraction:0.##}, k = {K}"),
    };
}
