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
/// Seeded train/test splitters over a ratings DataFrame or a <see cref="RatingDataset"/>. Pure functions: the input is not
/// changed; every rating lands in exactly one side, in its original order, so a dataset and its frame
/// (<see cref="RatingDataset.ToDataFrame"/>) split alike.
/// </summary>
/// <remarks>
/// Per-user splitters keep at least one rating of every user in training (a user with one rating stays wholly in
/// training), so every test user is known to the model. Held-out counts round half away from zero:
/// round(n · fraction), capped at n − 1. A split cut from a dataset gives its training part as a dataset
/// (<see cref="TrainTestSplit.TrainSet"/>: the same vocabulary order, the parent's movies, tags and genome), so nothing
/// indexes the ratings again.
/// </remarks>
public static class Splitters
{
    /// <summary>
    /// The splits of one evaluation protocol: <paramref name="folds"/> folds for <see cref="SplitKind.KFold"/>, else one
    /// split holding out <paramref name="testFraction"/> of each user's ratings (randomly, stratified as
    /// microsoft/recommenders does, or each user's latest).
    /// </summary>
    public static IReadOnlyList<TrainTestSplit> Split(DataFrame ratings, SplitKind kind, int folds = 5, double testFraction = 0.25, int seed = 42) =>
        SplitOf(Rows.Of(ratings), kind, folds, testFraction, seed);

    /// <summary>The splits of <see cref="Split(DataFrame, SplitKind, int, double, int)"/> cut from a dataset: each training part is
    /// a dataset with <paramref name="data"/>'s movies, tags and genome (<see cref="TrainTestSplit.TrainSet"/>), each test
    /// part a frame of <see cref="RatingDataset.ToDataFrame"/>'s columns.</summary>
    public static IReadOnlyList<TrainTestSplit> Split(RatingDataset data, SplitKind kind, int folds = 5, double testFraction = 0.25, int seed = 42) =>
        SplitOf(Rows.Of(data), kind, folds, testFraction, seed);

    private static IReadOnlyList<TrainTestSplit> SplitOf(Rows rows, SplitKind kind, int folds, double testFraction, int seed) => kind switch
    {
        SplitKind.KFold => KFoldOf(rows, folds, seed),
        SplitKind.Random => [RandomPerUserOf(rows, testFraction, seed)],
        SplitKind.Stratified => [StratifiedOf(rows, 1 - testFraction, StratifyBy.User, seed)],
        SplitKind.Temporal => [TemporalOf(rows, testFraction)],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown split kind."),
    };

    /// <summary>Holds out a random <paramref name="testFraction"/> of each user's ratings.</summary>
    public static TrainTestSplit RandomPerUser(DataFrame ratings, double testFraction = 0.2, int seed = 42) => RandomPerUserOf(Rows.Of(ratings), testFraction, seed);

    private static TrainTestSplit RandomPerUserOf(Rows rows, double testFraction, int seed)
    {
        PerUserHoldOut.CheckFraction(testFraction);
        return rows.Partition(PerUserHoldOut.Mark(rows.Ids(Columns.UserId), testFraction, seed));
    }

    /// <summary>
    /// microsoft/recommenders' <c>python_stratified_split</c>: each user's (or movie's) ratings are shuffled and the first
    /// <paramref name="ratio"/> go to training (75/25 by default).
    /// </summary>
    public static TrainTestSplit Stratified(DataFrame ratings, double ratio = 0.75, StratifyBy by = StratifyBy.User, int seed = 42) => StratifiedOf(Rows.Of(ratings), ratio, by, seed);

    private static TrainTestSplit StratifiedOf(Rows rows, double ratio, StratifyBy by, int seed)
    {
        PerUserHoldOut.CheckFraction(1 - ratio);
        return rows.Partition(PerUserHoldOut.Mark(rows.Ids(by == StratifyBy.User ? Columns.UserId : Columns.MovieId), 1 - ratio, seed));
    }

    /// <summary>Holds out each user's latest <paramref name="testFraction"/> of ratings (ties by later row).</summary>
    public static TrainTestSplit Temporal(DataFrame ratings, double testFraction = 0.2) => TemporalOf(Rows.Of(ratings), testFraction);

    private static TrainTestSplit TemporalOf(Rows rows, double testFraction)
    {
        PerUserHoldOut.CheckFraction(testFraction);
        var times = rows.Times();
        return ByUser(rows, group => group.OrderByDescending(r => times[r]).ThenByDescending(r => r).Take(PerUserHoldOut.Count(group.Count, testFraction)));
    }

