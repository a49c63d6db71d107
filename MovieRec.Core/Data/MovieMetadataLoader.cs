using MovieRec.Data.Parsing;

namespace MovieRec.Data;

/// <summary>
/// Loads movie metadata (overview, poster, metadata genres, release year, actors, directors, keywords) from the two
/// real formats into one schema keyed by <c>movieId</c>.
/// </summary>
/// <remarks>
/// <para>Output columns: movieId (Int32), tmdbId (Int32, nullable), titleMeta, overview, posterUrl, genresMeta,
/// releaseYear (Int32, nullable), actors, directors, keywords (all strings, <c>|</c>-joined lists, empty when unknown).</para>
/// <para>Formats: the seed project's <c>movie_metadata.csv</c>
/// (<c>movieId,title,tmdb_id,overview,poster_url,genres,release_year,actors,directors</c>) and Kaggle's "The Movies
/// Dataset" <c>movies_metadata.csv</c> with optional <c>credits.csv</c> and <c>keywords.csv</c>, joined to MovieLens
/// through <c>links.csv</c>'s tmdbId. Python-literal lists (<c>[{'id': 16, 'name': 'Animation'}]</c>) become
/// <c>|</c>-joined names, <c>poster_path</c> a full URL under <see cref="PosterBaseUrl"/>, <c>release_date</c> a year.</para>
/// </remarks>
public static class MovieMetadataLoader
{
    /// <summary>The TMDB image base URL that <c>poster_path</c> values are appended to.</summary>
    public const string PosterBaseUrl = "https://image.tmdb.org/t/p/w500";

    /// <summary>How many leading actors (by billing order) the TMDB loader keeps, as the seed project did.</summary>
    public const int DefaultTopActors = 5;

