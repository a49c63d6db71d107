namespace MovieRec.Tests.Data;

/// <summary>One movie map per dataset: item indexes (rated movies) and movie indexes (every movie of the table) agree.</summary>
public sealed class RatingDatasetTests
{
    private static readonly DataFrame Ratings = new(
        new Int32DataFrameColumn(Columns.UserId, [1, 1, 2, 3]),
        new Int32DataFrameColumn(Columns.MovieId, [20, 10, 20, 40]),
        new DoubleDataFrameColumn(Columns.Rating, [4, 3, 5, 2]),
        new Int64DataFrameColumn(Columns.Timestamp, [1, 2, 3, 4]));

    private static readonly DataFrame Movies = new(
        new Int32DataFrameColumn(Columns.MovieId, [40, 30, 20, 10, 5]),
        new StringDataFrameColumn(Columns.Title, ["D (2001)", "C (2002)", "B (2003)", "A (2004)", "E (2005)"]),
        new StringDataFrameColumn(Columns.Genres, ["Drama", "Comedy", "Drama", "Action", "Comedy"]));

    [Fact]
    public void Rated_movies_come_first_and_one_map_gives_item_and_movie_indexes()
    {
        var ratingsOnly = RatingDataset.From(Ratings);
        var data = RatingDataset.From(Ratings, Movies);
        Assert.Equal([10, 20, 40], data.ItemIds);
        Assert.Equal([10, 20, 40, 5, 30], data.Movies!.MovieIds); // rated in item order, then the unrated ascending
        for (var m = 0; m < data.Movies.Count; m++)
        {
            var id = data.Movies.MovieIds[m];
            Assert.Equal(m, data.MovieIndex(id));
            Assert.Equal(m, data.Movies.RowOf(id));
            Assert.Equal(m < data.ItemIds.Count ? m : -1, data.ItemIndex(id)); // an unrated movie is no item
            Assert.Equal(data.ItemIndex(id), ratingsOnly.ItemIndex(id));
        }

        Assert.Equal(-1, data.MovieIndex(99));
        Assert.Equal(-1, ratingsOnly.MovieIndex(5)); // without the table only the rated movies are known
        Assert.Equal(1, ratingsOnly.MovieIndex(20));

        // Attaching the table again (a subset, a reload) keeps the order: the unrated movies are still recognised as unrated.
        var again = data.WithMovies(Movies);
        Assert.Equal(data.Movies.MovieIds, again.Movies!.MovieIds);
        Assert.Equal(-1, again.ItemIndex(30));
        Assert.Equal(4, again.MovieIndex(30));
    }
}
