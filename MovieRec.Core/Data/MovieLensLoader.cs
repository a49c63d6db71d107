using System.Text.Unicode;
using MovieRec.Data.Parsing;

namespace MovieRec.Data;

/// <summary>
/// Loads any MovieLens release from its folder into DataFrames, detecting the format from the files present.
/// </summary>
/// <remarks>
/// <para>Detection: <c>u.data</c> → <see cref="MovieLensFormat.Ml100k"/>; <c>ratings.dat</c> with <c>users.dat</c> →
/// <see cref="MovieLensFormat.Ml1m"/>, without → <see cref="MovieLensFormat.Ml10m"/>; <c>ratings.csv</c> →
/// <see cref="MovieLensFormat.Csv"/>.</para>
/// <para>Parsing runs over bytes with explicit types and the invariant culture (never <c>DataFrame.LoadCsv</c>, which guesses
/// Single for timestamps and parses with the current culture). Every rating is checked against the release's
/// <see cref="RatingScale"/>. Any problem throws <see cref="DataFileException"/> naming file, line, column and text; the
/// dataset is built only after every file parsed, so nothing half-loaded is ever returned.</para>
/// </remarks>
public static class MovieLensLoader
{
    private static readonly string[] RatingNames = [Columns.UserId, Columns.MovieId, Columns.Rating, Columns.Timestamp];
    private static readonly string[] MovieNames = [Columns.MovieId, Columns.Title, Columns.Genres];
    private static readonly string[] TagNames = [Columns.UserId, Columns.MovieId, Columns.Tag, Columns.Timestamp];
    private static readonly string[] LinkNames = [Columns.MovieId, Columns.ImdbId, Columns.TmdbId];
    private static readonly string[] GenomeScoreNames = [Columns.MovieId, Columns.TagId, Columns.Relevance];
    private static readonly string[] GenomeTagNames = [Columns.TagId, Columns.Tag];

    /// <summary>The 19 genre flags of <c>u.item</c> in file order, named as in the later releases.</summary>
    private static readonly string[] Ml100kGenres =
    [
        "(no genres listed)", "Action", "Adventure", "Animation", "Children", "Comedy", "Crime", "Documentary", "Drama",
        "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery", "Romance", "Sci-Fi", "Thriller", "War", "Western",
    ];

    /// <summary>Detects the release format of <paramref name="folder"/>.</summary>
    /// <exception cref="DataFileException">The folder does not exist or holds no known ratings file.</exception>
    public static MovieLensFormat DetectFormat(string folder)
    {
        string[] ratingFiles = ["ratings.csv", "u.data", "ratings.dat"];
        for (var attempt = 1; ; attempt++)
        {
            if (!Directory.Exists(folder)) throw new DataFileException(folder, File.Exists(folder) ? "is a file, not a MovieLens release folder" : "folder not found");
            // Listing first turns an unreadable folder into "permission denied", not "holds no ratings file".
            _ = Entries(folder);

            foreach (var file in ratingFiles)
            {
                if (Directory.Exists(Path.Combine(folder, file))) throw new DataFileException(Path.Combine(folder, file), "is a folder, not a file");
            }

            if (File.Exists(Path.Combine(folder, "ratings.csv"))) return MovieLensFormat.Csv;
            if (File.Exists(Path.Combine(folder, "u.data"))) return MovieLensFormat.Ml100k;
            if (File.Exists(Path.Combine(folder, "ratings.dat")))
            {
                return File.Exists(Path.Combine(folder, "users.dat")) ? MovieLensFormat.Ml1m : MovieLensFormat.Ml10m;
            }

            // A folder that can be listed but not searched (no execute permission) names its files yet finds none of them.
            // So does a folder replaced between the checks above (a download swapping a new release in): that one finds
            // its ratings file now, and the detection starts over.
            if (Entries(folder).Overlaps(ratingFiles))
            {
                if (attempt < 3 && ratingFiles.Any(f => File.Exists(Path.Combine(folder, f)))) continue;
                throw new DataFileException(folder, "lists a ratings file but its files cannot be opened: the folder is not searchable (it lacks the execute permission; chmod +x it)");
            }

            throw new DataFileException(folder, "holds no MovieLens ratings file (expected ratings.csv, ratings.dat or u.data)");
        }
    }

