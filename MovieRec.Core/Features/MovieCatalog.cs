using Microsoft.Data.Analysis;
using MovieRec.Data;

namespace MovieRec.Features;

/// <summary>The movies table as typed arrays: ids, release years, genre indices. Internal to the feature stage.</summary>
internal sealed class MovieCatalog
{
    private readonly Dictionary<int, int> _rowOf;

    internal MovieCatalog(int[] movieIds, int[] years, int[][] genres, string[] genreNames)
    {
        MovieIds = movieIds;
        Years = years;
        Genres = genres;
        GenreNames = genreNames;
        _rowOf = new Dictionary<int, int>(movieIds.Length);
        for (var i = 0; i < movieIds.Length; i++) _rowOf[movieIds[i]] = i;
    }

    public int[] MovieIds { get; }

    public int[] Years { get; }

    /// <summary>Per movie row, the indices of its genres in <see cref="GenreNames"/>.</summary>
    public int[][] Genres { get; }

    /// <summary>The genre vocabulary, alphabetical, without "(no genres listed)".</summary>
    public string[] GenreNames { get; }

    public int Count => MovieIds.Length;

    public int RowOf(int movieId) => _rowOf.TryGetValue(movieId, out var row) ? row : -1;

    public static MovieCatalog From(DataFrame movies)
    {
        var ids = movies.ToArray<int>(Columns.MovieId);
        var titles = movies.HasColumn(Columns.Title) ? movies.ToStringArray(Columns.Title) : new string[ids.Length];
        var years = new int[ids.Length];
        if (movies.HasColumn(Columns.ReleaseYear) && movies[Columns.ReleaseYear].NullCount == 0)
        {
            years = movies.ToArray<int>(Columns.ReleaseYear);
        }
        else
        {
            var known = movies.HasColumn(Columns.ReleaseYear) ? (PrimitiveDataFrameColumn<int>)movies[Columns.ReleaseYear] : null;
            for (var i = 0; i < ids.Length; i++) years[i] = known?[i] ?? DataCleaning.YearFromTitle(titles[i]) ?? 0;
        }

        var genreText = movies.HasColumn(Columns.Genres) ? movies.ToStringArray(Columns.Genres) : Enumerable.Repeat(string.Empty, ids.Length).ToArray();
        var names = genreText.SelectMany(g => g.Split('|', StringSplitOptions.RemoveEmptyEntries))
            .Where(g => g != "(no genres listed)").Distinct().Order(StringComparer.Ordinal).ToArray();
        var index = names.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal);
        var genres = genreText.Select(g => g.Split('|', StringSplitOptions.RemoveEmptyEntries)
            .Where(index.ContainsKey).Select(n => index[n]).Distinct().Order().ToArray()).ToArray();
        return new MovieCatalog(ids, years, genres, names);
    }
}
