namespace MovieRec.Tests.Evaluation;

/// <summary>The protocols as library objects: each splits as its splitter does, and a validation split never reads the test part.</summary>
public sealed class EvaluationProtocolTests
{
    private static readonly DataFrame Ratings = MovieLensLoader.Load(TestPaths.Sample).Ratings;

    private static HashSet<(int, int)> Pairs(DataFrame frame) =>
        [.. frame.ToArray<int>(Columns.UserId).Zip(frame.ToArray<int>(Columns.MovieId))];

    [Fact]
    public void The_recommenders_protocol_is_one_stratified_75_25_split_with_k_10()
    {
        var protocol = EvaluationProtocol.Recommenders;
        Assert.Equal((SplitKind.Stratified, 0.25, 10), (protocol.Kind, protocol.TestFraction, protocol.K));
        var split = Assert.Single(protocol.Splits(Ratings, seed: 3));
        var direct = Splitters.Stratified(Ratings, 0.75, StratifyBy.User, 3);
        Assert.Equal(Pairs(direct.Test), Pairs(split.Test));
        Assert.Equal(10, protocol.Options().K);
        Assert.False(protocol.Options(ranking: false).Ranking);
    }

    [Fact]
    public void A_validation_split_comes_from_the_training_part_only()
    {
        var protocol = EvaluationProtocol.Recommenders;
        var outer = protocol.Splits(Ratings, seed: 42)[0];
        var validation = protocol.Validation(outer, seed: 42);
        var test = Pairs(outer.Test);
        Assert.Empty(Pairs(validation.Train).Intersect(test));
        Assert.Empty(Pairs(validation.Test).Intersect(test));
        Assert.Equal(outer.Train.Rows.Count, validation.Train.Rows.Count + validation.Test.Rows.Count);
    }

    [Theory]
    [InlineData(SplitKind.KFold, 4)]
    [InlineData(SplitKind.Temporal, 1)]
    [InlineData(SplitKind.Random, 1)]
    public void Every_kind_splits_as_its_splitter(SplitKind kind, int splits)
    {
        var protocol = EvaluationProtocol.Of(kind, folds: 4, testFraction: 0.2, k: 5);
        var mine = protocol.Splits(Ratings, seed: 9);
        var theirs = Splitters.Split(Ratings, kind, 4, 0.2, 9);
        Assert.Equal(splits, mine.Count);
        Assert.Equal(theirs.Select(s => Pairs(s.Test).Count), mine.Select(s => Pairs(s.Test).Count));
        Assert.All(mine.Zip(theirs), p => Assert.True(Pairs(p.First.Test).SetEquals(Pairs(p.Second.Test))));
        Assert.Equal(kind.ToString().ToLowerInvariant(), protocol.Name);
    }
}