    /// <summary>The names in <paramref name="folder"/>; a folder that is gone (also one removed since it was found: a
    /// download replacing it) or cannot be read is a <see cref="DataFileException"/>.</summary>
    private static HashSet<string> Entries(string folder)
    {
        try
        {
            return Directory.EnumerateFileSystemEntries(folder).Select(e => Path.GetFileName(e)).ToHashSet(StringComparer.Ordinal);
        }
        catch (DirectoryNotFoundException e)
        {
            throw new DataFileException(folder, "folder not found", inner: e);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new DataFileException(folder, $"cannot be read ({e.Message})", inner: e);
        }
    }

    /// <summary>Loads the release in <paramref name="folder"/>, with every table it has.</summary>
    public static MovieLensDataset Load(string folder)
    {
        folder = Path.GetFullPath(folder);
        var format = DetectFormat(folder);
        var name = Path.GetFileName(folder.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        return format switch
        {
            MovieLensFormat.Csv => LoadCsvRelease(folder, name),
            MovieLensFormat.Ml100k => Load100k(folder, name),
            _ => LoadDatRelease(folder, name, format),
        };
    }

    /// <summary>Reads a <c>ratings.csv</c> (header <c>userId,movieId,rating,timestamp</c>) checked against <paramref name="scale"/>.</summary>
    public static DataFrame LoadRatingsCsv(string path, RatingScale? scale = null)
    {
        using var reader = new DelimitedReader(path, ",", quoting: true, TextEncodingKind.Utf8Strict);
        var map = ReadHeader(reader, RatingNames);
        return ReadRatings(reader, map, scale ?? RatingScale.HalfStars);
    }

    /// <summary>Reads a <c>movies.csv</c> (header <c>movieId,title,genres</c>).</summary>
    public static DataFrame LoadMoviesCsv(string path)
    {
        using var reader = new DelimitedReader(path, ",", quoting: true, TextEncodingKind.Utf8Strict);
        var map = ReadHeader(reader, MovieNames);
        return ReadMovies(reader, map);
    }

    private static MovieLensDataset LoadCsvRelease(string folder, string name)
    {
        var scale = RatingScale.HalfStars;
        var ratings = LoadRatingsCsv(Path.Combine(folder, "ratings.csv"), scale);
        var movies = LoadMoviesCsv(RequiredFile(folder, "movies.csv"));
        var links = OptionalFile(folder, "links.csv") is { } l ? LoadLinksCsv(l) : null;
        var tags = OptionalFile(folder, "tags.csv") is { } t ? LoadTags(t, ",", quoting: true, header: true, TextEncodingKind.Utf8Strict) : null;
        var genomeScores = OptionalFile(folder, "genome-scores.csv") is { } gs ? LoadGenomeScores(gs) : null;
        var genomeTags = OptionalFile(folder, "genome-tags.csv") is { } gt ? LoadGenomeTags(gt) : null;
        if ((genomeScores is null) != (genomeTags is null))
        {
            var missing = genomeScores is null ? "genome-scores.csv" : "genome-tags.csv";
            throw new DataFileException(Path.Combine(folder, missing), "file not found (the genome comes as a pair of files)");
        }

        var metadata = OptionalFile(folder, "movie_metadata.csv") is { } m ? MovieMetadataLoader.LoadSeedFormat(m) : null;
        return new MovieLensDataset(name, folder, MovieLensFormat.Csv, scale, ratings, movies)
        {
            Links = links,
            Tags = tags,
            GenomeScores = genomeScores,
            GenomeTags = genomeTags,
            Metadata = metadata,
        };
    }

    private static MovieLensDataset LoadDatRelease(string folder, string name, MovieLensFormat format)
    {
        var scale = format == MovieLensFormat.Ml1m ? RatingScale.WholeStars : RatingScale.HalfStars;
        DataFrame ratings;
        using (var reader = new DelimitedReader(Path.Combine(folder, "ratings.dat"), "::", quoting: false, TextEncodingKind.Utf8Strict))
        {
            ratings = ReadRatings(reader, ColumnMap.Identity(RatingNames), scale);
        }

        var moviesPath = RequiredFile(folder, "movies.dat");
        DataFrame movies;
        using (var reader = new DelimitedReader(moviesPath, "::", quoting: false, DetectEncoding(moviesPath)))
        {
            movies = ReadMovies(reader, ColumnMap.Identity(MovieNames));
        }

        var tags = OptionalFile(folder, "tags.dat") is { } t ? LoadTags(t, "::", quoting: false, header: false, DetectEncoding(t)) : null;
        return new MovieLensDataset(name, folder, format, scale, ratings, movies) { Tags = tags };
    }

    private static MovieLensDataset Load100k(string folder, string name)
    {
        DataFrame ratings;
        using (var reader = new DelimitedReader(Path.Combine(folder, "u.data"), "\t", quoting: false, TextEncodingKind.Utf8Strict))
        {
            ratings = ReadRatings(reader, ColumnMap.Identity(RatingNames), RatingScale.WholeStars);
        }

        var itemPath = RequiredFile(folder, "u.item");
        var ids = new PrimitiveColumnBuilder<int>();
        var titles = new List<string>();
        var genres = new List<string>();
        var seen = new HashSet<int>();
        var itemNames = new[] { Columns.MovieId, Columns.Title, "releaseDate", "videoReleaseDate", "imdbUrl" }.Concat(Ml100kGenres).ToArray();
        using (var reader = new DelimitedReader(itemPath, "|", quoting: false, DetectEncoding(itemPath))) // ml-100k ships Latin-1; a re-encoded UTF-8 copy reads as UTF-8
        {
            var flags = new List<string>(4);
            while (reader.Read())
            {
                reader.RequireFieldCount(itemNames.Length, itemNames);
                var id = reader.GetId(0, Columns.MovieId);
                if (!seen.Add(id)) throw reader.Error(0, Columns.MovieId, "is a duplicate movieId");
                ids.Add(id);
                titles.Add(reader.GetString(1, Columns.Title));
                flags.Clear();
                for (var g = 0; g < Ml100kGenres.Length; g++)
                {
                    var f = reader.Field(5 + g);
                    if (f.Length != 1 || (f[0] != (byte)'0' && f[0] != (byte)'1'))
                    {
                        throw reader.Error(5 + g, itemNames[5 + g], "is not a genre flag (0 or 1)");
                    }

                    if (f[0] == (byte)'1') flags.Add(Ml100kGenres[g]);
                }

                if (flags.Count > 1) flags.Remove(Ml100kGenres[0]);
                genres.Add(flags.Count == 0 ? Ml100kGenres[0] : string.Join('|', flags));
            }
        }

        var movies = new DataFrame(ids.ToColumn(Columns.MovieId), new StringDataFrameColumn(Columns.Title, titles), new StringDataFrameColumn(Columns.Genres, genres));
        return new MovieLensDataset(name, folder, MovieLensFormat.Ml100k, RatingScale.WholeStars, ratings, movies);
    }

    /// <summary>Reads a <c>links.csv</c>; an empty tmdbId or imdbId becomes null.</summary>
    public static DataFrame LoadLinksCsv(string path)
    {
        using var reader = new DelimitedReader(path, ",", quoting: true, TextEncodingKind.Utf8Strict);
        var map = ReadHeader(reader, LinkNames);
        var movie = new PrimitiveColumnBuilder<int>(reader.Length / 20);
        var imdb = new PrimitiveColumnBuilder<int>(reader.Length / 20);
        var tmdb = new PrimitiveColumnBuilder<int>(reader.Length / 20);
        while (reader.Read())
        {
            reader.RequireFieldCount(map.Width, map.HeaderNames);
            movie.Add(reader.GetId(map[0], Columns.MovieId));
            imdb.Add(reader.GetNullableInt32(map[1], Columns.ImdbId));
            tmdb.Add(reader.GetNullableInt32(map[2], Columns.TmdbId));
        }

        return new DataFrame(movie.ToColumn(Columns.MovieId), imdb.ToColumn(Columns.ImdbId), tmdb.ToColumn(Columns.TmdbId));
    }

    /// <summary>Reads a <c>genome-scores.csv</c> (movieId, tagId, relevance in [0, 1]).</summary>
    public static DataFrame LoadGenomeScores(string path)
    {
        using var reader = new DelimitedReader(path, ",", quoting: true, TextEncodingKind.Utf8Strict);
        var map = ReadHeader(reader, GenomeScoreNames);
        var capacity = reader.Length / 24;
        var movie = new PrimitiveColumnBuilder<int>(capacity);
        var tag = new PrimitiveColumnBuilder<int>(capacity);
        var relevance = new PrimitiveColumnBuilder<float>(capacity);
        while (reader.Read())
        {
            reader.RequireFieldCount(map.Width, map.HeaderNames);
            movie.Add(reader.GetId(map[0], Columns.MovieId));
            tag.Add(reader.GetId(map[1], Columns.TagId));
            var r = reader.GetDouble(map[2], Columns.Relevance);
            if (r is < 0 or > 1) throw reader.Error(map[2], Columns.Relevance, "is outside the relevance range [0, 1]");
            relevance.Add((float)r);
        }

        return new DataFrame(movie.ToColumn(Columns.MovieId), tag.ToColumn(Columns.TagId), relevance.ToColumn(Columns.Relevance));
    }

    /// <summary>Reads a <c>genome-tags.csv</c> (tagId, tag).</summary>
    public static DataFrame LoadGenomeTags(string path)
    {
        using var reader = new DelimitedReader(path, ",", quoting: true, TextEncodingKind.Utf8Strict);
        var map = ReadHeader(reader, GenomeTagNames);
        var ids = new PrimitiveColumnBuilder<int>();
        var tags = new List<string>();
        while (reader.Read())
        {
            reader.RequireFieldCount(map.Width, map.HeaderNames);
            ids.Add(reader.GetId(map[0], Columns.TagId));
            tags.Add(reader.GetString(map[1], Columns.Tag));
        }

        return new DataFrame(ids.ToColumn(Columns.TagId), new StringDataFrameColumn(Columns.Tag, tags));
    }

    private static DataFrame LoadTags(string path, string separator, bool quoting, bool header, TextEncodingKind encoding)
    {
        using var reader = new DelimitedReader(path, separator, quoting, encoding);
        var map = header ? ReadHeader(reader, TagNames) : ColumnMap.Identity(TagNames);
        var users = new PrimitiveColumnBuilder<int>(reader.Length / 30);
        var movies = new PrimitiveColumnBuilder<int>(reader.Length / 30);
        var tags = new List<string>();
        var times = new PrimitiveColumnBuilder<long>(reader.Length / 30);
        while (reader.Read())
        {
            reader.RequireFieldCount(map.Width, map.HeaderNames);
            users.Add(reader.GetId(map[0], Columns.UserId));
            movies.Add(reader.GetId(map[1], Columns.MovieId));
            tags.Add(reader.GetString(map[2], Columns.Tag));
            times.Add(reader.GetUnixTime(map[3], Columns.Timestamp));
        }

        return new DataFrame(users.ToColumn(Columns.UserId), movies.ToColumn(Columns.MovieId), new StringDataFrameColumn(Columns.Tag, tags), times.ToColumn(Columns.Timestamp));
    }

    private static DataFrame ReadRatings(DelimitedReader reader, ColumnMap map, RatingScale scale)
    {
        // Typical rating lines are 20–28 bytes; a slight over-estimate avoids regrowing the buffers.
        var capacity = reader.Length / 21 + 1024;
        var users = new PrimitiveColumnBuilder<int>(capacity);
        var movies = new PrimitiveColumnBuilder<int>(capacity);
        var ratings = new PrimitiveColumnBuilder<double>(capacity);
        var times = new PrimitiveColumnBuilder<long>(capacity);
        var names = map.HeaderNames;
        var width = map.Width;
        int iu = map[0], im = map[1], ir = map[2], it = map[3];
        while (reader.Read())
        {
            if (reader.FieldCount != width) reader.RequireFieldCount(width, names);
            users.Add(reader.GetId(iu, Columns.UserId));
            movies.Add(reader.GetId(im, Columns.MovieId));
            var r = reader.GetDouble(ir, Columns.Rating);
            if (!scale.Contains(r)) throw reader.Error(ir, Columns.Rating, $"is not a rating on this release's scale ({scale})");
            ratings.Add(r);
            times.Add(reader.GetUnixTime(it, Columns.Timestamp));
        }

        if (users.Count == 0) throw new DataFileException(reader.Path, "holds no ratings", reader.Line == 0 ? 1 : reader.Line);
        return new DataFrame(users.ToColumn(Columns.UserId), movies.ToColumn(Columns.MovieId), ratings.ToColumn(Columns.Rating), times.ToColumn(Columns.Timestamp));
    }

    private static DataFrame ReadMovies(DelimitedReader reader, ColumnMap map)
    {
        var ids = new PrimitiveColumnBuilder<int>(reader.Length / 40);
        var titles = new List<string>();
        var genres = new List<string>();
        var seen = new HashSet<int>();
        var genreCache = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            reader.RequireFieldCount(map.Width, map.HeaderNames);
            var id = reader.GetId(map[0], Columns.MovieId);
            if (!seen.Add(id)) throw reader.Error(map[0], Columns.MovieId, "is a duplicate movieId");
            ids.Add(id);
            titles.Add(reader.GetString(map[1], Columns.Title));
            var g = reader.GetString(map[2], Columns.Genres);
            genres.Add(genreCache.TryGetValue(g, out var cached) ? cached : genreCache[g] = g);
        }

        if (ids.Count == 0) throw new DataFileException(reader.Path, "holds no movies (a header and no rows)", reader.Line == 0 ? 1 : reader.Line);
        return new DataFrame(ids.ToColumn(Columns.MovieId), new StringDataFrameColumn(Columns.Title, titles), new StringDataFrameColumn(Columns.Genres, genres));
    }

