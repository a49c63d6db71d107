namespace MovieRec.Evaluation;

/// <summary>Which side a stratified split groups by.</summary>
public enum StratifyBy
{
    /// <summary>Split each user's ratings by the ratio (every user is in training).</summary>
    User,

    /// <summary>Split each movie's ratings by the ratio (every movie is in training).</summary>
    Item,
}

/// <summary>
/// Seeded train/test splitters over a ratings DataFrame. Pure functions: the input is not changed; every rating lands in
/// exactly one side, in its original order.
/// </summary>
/// <remarks>
/// Per-user splitters keep at least one rating of every user in training (a user with one rating stays wholly in
/// training), so every test user is known to the model. Held-out counts round half away from zero:
/// round(n · fraction), capped at n − 1.
/// </remarks>
public static class Splitters
{
    /// <summary>
    /// The splits of one evaluation protocol: <paramref name="folds"/> folds for <see cref="SplitKind.KFold"/>, else one
    /// split holding out <paramref name="testFraction"/> of each user's ratings (randomly, stratified as
    /// microsoft/recommenders does, or each user's latest).
    /// </summary>
    public static IReadOnlyList<TrainTestSplit> Split(DataFrame ratings, SplitKind kind, int folds = 5, double testFraction = 0.25, int seed = 42) => kind switch
    {
        SplitKind.KFold => KFold(ratings, folds, seed),
        SplitKind.Random => [RandomPerUser(ratings, testFraction, seed)],
        SplitKind.Stratified => [Stratified(ratings, 1 - testFraction, StratifyBy.User, seed)],
        SplitKind.Temporal => [Temporal(ratings, testFraction)],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown split kind."),
    };

    /// <summary>Holds out a random <paramref name="testFraction"/> of each user's ratings.</summary>
    public static TrainTestSplit RandomPerUser(DataFrame ratings, double testFraction = 0.2, int seed = 42)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        PerUserHoldOut.CheckFraction(testFraction);
        return Partition(ratings, PerUserHoldOut.Mark(ratings.ToArray<int>(Columns.UserId), testFraction, seed));
    }

    /// <summary>
    /// microsoft/recommenders' <c>python_stratified_split</c>: each user's (or movie's) ratings are shuffled and the first
    /// <paramref name="ratio"/> go to training (75/25 by default).
    /// </summary>
    public static TrainTestSplit Stratified(DataFrame ratings, double ratio = 0.75, StratifyBy by = StratifyBy.User, int seed = 42)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        PerUserHoldOut.CheckFraction(1 - ratio);
        return Partition(ratings, PerUserHoldOut.Mark(ratings.ToArray<int>(by == StratifyBy.User ? Columns.UserId : Columns.MovieId), 1 - ratio, seed));
    }

    /// <summary>Holds out each user's latest <paramref name="testFraction"/> of ratings (ties by later row).</summary>
    public static TrainTestSplit Temporal(DataFrame ratings, double testFraction = 0.2)
    {
        PerUserHoldOut.CheckFraction(testFraction);
        var times = ratings.ToArray<long>(Columns.Timestamp);
        return ByGroup(ratings, Columns.UserId, 0, (rows, _, _) => rows.OrderByDescending(r => times[r]).ThenByDescending(r => r).Take(PerUserHoldOut.Count(rows.Count, testFraction)));
    }

    /// <summary>Holds out each user's single latest rating (users with one rating stay in training).</summary>
    public static TrainTestSplit LeaveLastOut(DataFrame ratings)
    {
        var times = ratings.ToArray<long>(Columns.Timestamp);
        return ByGroup(ratings, Columns.UserId, 0, (rows, _, _) => rows.Count < 2 ? [] : [rows.MaxBy(r => (times[r], r))]);
    }

    /// <summary>
    /// K-fold cross-validation over ratings, stratified by user: each user's ratings are shuffled and dealt round-robin to
    /// the folds (starting at a random fold), so each fold holds ~1/k of every user and every user with at least two
    /// ratings is in every training set.
    /// </summary>
    /// <remarks>The folds are built lazily from one fold-number array: each indexed split is made when read, so memory does
    /// not grow with <paramref name="folds"/>. Valid fold counts: 2 ≤ folds ≤ the most ratings any user has (with more folds
    /// than that, some folds would hold no test rating).</remarks>
    /// <exception cref="ArgumentOutOfRangeException">A fold count outside that range; the message gives the range.</exception>
    public static IReadOnlyList<TrainTestSplit> KFold(DataFrame ratings, int folds = 5, int seed = 42)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var groups = PerUserHoldOut.Groups(ratings.ToArray<int>(Columns.UserId)).ToList();
        var most = groups.Count == 0 ? 0 : groups.Max(g => g.Count);
        if (folds < 2 || folds > most)
        {
            throw new ArgumentOutOfRangeException(nameof(folds), folds, string.Create(CultureInfo.InvariantCulture,
                $"k-fold needs 2 ≤ folds ≤ {most:N0} (the most ratings any user has), not {folds:N0}"));
        }

        var fold = new int[ratings.Rows.Count];
        var rng = new Random(seed);
        foreach (var rows in groups)
        {
            if (rows.Count < 2)
            {
                fold[rows[0]] = -1; // always training
                continue;
            }

            var start = rng.Next(folds);
            var shuffled = Shuffled(rows, rng);
            for (var p = 0; p < shuffled.Length; p++) fold[shuffled[p]] = (start + p) % folds;
        }

        return new LazyFolds(ratings, fold, folds);
    }

    /// <summary>K-fold splits made on demand from one fold-number array (-1: always training).</summary>
    private sealed class LazyFolds(DataFrame ratings, int[] fold, int count) : IReadOnlyList<TrainTestSplit>
    {
        public int Count => count;

        public TrainTestSplit this[int index]
        {
            get
            {
                ArgumentOutOfRangeException.ThrowIfNegative(index);
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
                var isTest = new bool[fold.Length];
                for (var r = 0; r < fold.Length; r++) isTest[r] = fold[r] == index;
                return Partition(ratings, isTest);
            }
        }

        public IEnumerator<TrainTestSplit> GetEnumerator()
        {
            for (var f = 0; f < count; f++) yield return this[f];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private static TrainTestSplit ByGroup(DataFrame ratings, string key, int seed, Func<List<int>, int, Random, IEnumerable<int>> heldOut)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var isTest = new bool[ratings.Rows.Count];
        var rng = new Random(seed);
        var g = 0;
        foreach (var rows in PerUserHoldOut.Groups(ratings.ToArray<int>(key)))
        {
            foreach (var r in heldOut(rows, g++, rng)) isTest[r] = true;
        }

        return Partition(ratings, isTest);
    }

    private static int[] Shuffled(List<int> rows, Random rng)
    {
        var copy = rows.ToArray();
        rng.Shuffle(copy);
        return copy;
    }

    private static TrainTestSplit Partition(DataFrame ratings, bool[] isTest)
    {
        return new TrainTestSplit(ratings.Filter(Array.ConvertAll(isTest, t => !t)), ratings.Filter(isTest));
    }

}
