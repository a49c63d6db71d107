namespace MovieRec.Tests.Data;

public sealed class MergeAndCleanTests
{
    private static DataFrame Movies() => new(
        new Int32DataFrameColumn(Columns.MovieId, new[] { 10, 20, 30, 40 }),
        new StringDataFrameColumn(Columns.Title, new[] { "Toy Story (1995)", "Babylon 5 (1994-1998)", "Untitled", null }),
        new StringDataFrameColumn(Columns.Genres, new[] { "Animation|Children", "Sci-Fi", null, "Drama" }));

    private static DataFrame Metadata() => new(
        new Int32DataFrameColumn(Columns.MovieId, new[] { 30, 10 }),
        new Int32DataFrameColumn(Columns.TmdbId, new int?[] { 300, 862 }),
        new StringDataFrameColumn(Columns.TitleMeta, new[] { "Untitled", "Toy Story" }),
        new StringDataFrameColumn(Columns.Overview, new[] { "A film.", "Toys." }),
        new StringDataFrameColumn(Columns.GenresMeta, new[] { "Drama", "Family|Animation" }),
        new Int32DataFrameColumn(Columns.ReleaseYear, new int?[] { 2003, null }));

    private static DataFrame Ratings(int[] users, int[] movies, double[] ratings, long[] times) => new(
        new Int32DataFrameColumn(Columns.UserId, users),
        new Int32DataFrameColumn(Columns.MovieId, movies),
        new DoubleDataFrameColumn(Columns.Rating, ratings),
        new Int64DataFrameColumn(Columns.Timestamp, times));

    [Fact]
    public void Merge_keeps_movielens_title_and_genres_canonical_and_renames_metadata_genres()
    {
        var merged = DataMerge.MoviesWithMetadata(Movies(), Metadata());

        Assert.Equal(4, merged.Rows.Count);
        Assert.Equal([10, 20, 30, 40], merged.ToArray<int>(Columns.MovieId));
        Assert.Equal("Toy Story (1995)", merged[Columns.Title][0]);
        Assert.Equal("Animation|Children", merged[Columns.Genres][0]);
        Assert.Equal("Family|Animation", merged[Columns.GenresMeta][0]);
        Assert.Equal("Toys.", merged[Columns.Overview][0]);
        Assert.Null(merged[Columns.Overview][1]); // no metadata for 20
        Assert.Equal(300, merged[Columns.TmdbId][2]);
    }

    [Fact]
    public void Clean_fills_text_and_derives_release_years_with_a_report()
    {
        var movies = DataMerge.MoviesWithMetadata(Movies(), Metadata());
        var ratings = Ratings([1, 1], [10, 30], [4.0, 3.0], [1, 2]);

        var clean = DataCleaning.Clean(ratings, movies);

        Assert.Equal([1995, 1994, 2003, 1995], clean.Movies.ToArray<int>(Columns.ReleaseYear)); // title, title range, metadata, median of {1994, 1995, 2003}
        Assert.Equal(string.Empty, clean.Movies[Columns.Overview][1]);
        Assert.Equal(string.Empty, clean.Movies[Columns.Title][3]);
        Assert.Equal(string.Empty, clean.Movies[Columns.Genres][2]);
        Assert.Equal(1, clean.Report.CountOf("movies", Columns.ReleaseYear, "release year from metadata"));
        Assert.Equal(2, clean.Report.CountOf("movies", Columns.ReleaseYear, "release year taken from the title"));
        Assert.Equal(1, clean.Report.CountOf("movies", Columns.ReleaseYear, "release year unknown"));
        Assert.Equal(2, clean.Report.CountOf("movies", Columns.Overview, "missing text"));
        Assert.Null(movies[Columns.Overview][1]); // the input is not modified
    }

    [Fact]
    public void Duplicate_ratings_keep_the_latest_and_orphans_are_dropped_keeping_every_other_row()
    {
        // user 1 rated movie 10 twice (latest: 5.0 at t=9), movie 99 is unknown; a tie on time keeps the later row.
        var ratings = Ratings(
            [1, 2, 1, 3, 2, 3, 3],
            [10, 20, 10, 99, 30, 40, 40],
            [2.0, 3.0, 5.0, 4.0, 3.5, 1.0, 1.5],
            [5, 6, 9, 1, 2, 7, 7]);

        var clean = DataCleaning.Clean(ratings, Movies());

        Assert.Equal([2, 1, 2, 3], clean.Ratings.ToArray<int>(Columns.UserId));
        Assert.Equal([20, 10, 30, 40], clean.Ratings.ToArray<int>(Columns.MovieId));
        Assert.Equal([3.0, 5.0, 3.5, 1.5], clean.Ratings.ToArray<double>(Columns.Rating));
        Assert.Equal(2, clean.Report.CountOf("ratings", "userId+movieId", "duplicate"));
        Assert.Equal(1, clean.Report.CountOf("ratings", Columns.MovieId, "rating of a movie absent"));
    }

    [Fact]
    public void Ratings_of_another_numeric_type_become_double()
    {
        var ratings = new DataFrame(
            new Int32DataFrameColumn(Columns.UserId, new[] { 1 }),
            new Int32DataFrameColumn(Columns.MovieId, new[] { 10 }),
            new SingleDataFrameColumn(Columns.Rating, new[] { 3.5f }),
            new Int64DataFrameColumn(Columns.Timestamp, new[] { 1L }));
        var clean = DataCleaning.Clean(ratings, Movies());
        Assert.IsType<DoubleDataFrameColumn>(clean.Ratings[Columns.Rating]);
        Assert.Equal(3.5, clean.Ratings[Columns.Rating][0]);
    }

    [Fact]
    public void Interactions_join_every_rating_with_its_movie()
    {
        var clean = DataCleaning.Clean(Ratings([1, 2], [30, 10], [4.0, 2.5], [1, 2]), DataMerge.MoviesWithMetadata(Movies(), Metadata()));
        var interactions = clean.Interactions();
        Assert.Equal(2, interactions.Rows.Count);
        Assert.Equal("Untitled", interactions[Columns.Title][0]);
        Assert.Equal("Toy Story (1995)", interactions[Columns.Title][1]);
        Assert.Equal(1995, interactions[Columns.ReleaseYear][1]);
        Assert.Equal(2.5, interactions[Columns.Rating][1]);
    }

    [Theory]
    [InlineData("Toy Story (1995)", 1995)]
    [InlineData("Babylon 5 (1994-1998)", 1994)]
    [InlineData("Stranger Things (2016– )", 2016)]
    [InlineData("Hyena Road", null)]
    [InlineData("1984 (1956) ", 1956)]
    public void Year_from_title(string title, int? year) => Assert.Equal(year, DataCleaning.YearFromTitle(title));
}