    /// <summary>The ratings file of a release format: ratings.csv, u.data or ratings.dat.</summary>
    public static string RatingsFileName(MovieLensFormat format) => format switch
    {
        MovieLensFormat.Ml100k => "u.data",
        MovieLensFormat.Ml1m or MovieLensFormat.Ml10m => "ratings.dat",
        _ => "ratings.csv",
    };

    /// <summary>Reads the header record and maps each required name to its field position.</summary>
    internal static ColumnMap ReadHeader(DelimitedReader reader, IReadOnlyList<string> required)
    {
        if (!reader.Read()) throw new DataFileException(reader.Path, "file is empty (no header)", 1);
        var header = new string[reader.FieldCount];
        for (var i = 0; i < header.Length; i++) header[i] = reader.GetString(i, $"#{i + 1}").Trim();
        if (Array.FindIndex(header, h => h.Contains('\r', StringComparison.Ordinal)) is var cr and >= 0)
        {
            throw reader.Error(cr, $"#{cr + 1}", "holds a carriage return: the file uses old Mac (CR-only) line endings, so it reads as one line; convert them to LF or CRLF (for example with 'tr \"\\r\" \"\\n\"')");
        }

        if (header.Length == 1 && required.Count > 1)
        {
            foreach (var (sep, label) in new[] { (';', "';'"), ('\t', "tab"), ('|', "'|'") })
            {
                if (header[0].Contains(sep))
                {
                    throw new DataFileException(reader.Path, $"uses the wrong separator: the header looks {label}-separated, expected ','", 1, null, header[0]);
                }
            }
        }

        // One pass over the header (linear in its width): the first position of every name.
        var firstAt = new Dictionary<string, int>(header.Length, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Length; i++)
        {
            var first = firstAt.TryAdd(header[i], i) ? i : firstAt[header[i]];
            if (first < i && header[i].Length > 0 && required.Contains(header[i], StringComparer.OrdinalIgnoreCase))
            {
                throw new DataFileException(reader.Path, string.Create(CultureInfo.InvariantCulture,
                    $"has the column '{header[i]}' twice in its header (positions {first + 1} and {i + 1}), so which one to read is ambiguous"), 1, null, string.Join(",", header));
            }
        }

        var positions = new int[required.Count];
        for (var r = 0; r < required.Count; r++)
        {
            positions[r] = firstAt.GetValueOrDefault(required[r], -1);
            if (positions[r] < 0)
            {
                throw new DataFileException(reader.Path, $"has no column '{required[r]}' in its header (expected {string.Join(",", required)})", 1, null, string.Join(",", header));
            }
        }

        return new ColumnMap(positions, header);
    }