    /// <summary>Loads a metadata file of either format, detected from its header.</summary>
    /// <param name="path">A <c>movie_metadata.csv</c> or a Kaggle <c>movies_metadata.csv</c>.</param>
    /// <param name="links">For the Kaggle format: the release's links table (movieId → tmdbId). Credits and keywords are
    /// read from <c>credits.csv</c> and <c>keywords.csv</c> beside the file when present.</param>
    public static DataFrame Load(string path, DataFrame? links = null)
    {
        string[] header;
        using (var reader = new DelimitedReader(path, ",", quoting: true, TextEncodingKind.Utf8Strict))
        {
            if (!reader.Read()) throw new DataFileException(path, "file is empty (no header)", 1);
            header = [.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i, $"#{i + 1}"))];
        }

        if (header.Contains("poster_path"))
        {
            if (links is null) throw new DataFileException(path, "is TMDB metadata keyed by tmdbId: pass the release's links table to join it to movieId");
            var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
            var credits = Path.Combine(folder, "credits.csv");
            var keywords = Path.Combine(folder, "keywords.csv");
            return LoadTmdb(path, links, File.Exists(credits) ? credits : null, File.Exists(keywords) ? keywords : null);
        }

        return LoadSeedFormat(path);
    }

    /// <summary>Loads the seed project's <c>movie_metadata.csv</c> (also what <see cref="Synthetic.SyntheticDataGenerator"/> writes).</summary>
    public static DataFrame LoadSeedFormat(string path)
    {
        using var reader = new DelimitedReader(path, ",", quoting: true, TextEncodingKind.Utf8Strict);
        var map = MovieLensLoader.ReadHeader(reader, [Columns.MovieId]);
        var header = map.HeaderNames;
        int Find(params string[] names) => Array.FindIndex(header, h => names.Any(n => string.Equals(h, n, StringComparison.OrdinalIgnoreCase)));
        int iTitle = Find("title"), iTmdb = Find("tmdb_id", Columns.TmdbId), iOverview = Find(Columns.Overview),
            iPoster = Find("poster_url", Columns.PosterUrl), iGenres = Find("genres", Columns.GenresMeta),
            iYear = Find("release_year", Columns.ReleaseYear), iActors = Find(Columns.Actors),
            iDirectors = Find(Columns.Directors), iKeywords = Find(Columns.Keywords);
        var table = new MetadataTable();
        var seen = new HashSet<int>();
        while (reader.Read())
        {
            reader.RequireFieldCount(map.Width, header);
            var movieId = reader.GetId(map[0], Columns.MovieId);
            if (!seen.Add(movieId)) throw reader.Error(map[0], Columns.MovieId, "is a duplicate movieId");
            int? year = null;
            if (iYear >= 0 && !reader.Field(iYear).IsEmpty)
            {
                var y = reader.GetDouble(iYear, "release_year"); // some exports write 1995.0
                if (y != Math.Floor(y) || y is < 1800 or > 2200) throw reader.Error(iYear, "release_year", "is not a plausible release year");
                year = (int)y;
            }

            table.Add(
                movieId,
                iTmdb >= 0 ? ParseOptionalId(reader, iTmdb, "tmdb_id") : null,
                Text(reader, iTitle, "title"),
                Text(reader, iOverview, "overview"),
                Text(reader, iPoster, "poster_url"),
                Text(reader, iGenres, "genres"),
                year,
                Text(reader, iActors, "actors"),
                Text(reader, iDirectors, "directors"),
                Text(reader, iKeywords, "keywords"));
        }

        return table.ToDataFrame();
    }

    /// <summary>Loads Kaggle's TMDB <c>movies_metadata.csv</c> (+ optional credits and keywords) and joins it to movieId through <paramref name="links"/>.</summary>
    /// <remarks>Rows whose tmdbId no MovieLens movie links to are dropped; a tmdbId listed twice keeps its first row.
    /// Actors are the first <paramref name="topActors"/> of <c>cast</c> by billing order; directors are the <c>crew</c>
    /// entries whose job is "Director".</remarks>
    public static DataFrame LoadTmdb(string moviesMetadataPath, DataFrame links, string? creditsPath = null, string? keywordsPath = null, int topActors = DefaultTopActors)
    {
        ArgumentNullException.ThrowIfNull(links);
        var tmdbToMovies = new Dictionary<int, List<int>>();
        var linkMovies = links.ToArray<int>(Columns.MovieId);
        var linkTmdb = (PrimitiveDataFrameColumn<int>)links[Columns.TmdbId];
        for (var i = 0; i < linkMovies.Length; i++)
        {
            if (linkTmdb[i] is not { } tmdb) continue;
            if (!tmdbToMovies.TryGetValue(tmdb, out var list)) tmdbToMovies[tmdb] = list = [];
            list.Add(linkMovies[i]); // links.csv maps a few tmdbIds to two movieIds: both get the metadata
        }

        var credits = creditsPath is null ? null : ReadCredits(creditsPath, topActors);
        var keywords = keywordsPath is null ? null : ReadKeywords(keywordsPath);

        using var reader = new DelimitedReader(moviesMetadataPath, ",", quoting: true, TextEncodingKind.Utf8Strict);
        var map = MovieLensLoader.ReadHeader(reader, ["id", "overview", "poster_path", "genres", "release_date", "title"]);
        var table = new MetadataTable();
        var seen = new HashSet<int>();
        while (reader.Read())
        {
            reader.RequireFieldCount(map.Width, map.HeaderNames);
            var tmdbId = reader.GetId(map[0], "id");
            if (!tmdbToMovies.TryGetValue(tmdbId, out var movieIds) || !seen.Add(tmdbId)) continue;
            var poster = reader.GetString(map[2], "poster_path").Trim();
            var date = reader.GetString(map[4], "release_date").Trim();
            int? year = null;
            if (date.Length > 0)
            {
                if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    throw reader.Error(map[4], "release_date", "is not a date (yyyy-MM-dd)");
                }

                year = d.Year;
            }

            var (actors, directors) = credits is not null && credits.TryGetValue(tmdbId, out var c) ? c : (string.Empty, string.Empty);
            var title = reader.GetString(map[5], "title");
            var overview = reader.GetString(map[1], "overview").Trim();
            var posterUrl = poster.Length == 0 ? string.Empty : PosterBaseUrl + (poster.StartsWith('/') ? poster : "/" + poster);
            var genres = JoinNames(reader, map[3], "genres");
            var keywordText = keywords is not null && keywords.TryGetValue(tmdbId, out var k) ? k : string.Empty;
            foreach (var movieId in movieIds)
            {
                table.Add(movieId, tmdbId, title, overview, posterUrl, genres, year, actors, directors, keywordText);
            }
        }

        return table.ToDataFrame();
    }

    private static Dictionary<int, (string Actors, string Directors)> ReadCredits(string path, int topActors)
    {
        using var reader = new DelimitedReader(path, ",", quoting: true, TextEncodingKind.Utf8Strict);
        var map = MovieLensLoader.ReadHeader(reader, ["cast", "crew", "id"]);
        var result = new Dictionary<int, (string, string)>();
        while (reader.Read())
        {
            reader.RequireFieldCount(map.Width, map.HeaderNames);
            var id = reader.GetId(map[2], "id");
            var cast = Names(reader, map[0], "cast");
            var directors = Names(reader, map[1], "crew", "job", "Director");
            result.TryAdd(id, (string.Join('|', cast.Take(topActors)), string.Join('|', directors.Distinct())));
        }

        return result;
    }

    private static Dictionary<int, string> ReadKeywords(string path)
    {
        using var reader = new DelimitedReader(path, ",", quoting: true, TextEncodingKind.Utf8Strict);
        var map = MovieLensLoader.ReadHeader(reader, ["id", "keywords"]);
        var result = new Dictionary<int, string>();
        while (reader.Read())
        {
            reader.RequireFieldCount(map.Width, map.HeaderNames);
            result.TryAdd(reader.GetId(map[0], "id"), JoinNames(reader, map[1], "keywords"));
        }

        return result;
    }

    private static string JoinNames(DelimitedReader reader, int index, string column) => string.Join('|', Names(reader, index, column));

    private static List<string> Names(DelimitedReader reader, int index, string column, string? filterKey = null, string? filterValue = null)
    {
        var text = reader.GetString(index, column);
        try
        {
            return PythonLiteral.Names(text, "name", filterKey, filterValue);
        }
        catch (FormatException e)
        {
            throw reader.Error(index, column, $"is not a Python-literal list ({e.Message})");
        }
    }

    private static string Text(DelimitedReader reader, int index, string column) => index < 0 ? string.Empty : reader.GetString(index, column).Trim();

    private static int? ParseOptionalId(DelimitedReader reader, int index, string column)
    {
        var span = reader.Field(index);
        if (span.IsEmpty) return null;
        var value = reader.GetDouble(index, column); // tolerate 862.0 from pandas exports
        if (value != Math.Floor(value) || value is < 0 or > int.MaxValue) throw reader.Error(index, column, "is not an identifier");
        return (int)value;
    }

    /// <summary>Column builders for the metadata schema.</summary>
    private sealed class MetadataTable
    {
        private readonly PrimitiveColumnBuilder<int> _movieId = new();
        private readonly PrimitiveColumnBuilder<int> _tmdbId = new();
        private readonly PrimitiveColumnBuilder<int> _year = new();
        private readonly List<string> _title = [], _overview = [], _poster = [], _genres = [], _actors = [], _directors = [], _keywords = [];

        public void Add(int movieId, int? tmdbId, string title, string overview, string poster, string genres, int? year, string actors, string directors, string keywords)
        {
            _movieId.Add(movieId);
            _tmdbId.Add(tmdbId);
            _title.Add(title);
            _overview.Add(overview);
            _poster.Add(poster);
            _genres.Add(genres);
            _year.Add(year);
            _actors.Add(actors);
            _directors.Add(directors);
            _keywords.Add(keywords);
        }

        public DataFrame ToDataFrame() => new(
            _movieId.ToColumn(Columns.MovieId),
            _tmdbId.ToColumn(Columns.TmdbId),
            new StringDataFrameColumn(Columns.TitleMeta, _title),
            new StringDataFrameColumn(Columns.Overview, _overview),
            new StringDataFrameColumn(Columns.PosterUrl, _poster),
            new StringDataFrameColumn(Columns.GenresMeta, _genres),
            _year.ToColumn(Columns.ReleaseYear),
            new StringDataFrameColumn(Columns.Actors, _actors),
            new StringDataFrameColumn(Columns.Directors, _directors),
            new StringDataFrameColumn(Columns.Keywords, _keywords));
    }
}
