namespace MovieRec.Classifiers;

/// <summary>Splits ratings into train / validation / test for the classifiers (70/10/20 by default).</summary>
/// <remarks>
/// Random mode is stratified on <c>like</c>: likes and non-likes are shuffled separately (seeded) and each is cut
/// 70/10/20. Temporal mode holds out each user's latest ratings (the last 20% test, the 10% before validation). Either
/// way, validation or test rows of a user with no training rating are moved to training, as the original project did,
/// and counted in <see cref="LikeSplit.MovedToTraining"/>: every evaluated user is known to the features.
/// </remarks>
public static class LikeSplitter
{
    /// <summary>Splits <paramref name="ratings"/>, stratified on like = rating ≥ <paramref name="likeThreshold"/> (pass the
    /// features' <see cref="Features.FeatureOptions.LikeThreshold"/>: one threshold for the whole experiment).</summary>
    public static LikeSplit Split(DataFrame ratings, double likeThreshold, LikeSplitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var (part, moved) = Parts(ratings, likeThreshold, options ?? new LikeSplitOptions());
        return Frames(ratings, part, moved);
    }

    /// <summary>The split of <paramref name="ratings"/> by each row's part (<see cref="Parts"/>).</summary>
    internal static LikeSplit Frames(DataFrame ratings, byte[] part, int moved)
    {
        DataFrame Take(byte p) => ratings.Filter(Array.ConvertAll(part, x => x == p));
        return new LikeSplit(Take(0), Take(1), Take(2), moved);
    }

    /// <summary>Each rating's part (0 train, 1 validation, 2 test, in row order) and the count moved to training: the
    /// split without the frames, for callers that cut a dataset with the same rows (<see cref="ModelExperiment"/>).</summary>
    internal static (byte[] Part, int Moved) Parts(DataFrame ratings, double likeThreshold, LikeSplitOptions options)
    {
        if (Math.Abs(options.Train + options.Validation + options.Test - 1) > 1e-9 || options.Train <= 0 || options.Validation < 0 || options.Test <= 0)
        {
            throw new ArgumentException("Train, validation and test shares must be positive (validation may be 0) and sum to 1.", nameof(options));
        }

        var users = ratings.ToArray<int>(Columns.UserId);
        var values = ratings.ToArray<double>(Columns.Rating);
        var part = new byte[users.Length]; // 0 train, 1 validation, 2 test
        if (options.Temporal)
        {
            var times = ratings.ToArray<long>(Columns.Timestamp);
            foreach (var group in Enumerable.Range(0, users.Length).GroupBy(i => users[i]))
            {
                var rows = group.OrderBy(i => times[i]).ThenBy(i => i).ToArray();
                var test = (int)Math.Round(rows.Length * options.Test, MidpointRounding.AwayFromZero);
                var validation = (int)Math.Round(rows.Length * options.Validation, MidpointRounding.AwayFromZero);
                for (var p = 0; p < rows.Length; p++) part[rows[p]] = p >= rows.Length - test ? (byte)2 : p >= rows.Length - test - validation ? (byte)1 : (byte)0;
            }
        }
        else
        {
            foreach (var rows in StratifiedRows.ByClass(Array.ConvertAll(values, v => v >= likeThreshold), new Random(options.Seed)))
            {
                var trainEnd = (int)Math.Round(rows.Length * options.Train, MidpointRounding.AwayFromZero);
                var validationEnd = trainEnd + (int)Math.Round(rows.Length * options.Validation, MidpointRounding.AwayFromZero);
                for (var p = 0; p < rows.Length; p++) part[rows[p]] = p < trainEnd ? (byte)0 : p < validationEnd ? (byte)1 : (byte)2;
            }
        }

        var inTraining = new HashSet<int>();
        for (var i = 0; i < users.Length; i++)
        {
            if (part[i] == 0) inTraining.Add(users[i]);
        }

        var moved = 0;
        for (var i = 0; i < users.Length; i++)
        {
            if (part[i] != 0 && !inTraining.Contains(users[i]))
            {
                part[i] = 0;
                moved++;
            }
        }

        return (part, moved);
    }
}
