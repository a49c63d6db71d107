namespace MovieRec.Data;

/// <summary>
/// The movies of a <see cref="RatingDataset"/>, one row per movie index of the dataset (the rated movies in
/// ascending ID order, then the unrated ones of the movies table): titles, years, genres (as text and as indices into
/// <see cref="GenreNames"/>), posters and credits, details by id and a forgiving title lookup. The features, the
/// similarity space and the recommender all index movies by these rows.
/// </summary>
public sealed class MovieCatalog
{
    private readonly Dictionary<int, int> _row;
    private readonly Lazy<string[]> _keys;
    private readonly Lazy<DataFrame> _table;

    /// <summary>Reads <paramref name="movies"/> (a cleaned, merged movies table) in the row order <paramref name="order"/>
    /// (table row of each catalog row).</summary>
    internal MovieCatalog(DataFrame movies, int[] order)
        : this(movies[order])
    {
    }

    private MovieCatalog(DataFrame table)
        : this(
            new Lazy<DataFrame>(table),
            table.ToArray<int>(Columns.MovieId),
            table.HasColumn(Columns.Title) ? table.ToStringArray(Columns.Title) : null,
            Optional(table, Columns.Genres),
            table.HasColumn(Columns.ReleaseYear) ? [.. ((PrimitiveDataFrameColumn<int>)table[Columns.ReleaseYear])] : null,
            Optional(table, Columns.PosterUrl),
            Optional(table, Columns.Actors),
            Optional(table, Columns.Directors),
            Optional(table, Columns.Overview))
    {
    }

    /// <summary>A catalog saved as its table (rows already in catalog order), read from plain arrays; the table itself
    /// is built when something asks for it.</summary>
    private MovieCatalog(BinaryColumns table)
        : this(
            new Lazy<DataFrame>(table.ToDataFrame, LazyThreadSafetyMode.ExecutionAndPublication),
            table.Values<int>(Columns.MovieId),
            table.Has(Columns.Title) ? table.Strings(Columns.Title) : null,
            table.Strings(Columns.Genres, optional: true),
            table.Has(Columns.ReleaseYear) ? table.NullableValues<int>(Columns.ReleaseYear) : null,
            table.Strings(Columns.PosterUrl, optional: true),
            table.Strings(Columns.Actors, optional: true),
            table.Strings(Columns.Directors, optional: true),
            table.Strings(Columns.Overview, optional: true))
    {
    }

    private MovieCatalog(Lazy<DataFrame> table, int[] ids, string[]? titles, string[] genres, int?[]? releaseYears, string[] posters, string[] actors, string[] directors, string[] overviews)
    {
        _table = table;
        MovieIds = ids;
        Titles = titles ?? [.. Enumerable.Repeat(string.Empty, ids.Length)];
        Genres = genres;
        Years = new int[ids.Length];
        for (var i = 0; i < ids.Length; i++) Years[i] = releaseYears?[i] ?? DataCleaning.YearFromTitle(Titles[i]) ?? 0;
        PosterUrls = posters;
        Actors = actors;
        Directors = directors;
        Overviews = overviews;

        // Loops rather than LINQ: this runs in every cold start of a saved recommender.
        var genreIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var split = new string[Genres.Length][];
        for (var i = 0; i < Genres.Length; i++)
        {
            split[i] = Genres[i].Split('|', StringSplitOptions.RemoveEmptyEntries);
            foreach (var g in split[i])
            {
                if (g != "(no genres listed)") genreIndex.TryAdd(g, 0);
            }
        }

        var names = new string[genreIndex.Count];
        genreIndex.Keys.CopyTo(names, 0);
        Array.Sort(names, StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++) genreIndex[names[i]] = i;
        GenreNames = names;
        GenreIndices = new int[Genres.Length][];
        var indices = new List<int>();
        for (var i = 0; i < Genres.Length; i++)
        {
            indices.Clear();
            foreach (var g in split[i])
            {
                if (genreIndex.TryGetValue(g, out var k) && !indices.Contains(k)) indices.Add(k);
            }

            indices.Sort();
            GenreIndices[i] = [.. indices];
        }

        _row = new Dictionary<int, int>(ids.Length);
        for (var i = 0; i < ids.Length; i++)
        {
            if (!_row.TryAdd(ids[i], i)) throw new InvalidDataException($"movieId {ids[i]} appears twice in the movies table");
        }

        _keys = new Lazy<string[]>(() => [.. Titles.Select(Key)], LazyThreadSafetyMode.ExecutionAndPublication); // for title lookups only
    }