    /// <summary>Holds out each user's single latest rating (users with one rating stay in training).</summary>
    public static TrainTestSplit LeaveLastOut(DataFrame ratings)
    {
        var rows = Rows.Of(ratings);
        var times = rows.Times();
        return ByUser(rows, group => group.Count < 2 ? [] : [group.MaxBy(r => (times[r], r))]);
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
    public static IReadOnlyList<TrainTestSplit> KFold(DataFrame ratings, int folds = 5, int seed = 42) => KFoldOf(Rows.Of(ratings), folds, seed);

    private static IReadOnlyList<TrainTestSplit> KFoldOf(Rows rows, int folds, int seed)
    {
        var groups = PerUserHoldOut.Groups(rows.Ids(Columns.UserId)).ToList();
        var most = groups.Count == 0 ? 0 : groups.Max(g => g.Count);
        if (folds < 2 || folds > most)
        {
            throw new ArgumentOutOfRangeException(nameof(folds), folds, string.Create(CultureInfo.InvariantCulture,
                $"k-fold needs 2 ≤ folds ≤ {most:N0} (the most ratings any user has), not {folds:N0}"));
        }

        var fold = new int[rows.Count];
        var rng = new Random(seed);
        foreach (var group in groups)
        {
            if (group.Count < 2)
            {
                fold[group[0]] = -1; // always training
                continue;
            }

            var start = rng.Next(folds);
            var shuffled = group.ToArray();
            rng.Shuffle(shuffled);
            for (var p = 0; p < shuffled.Length; p++) fold[shuffled[p]] = (start + p) % folds;
        }

        return new LazyFolds(rows, fold, folds);
    }

    /// <summary>K-fold splits made on demand from one fold-number array (-1: always training).</summary>
    private sealed class LazyFolds(Rows rows, int[] fold, int count) : IReadOnlyList<TrainTestSplit>
    {
        public int Count => count;

        public TrainTestSplit this[int index]
        {
            get
            {
                ArgumentOutOfRangeException.ThrowIfNegative(index);
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
                return rows.Partition(Array.ConvertAll(fold, f => f == index));
            }
        }

        public IEnumerator<TrainTestSplit> GetEnumerator()
        {
            for (var f = 0; f < count; f++) yield return this[f];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private static TrainTestSplit ByUser(Rows rows, Func<List<int>, IEnumerable<int>> heldOut)
    {
        var isTest = new bool[rows.Count];
        foreach (var group in PerUserHoldOut.Groups(rows.Ids(Columns.UserId)))
        {
            foreach (var r in heldOut(group)) isTest[r] = true;
        }

        return rows.Partition(isTest);
    }

    /// <summary>What a splitter reads of the ratings (row count, ID and time columns in row order) and how it cuts them:
    /// one implementation of every split for frames and datasets.</summary>
    private sealed class Rows
    {
        private Rows(int count, Func<string, int[]> ids, Func<long[]> times, Func<bool[], TrainTestSplit> partition) =>
            (Count, _ids, _times, _partition) = (count, ids, times, partition);

        private readonly Func<string, int[]> _ids;
        private readonly Func<long[]> _times;
        private readonly Func<bool[], TrainTestSplit> _partition;

        public int Count { get; }

        /// <summary>The userId or movieId of each row.</summary>
        public int[] Ids(string column) => _ids(column);

        /// <summary>The timestamp of each row.</summary>
        public long[] Times() => _times();

        /// <summary>The split with the rows where <paramref name="isTest"/> is true held out.</summary>
        public TrainTestSplit Partition(bool[] isTest) => _partition(isTest);

        public static Rows Of(DataFrame ratings)
        {
            ArgumentNullException.ThrowIfNull(ratings);
            return new Rows((int)ratings.Rows.Count, column => ratings.ToArray<int>(column), () => ratings.ToArray<long>(Columns.Timestamp),
                isTest => new TrainTestSplit(ratings.Filter(Array.ConvertAll(isTest, t => !t)), ratings.Filter(isTest)));
        }

        public static Rows Of(RatingDataset data)
        {
            ArgumentNullException.ThrowIfNull(data);
            return new Rows(data.Count,
                column => column == Columns.UserId ? Array.ConvertAll(data.Users, u => data.UserIds[u]) : Array.ConvertAll(data.Items, i => data.ItemIds[i]),
                () => data.Times,
                isTest =>
                {
                    var keep = Array.ConvertAll(isTest, t => !t);
                    return new TrainTestSplit(data.Subset(keep), data.Rows(keep), data.Rows(isTest));
                });
        }
    }
}
