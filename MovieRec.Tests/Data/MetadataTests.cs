using MovieRec.Data.Parsing;

namespace MovieRec.Tests.Data;

public sealed class MetadataTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Python_literal_lists_of_dicts_become_names()
    {
        Assert.Equal(["Animation", "Comedy"], PythonLiteral.Names("[{'id': 16, 'name': 'Animation'}, {'id': 35, 'name': 'Comedy'}]"));
        Assert.Equal(["based on children's book"], PythonLiteral.Names("[{'id': 15101, 'name': \"based on children's book\"}]"));
        Assert.Equal(["Sam O'Neill"], PythonLiteral.Names("[{'name': 'Sam O\\'Neill', 'job': None, 'x': True, 'y': -1.5e3, 't': (1, 2)}]"));
        Assert.Equal(["John Lasseter"], PythonLiteral.Names("[{'job': 'Director', 'name': 'John Lasseter'}, {'job': 'Screenplay', 'name': 'Joss Whedon'}]", "name", "job", "Director"));
        Assert.Empty(PythonLiteral.Names("[]"));
        Assert.Empty(PythonLiteral.Names(""));
        Assert.Throws<FormatException>(() => PythonLiteral.Names("[{'id': 16, 'name': 'Animation'"));
    }

    [Fact]
    public void Tmdb_metadata_joins_through_links_with_credits_and_keywords()
    {
        var links = new DataFrame(
            new Int32DataFrameColumn(Columns.MovieId, new[] { 1, 2, 3, 4 }),
            new Int32DataFrameColumn(Columns.ImdbId, new[] { 114709, 113497, 1, 2 }),
            new Int32DataFrameColumn(Columns.TmdbId, new int?[] { 862, 8844, null, 862 }));
        var path = _temp.Write("tmdb/movies_metadata.csv",
            "adult,genres,id,overview,poster_path,release_date,title\n"
            + "False,\"[{'id': 16, 'name': 'Animation'}, {'id': 35, 'name': 'Comedy'}]\",862,\"Led by Woody,\nAndy's toys.\",/rhIRbceoE9lR4veEXuwCC2wARtG.jpg,1995-10-30,Toy Story\n"
            + "False,[],999,Not in MovieLens,,2001-01-01,Other\n"
            + "False,\"[{'id': 12, 'name': 'Adventure'}]\",8844,,,,Jumanji\n"
            + "False,[],862,duplicate row,,1995-10-30,Toy Story\n");
        _temp.Write("tmdb/credits.csv",
            "cast,crew,id\n"
            + "\"[{'cast_id': 14, 'name': 'Tom Hanks', 'order': 0}, {'cast_id': 15, 'name': 'Tim Allen', 'order': 1}]\",\"[{'job': 'Director', 'name': 'John Lasseter'}, {'job': 'Screenplay', 'name': 'Joss Whedon'}]\",862\n");
        _temp.Write("tmdb/keywords.csv", "id,keywords\n862,\"[{'id': 931, 'name': 'jealousy'}, {'id': 4290, 'name': 'toy'}]\"\n");

        var meta = MovieMetadataLoader.Load(path, links);

        Assert.Equal(3, meta.Rows.Count); // movies 1 and 4 share tmdbId 862; 999 is not linked; the duplicate row is ignored
        var ids = meta.ToArray<int>(Columns.MovieId);
        Assert.Equal([1, 4, 2], ids);
        Assert.Equal("Led by Woody,\nAndy's toys.", meta[Columns.Overview][0]);
        Assert.Equal("https://image.tmdb.org/t/p/w500/rhIRbceoE9lR4veEXuwCC2wARtG.jpg", meta[Columns.PosterUrl][0]);
        Assert.Equal("Animation|Comedy", meta[Columns.GenresMeta][0]);
        Assert.Equal(1995, meta[Columns.ReleaseYear][0]);
        Assert.Equal("Tom Hanks|Tim Allen", meta[Columns.Actors][0]);
        Assert.Equal("John Lasseter", meta[Columns.Directors][0]);
        Assert.Equal("jealousy|toy", meta[Columns.Keywords][0]);
        Assert.Null(meta[Columns.ReleaseYear][2]);
        Assert.Equal(string.Empty, meta[Columns.PosterUrl][2]);
        Assert.Equal(string.Empty, meta[Columns.Actors][2]);
    }

    [Fact]
    public void Tmdb_metadata_needs_links_and_reports_bad_literals_with_location()
    {
        var path = _temp.Write("movies_metadata.csv", "genres,id,overview,poster_path,release_date,title\n\"[{'id': 16, 'name'\",862,x,,1995-10-30,T\n");
        Assert.Contains("links table", Assert.Throws<DataFileException>(() => MovieMetadataLoader.Load(path)).Message);
        var links = new DataFrame(new Int32DataFrameColumn(Columns.MovieId, new[] { 1 }), new Int32DataFrameColumn(Columns.TmdbId, new[] { 862 }));
        var e = Assert.Throws<DataFileException>(() => MovieMetadataLoader.Load(path, links));
        Assert.Equal(2, e.Line);
        Assert.Equal("'genres' (1)", e.Column);
        Assert.Contains("Python-literal", e.Message);
    }
}
