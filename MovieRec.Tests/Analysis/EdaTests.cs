using MovieRec.Analysis;

namespace MovieRec.Tests.Analysis;

public sealed class EdaTests
{
    private static DataFrame Ratings() => new(
        new Int32DataFrameColumn(Columns.UserId, [1, 1, 1, 2, 2, 3]),
        new Int32DataFrameColumn(Columns.MovieId, [10, 20, 30, 10, 20, 10]),
        new DoubleDataFrameColumn(Columns.Rating, [4.0, 3.5, 4.0, 5.0, 4.0, 1.0]),
        new Int64DataFrameColumn(Columns.Timestamp, [946684800L, 946684800L, 978307200L, 978307200L, 978307200L, 1009843200L])); // 2000, 2001, 2002

    private static DataFrame Movies() => new(
        new Int32DataFrameColumn(Columns.MovieId, [10, 20, 30, 40]),
        new StringDataFrameColumn(Columns.Genres, ["Comedy|Drama", "Drama", "Action", "Comedy"]),
        new StringDataFrameColumn(Columns.Overview, ["x", "", "y", ""]));

    [Fact]
    public void Summaries_match_hand_counts()
    {
        var histogram = Eda.RatingHistogram(Ratings());
        Assert.Equal([1.0, 3.5, 4.0, 5.0], histogram.ToArray<double>(Columns.Rating));
        Assert.Equal([1L, 1, 3, 1], histogram.ToArray<long>("count"));

        var genres = Eda.GenreCounts(Ratings(), Movies());
        Assert.Equal(["Drama", "Comedy", "Action"], genres.ToStringArray("genre")); // Drama 5 ratings, Comedy 3, Action 1
        Assert.Equal([2, 2, 1], genres.ToArray<int>("movies"));
        Assert.Equal([5L, 3, 1], genres.ToArray<long>("ratings"));

        var perUser = Eda.RatingsPerEntity(Ratings(), byUser: true); // users with 3, 2, 1 ratings
        Assert.Equal([1, 2], perUser.ToArray<int>("bin"));
        Assert.Equal([1, 2], perUser.ToArray<int>("users"));
        Assert.Equal(["1", "2–3"], perUser.ToStringArray("label"));

        var time = Eda.RatingsOverTime(Ratings());
        Assert.Equal([2000, 2001, 2002], time.ToArray<int>("year"));
        Assert.Equal(13 / 3.0, time.ToArray<double>("meanRating")[1], 12); // 2001: 4.0, 5.0, 4.0
    }

    [Fact]
    public void Metadata_coverage_counts_movies_and_ratings()
    {
        var coverage = Eda.MetadataCoverage(Ratings(), Movies());
        Assert.Equal(["overview"], coverage.ToStringArray("field"));
        Assert.Equal(2, coverage.ToArray<int>("movies")[0]);          // movies 10 and 30
        Assert.Equal(0.5, coverage.ToArray<double>("movieShare")[0], 12);
        Assert.Equal(4 / 6.0, coverage.ToArray<double>("ratingShare")[0], 12); // 3 ratings of 10 + 1 of 30
    }

    [Fact]
    public void Sample_summaries_add_up()
    {
        var ds = MovieLensLoader.Load(TestPaths.Sample);
        var clean = DataCleaning.Clean(ds);
        Assert.Equal(clean.Ratings.Rows.Count, Eda.RatingHistogram(clean.Ratings).ToArray<long>("count").Sum());
        Assert.Equal(clean.Ratings.Rows.Count, Eda.RatingsPerEntity(clean.Ratings, byUser: false).ToArray<long>("ratings").Sum());
        Assert.Equal(clean.Ratings.Rows.Count, Eda.RatingsOverTime(clean.Ratings).ToArray<long>("ratings").Sum());
        var coverage = Eda.MetadataCoverage(clean.Ratings, clean.Movies, ds.Genome);
        Assert.Contains("genome", coverage.ToStringArray("field"));
    }
}
