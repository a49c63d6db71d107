namespace MovieRec.Tests.Evaluation;

public sealed class SplitterTests
{
    private static readonly DataFrame Ratings = MovieLensLoader.Load(TestPaths.Sample).Ratings;

    public static TheoryData<string> Names => ["random", "stratified", "stratified-item", "temporal", "leave-last-out"];

    private static TrainTestSplit Split(string name) => name switch
    {
        "random" => Splitters.RandomPerUser(Ratings, 0.2, seed: 3),
        "stratified" => Splitters.Stratified(Ratings, 0.75, seed: 3),
        "stratified-item" => Splitters.Stratified(Ratings, 0.75, StratifyBy.Item, seed: 3),
        "temporal" => Splitters.Temporal(Ratings, 0.2),
        _ => Splitters.LeaveLastOut(Ratings),
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_rating_lands_once_and_every_user_stays_in_training(string name)
    {
        var split = Split(name);
        var all = Keys(Ratings);
        var train = Keys(split.Train);
        var test = Keys(split.Test);
        Assert.Equal(all.Count, train.Count + test.Count);
        Assert.Empty(train.Intersect(test));
        Assert.True(all.SetEquals(train.Union(test)));
        if (name != "stratified-item")
        {
            Assert.True(split.Train.ToArray<int>(Columns.UserId).ToHashSet().SetEquals(Ratings.ToArray<int>(Columns.UserId)));
        }
        else
        {
            Assert.True(split.Train.ToArray<int>(Columns.MovieId).ToHashSet().SetEquals(Ratings.ToArray<int>(Columns.MovieId))); // every movie stays
        }
    }

    [Fact]
    public void Fractions_and_orders_are_as_documented()
    {
        Assert.InRange(Splitters.Stratified(Ratings, 0.75).Test.Rows.Count / (double)Ratings.Rows.Count, 0.24, 0.26);
        var users = Ratings.ToArray<int>(Columns.UserId).Distinct().Count();
        Assert.Equal(users, Splitters.LeaveLastOut(Ratings).Test.Rows.Count);

        // Temporal: every held-out rating of a user is no older than any of their training ratings.
        var split = Splitters.Temporal(Ratings, 0.2);
        var latestTrain = split.Train.ToArray<int>(Columns.UserId).Zip(split.Train.ToArray<long>(Columns.Timestamp)).GroupBy(p => p.First).ToDictionary(g => g.Key, g => g.Max(p => p.Second));
        Assert.All(split.Test.ToArray<int>(Columns.UserId).Zip(split.Test.ToArray<long>(Columns.Timestamp)), p => Assert.True(p.Second >= latestTrain[p.First]));
    }

    [Fact]
    public void Kfold_tests_every_rating_exactly_once_and_is_seeded()
    {
        var folds = Splitters.KFold(Ratings, 5, seed: 9);
        var tested = folds.SelectMany(f => Keys(f.Test)).ToList();
        Assert.Equal(Ratings.Rows.Count, tested.Count);
        Assert.Equal(Ratings.Rows.Count, tested.Distinct().Count());
        Assert.All(folds, f => Assert.Equal(600, f.Train.ToArray<int>(Columns.UserId).Distinct().Count()));
        Assert.All(folds, f => Assert.InRange(f.Test.Rows.Count, Ratings.Rows.Count / 5 - 700, Ratings.Rows.Count / 5 + 700));
        Assert.Equal(Keys(folds[2].Test), Keys(Splitters.KFold(Ratings, 5, seed: 9)[2].Test));
        Assert.NotEqual(Keys(folds[2].Test), Keys(Splitters.KFold(Ratings, 5, seed: 10)[2].Test));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    [InlineData(100_000)]
    public void Kfold_rejects_a_fold_count_outside_its_range_with_the_range(int folds)
    {
        var most = Ratings.ToArray<int>(Columns.UserId).GroupBy(u => u).Max(g => g.Count());
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Splitters.KFold(Ratings, folds));
        Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"2 ≤ folds ≤ {most:N0}"), e.Message);
    }

    [Fact]
    public void Kfold_builds_folds_on_demand_so_memory_does_not_grow_with_the_count()
    {
        var most = Ratings.ToArray<int>(Columns.UserId).GroupBy(u => u).Max(g => g.Count());
        var before = GC.GetAllocatedBytesForCurrentThread();
        var folds = Splitters.KFold(Ratings, most, seed: 3);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(most, folds.Count);

        // Making the folds costs about one fold-number array, not `most` copies of the ratings.
        Assert.True(allocated < 40L * Ratings.Rows.Count, $"{allocated:N0} bytes for {most} folds");
        Assert.Equal(Keys(folds[most - 1].Test), Keys(folds[most - 1].Test));
        Assert.Throws<ArgumentOutOfRangeException>(() => folds[most]);
    }

    [Theory]
    [InlineData(SplitKind.KFold)]
    [InlineData(SplitKind.Random)]
    [InlineData(SplitKind.Stratified)]
    [InlineData(SplitKind.Temporal)]
    public void A_dataset_splits_as_its_frame_and_its_training_parts_are_datasets_with_the_movie_side(SplitKind kind)
    {
        var loaded = MovieLensLoader.Load(TestPaths.Sample);
        var data = RatingDataset.From(loaded.Ratings, loaded.Movies);
        var fromFrame = Splitters.Split(loaded.Ratings, kind, folds: 3, seed: 5);
        var fromData = Splitters.Split(data, kind, folds: 3, seed: 5);
        Assert.Equal(fromFrame.Count, fromData.Count);
        for (var s = 0; s < fromFrame.Count; s++)
        {
            TrainTestSplit a = fromFrame[s], b = fromData[s];
            Assert.Equal(Rows(a.Test), Rows(b.Test));   // the same rows, in the same order
            Assert.Equal(Rows(a.Train), Rows(b.Train));
            RatingDataset indexed = a.TrainSet, cut = b.TrainSet;
            Assert.Same(indexed, a.TrainSet);         // indexed once, shared by every algorithm fitted on the split
            Assert.Equal(indexed.UserIds, cut.UserIds);
            Assert.Equal(indexed.ItemIds, cut.ItemIds);
            Assert.Equal(indexed.Users, cut.Users);
            Assert.Equal(indexed.Items, cut.Items);
            Assert.Equal(indexed.Ratings, cut.Ratings);
            Assert.Equal(indexed.Times, cut.Times);
            Assert.Null(indexed.Movies);
            Assert.Equal(data.Movies!.Count, cut.Movies!.Count); // every movie of the parent, the unrated ones after the rated
            Assert.Equal(cut.ItemIds, cut.Movies.MovieIds.Take(cut.ItemIds.Count));
        }
    }

    private static List<(int, int, double)> Rows(DataFrame frame) =>
        [.. frame.ToArray<int>(Columns.UserId).Zip(frame.ToArray<int>(Columns.MovieId), frame.ToDoubles(Columns.Rating))];

    private static HashSet<long> Keys(DataFrame frame)
    {
        var u = frame.ToArray<int>(Columns.UserId);
        var m = frame.ToArray<int>(Columns.MovieId);
        return [.. u.Zip(m, (a, b) => ((long)a << 32) | (uint)b)];
    }
}