    /// <summary>The catalog saved by <see cref="BinaryArrays.WriteFrame"/> of its <see cref="Table"/>.</summary>
    internal static MovieCatalog Read(BinaryReader reader) => new(BinaryColumns.Read(reader));

    /// <summary>The movies table, its rows in catalog order (the dataset's movie indexes).</summary>
    public DataFrame Table => _table.Value;

    /// <summary>The movieId of each row.</summary>
    public IReadOnlyList<int> MovieIds { get; }

    internal string[] Titles { get; }

    /// <summary>Pipe-separated genres of each row, as in the table.</summary>
    internal string[] Genres { get; }

    /// <summary>The release year of each row: the table's releaseYear, else the year in the title, else 0.</summary>
    internal int[] Years { get; }

    /// <summary>Per row, the indices of its genres in <see cref="GenreNames"/>.</summary>
    internal int[][] GenreIndices { get; }

    /// <summary>The genre vocabulary, alphabetical, without "(no genres listed)".</summary>
    public IReadOnlyList<string> GenreNames { get; }

    internal string[] PosterUrls { get; }

    internal string[] Actors { get; }

    internal string[] Directors { get; }

    internal string[] Overviews { get; }

    /// <summary>The number of movies.</summary>
    public int Count => Titles.Length;

    /// <summary>Everything the catalog knows about <paramref name="movieId"/>, or null when it is not in the catalog.</summary>
    public MovieDetails? Details(int movieId) => RowOf(movieId) is var r and >= 0
        ? new(MovieIds[r], Titles[r], Years[r], Genres[r], PosterUrls[r], Overviews[r], Actors[r], Directors[r])
        : null;

    /// <summary>
    /// Up to <paramref name="count"/> movies matching <paramref name="query"/> best first, for suggestions as the user types:
    /// with <see cref="Find"/>'s forgiving normalization, exact titles first, then titles starting with the query, then titles
    /// containing it as words, then containing it at all, then the closest titles by edit distance. Within a tier, the
    /// query's year ("Heat (1995)") first, then shorter titles, then lower ids.
    /// </summary>
    public IReadOnlyList<int> Search(string query, int count = 10)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var key = Key(query);
        if (key.Length == 0 || count == 0) return [];
        var normalized = _keys.Value;
        var year = DataCleaning.YearFromTitle(query.Trim());
        int YearMiss(int i) => year is null || Years[i] == year ? 0 : 1;
        int Tier(int i) => normalized[i] == key ? 0
            : normalized[i].StartsWith(key, StringComparison.Ordinal) ? 1
            : (" " + normalized[i] + " ").Contains(" " + key + " ", StringComparison.Ordinal) ? 2
            : normalized[i].Contains(key, StringComparison.Ordinal) ? 3 : 4;
        var tiers = new int[Titles.Length];
        for (var i = 0; i < tiers.Length; i++) tiers[i] = Titles[i].Length == 0 ? int.MaxValue : Tier(i);
        var matched = Enumerable.Range(0, Titles.Length).Where(i => tiers[i] < 4).OrderBy(i => tiers[i]).ThenBy(YearMiss).ThenBy(i => normalized[i].Length).ThenBy(i => MovieIds[i]).Take(count).ToList();
        if (matched.Count < count)
        {
            matched.AddRange(Enumerable.Range(0, Titles.Length).Where(i => tiers[i] == 4)
                .OrderBy(i => Distance(key, normalized[i])).ThenBy(i => MovieIds[i]).Take(count - matched.Count));
        }