    private static TextEncodingKind DetectEncoding(string path)
    {
        // .dat text files are small (movies, tags); the 1M release is Latin-1, later ones are UTF-8.
        var bytes = File.ReadAllBytes(path);
        return Utf8.IsValid(bytes) ? TextEncodingKind.Utf8Strict : TextEncodingKind.Latin1;
    }

    private static string RequiredFile(string folder, string file)
    {
        var path = Path.Combine(folder, file);
        if (Directory.Exists(path)) throw new DataFileException(path, "is a folder, not a file");
        if (!File.Exists(path)) throw new DataFileException(path, "file not found");
        return RequireRegular(path);
    }

    /// <summary>A device or a named pipe in place of a data file is one clear error, before anything reads it; a file that
    /// vanished since it was found (its folder replaced meanwhile, as a forced re-download does) is "file not found".</summary>
    private static string RequireRegular(string path) => FileKinds.Of(Path.GetFullPath(path)) switch
    {
        FileKind.Regular => path,
        FileKind.Missing => throw new DataFileException(path, "file not found"),
        var kind => throw new DataFileException(path, $"is {FileKinds.Describe(kind)}, not a data file (the readers need a regular file)"),
    };

    private static string? OptionalFile(string folder, string file)
    {
        var path = Path.Combine(folder, file);
        if (Directory.Exists(path)) throw new DataFileException(path, "is a folder, not a file (the file is optional, but a folder of its name is a mistake)");
        return File.Exists(path) ? RequireRegular(path) : null;
    }
}
