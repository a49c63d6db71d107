using System.Text.RegularExpressions;

namespace MovieRec.Data;

/// <summary>Cleaning of the merged movies table and the ratings table, with a report of every change.</summary>
public static partial class DataCleaning
{
    private static readonly string[] TextColumns =
    [
        Columns.Title, Columns.Genres, Columns.TitleMeta, Columns.Overview, Columns.PosterUrl, Columns.GenresMeta,
        Columns.Actors, Columns.Directors, Columns.Keywords,
    ];

    /// <summary>Cleans ratings and (merged) movies.</summary>
    /// <remarks>
    /// <list type="number">
    /// <item>Missing text fields (title, genres and every metadata text column present) become empty strings.</item>
    /// <item><c>releaseYear</c>: the metadata's year, else the year in the title ("Toy Story (1995)" → 1995), else the
    /// median of the years known; the column is added when absent and never null afterwards.</item>
    /// <item>Ratings become Double (from any numeric type).</item>
    /// <item>Duplicate (userId, movieId) ratings keep the latest timestamp (on a tie, the later row).</item>
    /// <item>Ratings of movies absent from the movies table are dropped (they would have no title or genres).</item>
    /// </list>
    /// The inputs are not modified. Every change is counted in <see cref="CleanResult.Report"/>.
    /// </remarks>
    public static CleanResult Clean(DataFrame ratings, DataFrame movies)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        ArgumentNullException.ThrowIfNull(movies);
        var report = new CleaningReport();
        var cleanMovies = CleanMovies(movies, report);
        var cleanRatings = CleanRatings(ratings, cleanMovies.ToArray<int>(Columns.MovieId), report);
        return new CleanResult(cleanRatings, cleanMovies, report);
    }

    /// <summary>Loads <paramref name="dataset"/>'s tables, merges movies with links and metadata (the dataset's own
    /// <c>movie_metadata.csv</c> unless <paramref name="metadata"/> is given) and cleans the result.</summary>
    public static CleanResult Clean(MovieLensDataset dataset, DataFrame? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var movies = DataMerge.MoviesWithMetadata(dataset.Movies, metadata ?? dataset.Metadata, dataset.Links);
        var clean = Clean(dataset.Ratings, movies);
        if (clean.Ratings.Rows.Count == 0 && dataset.Ratings.Rows.Count > 0)
        {
            throw new DataFileException(Path.Combine(dataset.Folder, MovieLensLoader.RatingsFileName(dataset.Format)),
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"none of its {dataset.Ratings.Rows.Count:N0} ratings refers to a movie of the movies file, so nothing is left after cleaning"));
        }

        return clean;
    }

    /// <summary>The release year in a MovieLens title, e.g. 1995 in "Toy Story (1995)" or "Babylon 5 (1994-1998)"; null when absent.</summary>
    public static int? YearFromTitle(string? title)
    {
        if (string.IsNullOrEmpty(title)) return null;
        var match = TitleYear().Match(title);
        return match.Success ? int.Parse(match.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    private static DataFrame CleanMovies(DataFrame movies, CleaningReport report)
    {
        var result = new DataFrame(movies.Columns.Select(c => c.Clone()));
        foreach (var name in TextColumns)
        {
            if (!result.HasColumn(name)) continue;
            var column = (StringDataFrameColumn)result[name];
            var filled = 0;
            for (long i = 0; i < column.Length; i++)
            {
                if (column[i] is null)
                {
                    column[i] = string.Empty;
                    filled++;
                }
            }

            report.Add("movies", name, "missing text set to empty string", filled);
        }

        var titles = result.ToStringArray(Columns.Title);
        var years = new int?[titles.Length];
        var fromMeta = 0;
        if (result.HasColumn(Columns.ReleaseYear))
        {
            var meta = (PrimitiveDataFrameColumn<int>)result[Columns.ReleaseYear];
            for (var i = 0; i < years.Length; i++)
            {
                years[i] = meta[i];
                if (years[i] is not null) fromMeta++;
            }

            result.Columns.Remove(Columns.ReleaseYear);
        }

        var fromTitle = 0;
        for (var i = 0; i < years.Length; i++)
        {
            if (years[i] is not null) continue;
            years[i] = YearFromTitle(titles[i]);
            if (years[i] is not null) fromTitle++;
        }

        var known = years.Where(y => y is not null).Select(y => y!.Value).Order().ToArray();
        var median = known.Length == 0 ? 2000 : known[(known.Length - 1) / 2];
        var fromMedian = 0;
        var filledYears = new Parsing.PrimitiveColumnBuilder<int>(years.Length);
        foreach (var y in years)
        {
            if (y is null) fromMedian++;
            filledYears.Add(y ?? median);
        }

        result.Columns.Add(filledYears.ToColumn(Columns.ReleaseYear));
        report.Add("movies", Columns.ReleaseYear, "release year from metadata", fromMeta, isChange: false);
        report.Add("movies", Columns.ReleaseYear, "release year taken from the title", fromTitle);
        report.Add("movies", Columns.ReleaseYear, $"release year unknown, set to the median ({median})", fromMedian);
        return result;
    }

    private static DataFrame CleanRatings(DataFrame ratings, int[] movieIds, CleaningReport report)
    {
        var result = new DataFrame(ratings.Columns.Select(c => c.Clone()));
        var ratingColumn = result[Columns.Rating];
        if (ratingColumn is not DoubleDataFrameColumn)
        {
            var asDouble = new DoubleDataFrameColumn(Columns.Rating, ratingColumn.Length);
            for (long i = 0; i < ratingColumn.Length; i++) asDouble[i] = ratingColumn[i] is { } v ? Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture) : null;
            var index = result.Columns.IndexOf(Columns.Rating);
            result.Columns.RemoveAt(index);
            result.Columns.Insert(index, asDouble);
            report.Add("ratings", Columns.Rating, $"converted from {ratingColumn.DataType.Name} to Double", (int)ratingColumn.Length);
        }

        var users = result.ToArray<int>(Columns.UserId);
        var movies = result.ToArray<int>(Columns.MovieId);
        var times = result.ToArray<long>(Columns.Timestamp);
        var keep = new bool[users.Length];
        Array.Fill(keep, true);

        var duplicates = MarkDuplicates(users, movies, times, keep);
        report.Add("ratings", $"{Columns.UserId}+{Columns.MovieId}", "duplicate rating dropped (kept the latest)", duplicates);

        var known = new HashSet<int>(movieIds);
        var orphans = 0;
        for (var i = 0; i < movies.Length; i++)
        {
            if (keep[i] && !known.Contains(movies[i]))
            {
                keep[i] = false;
                orphans++;
            }
        }

        report.Add("ratings", Columns.MovieId, "rating of a movie absent from movies dropped", orphans);
        if (duplicates == 0 && orphans == 0) return result;
        return result.Filter(keep);
    }

    /// <summary>Clears <paramref name="keep"/> for every (user, movie) rating that a later one supersedes; returns how many.</summary>
    private static int MarkDuplicates(int[] users, int[] movies, long[] times, bool[] keep)
    {
        var n = users.Length;
        var keys = new long[n];
        var sorted = true;
        for (var i = 0; i < n; i++)
        {
            keys[i] = ((long)users[i] << 32) | (uint)movies[i];
            if (i > 0 && keys[i] <= keys[i - 1]) sorted = false;
        }

        if (sorted) return 0; // MovieLens files are ordered by user then movie: strictly increasing keys mean no duplicates.

        var order = new int[n];
        for (var i = 0; i < n; i++) order[i] = i;
        Array.Sort(keys, order); // unstable: ties are resolved explicitly below
        var dropped = 0;
        var start = 0;
        while (start < n)
        {
            var end = start + 1;
            while (end < n && keys[end] == keys[start]) end++;
            if (end - start > 1)
            {
                var best = order[start];
                for (var j = start + 1; j < end; j++)
                {
                    var row = order[j];
                    if (times[row] > times[best] || (times[row] == times[best] && row > best)) best = row;
                }

                for (var j = start; j < end; j++)
                {
                    if (order[j] == best) continue;
                    keep[order[j]] = false;
                    dropped++;
                }
            }

            start = end;
        }

        return dropped;
    }

    [GeneratedRegex(@"\((\d{4})(?:\s*[-–]\s*\d{0,4}\s*)?\)\s*$")]
    private static partial Regex TitleYear();
}