        return [.. matched.Select(i => MovieIds[i])];
    }

    /// <summary>The row of <paramref name="movieId"/>, or -1.</summary>
    public int RowOf(int movieId) => _row.TryGetValue(movieId, out var r) ? r : -1;

    /// <summary>movieId → row: the one movie map of a dataset with this catalog (<see cref="RatingDataset.MovieIndex"/>).</summary>
    internal Dictionary<int, int> RowMap => _row;

    /// <summary>The title of <paramref name="movieId"/> ("" when unknown).</summary>
    public string TitleOf(int movieId) => RowOf(movieId) is var r and >= 0 ? Titles[r] : string.Empty;

    /// <summary>True when the movie at <paramref name="row"/> has no title: the engines never rank it (they score it NaN).</summary>
    internal bool Untitled(int row) => Titles[row].Length == 0;

    /// <summary>Sets the score of every untitled movie to NaN (<paramref name="scores"/> in catalog row order, possibly
    /// shorter than the catalog): what every engine does so that a movie without a title is never recommended.</summary>
    internal void MaskUntitled(Span<float> scores)
    {
        for (var m = 0; m < scores.Length; m++)
        {
            if (Titles[m].Length == 0) scores[m] = float.NaN;
        }
    }

    /// <summary>
    /// Finds a movie by id ("862" is not an id here: ids are MovieLens ids) or by title, forgivingly: case, punctuation,
    /// the year and MovieLens' trailing article ("American President, The") are ignored, so "toy story" finds
    /// "Toy Story (1995)". An exact normalized match wins (the first in id order on ties), then a unique
    /// prefix match. Otherwise <see cref="MovieNotFoundException"/> lists the closest titles.
    /// </summary>
    public int Find(string titleOrId)
    {
        ArgumentNullException.ThrowIfNull(titleOrId);
        if (int.TryParse(titleOrId.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) && _row.ContainsKey(id)) return id;
        var normalized = _keys.Value; // an id needs no title keys
        var text = titleOrId.Trim();
        var yearQuery = DataCleaning.YearFromTitle(text);
        var bare = text.LastIndexOf(' ');
        if (yearQuery is null && bare > 0 && text.Length - bare == 5 && int.TryParse(text.AsSpan(bare + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is > 1880 and < 2100)
        {
            yearQuery = year; // "heat 1995"
            text = text[..bare];
        }

        var query = Key(text);
        bool YearOk(int i) => yearQuery is null || Years[i] == yearQuery;
        var exact = Enumerable.Range(0, Titles.Length).Where(i => normalized[i] == query && YearOk(i)).ToArray();
        if (exact.Length > 0) return exact.Select(i => MovieIds[i]).Min();
        var prefix = Enumerable.Range(0, Titles.Length).Where(i => query.Length >= 3 && normalized[i].StartsWith(query, StringComparison.Ordinal) && YearOk(i)).ToArray();
        if (prefix.Length == 1) return MovieIds[prefix[0]];
        // Alternative titles live in the title too: "Seven (a.k.a. Se7en)", "Nosferatu (Nosferatu, eine Symphonie des Grauens)".
        var words = Enumerable.Range(0, Titles.Length).Where(i => query.Length >= 3 && (" " + normalized[i] + " ").Contains(" " + query + " ", StringComparison.Ordinal) && YearOk(i)).ToArray();
        if (words.Length == 1) return MovieIds[words[0]];
        var closest = Enumerable.Range(0, Titles.Length)
            .OrderBy(i => prefix.Contains(i) || words.Contains(i) ? 0 : 1).ThenBy(i => Distance(query, normalized[i])).ThenBy(i => MovieIds[i])
            .Take(5).Select(i => Titles[i]).ToArray();
        throw new MovieNotFoundException(titleOrId, closest);
    }

    /// <summary>The comparison key: <see cref="Normalize"/> without a leading article ("the matrix" and "matrix" match).</summary>
    internal static string Key(string title)
    {
        var n = Normalize(title);
        foreach (var article in new[] { "the ", "a ", "an ", "les ", "la ", "le ", "il ", "die ", "das " })
        {
            if (n.StartsWith(article, StringComparison.Ordinal) && n.Length > article.Length) return n[article.Length..];
        }

        return n;
    }

    /// <summary>Lower-case letters and digits separated by single spaces, without the year and a trailing ", The/A/An".</summary>
    internal static string Normalize(string title)
    {
        var t = title.Trim();
        var paren = t.LastIndexOf('(');
        if (paren > 0 && DataCleaning.YearFromTitle(t) is not null) t = t[..paren].Trim();
        foreach (var article in new[] { ", The", ", A", ", An", ", Les", ", La", ", Le", ", Il", ", Die", ", Das" })
        {
            if (t.EndsWith(article, StringComparison.OrdinalIgnoreCase))
            {
                t = article[2..] + " " + t[..^article.Length];
                break;
            }
        }

        var sb = new StringBuilder();
        var space = false;
        foreach (var c in t.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c))
            {
                if (space && sb.Length > 0) sb.Append(' ');
                sb.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else if (c != '\'')
            {
                space = true;
            }
        }

        return sb.ToString();
    }

    private static int Distance(string a, string b)
    {
        b = b.Length > a.Length + 10 ? b[..(a.Length + 10)] : b;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static string[] Optional(DataFrame movies, string column) =>
        movies.HasColumn(column) ? movies.ToStringArray(column) : [.. Enumerable.Repeat(string.Empty, (int)movies.Rows.Count)];
}
