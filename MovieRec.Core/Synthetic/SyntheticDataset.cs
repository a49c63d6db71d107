using MovieRec.Data.Parsing;

namespace MovieRec.Synthetic;

/// <summary>A generated dataset: the tables of a CSV release plus seed-format metadata, and the planted truth.</summary>
public sealed class SyntheticDataset
{
    internal SyntheticDataset(SyntheticOptions options, SyntheticTruth truth, DataFrame ratings, DataFrame movies, DataFrame links,
        DataFrame tags, DataFrame metadata, DataFrame genomeScores, DataFrame genomeTags)
    {
        Options = options;
        Truth = truth;
        Ratings = ratings;
        Movies = movies;
        Links = links;
        Tags = tags;
        Metadata = metadata;
        GenomeScores = genomeScores;
        GenomeTags = genomeTags;
    }

    /// <summary>The options it was generated with.</summary>
    public SyntheticOptions Options { get; }

    /// <summary>The planted parameters.</summary>
    public SyntheticTruth Truth { get; }

    /// <summary>userId, movieId, rating, timestamp (ordered by user, then movie).</summary>
    public DataFrame Ratings { get; }

    /// <summary>movieId, title, genres.</summary>
    public DataFrame Movies { get; }

    /// <summary>movieId, imdbId, tmdbId.</summary>
    public DataFrame Links { get; }

    /// <summary>userId, movieId, tag, timestamp.</summary>
    public DataFrame Tags { get; }

    /// <summary>Metadata in the seed project's column order (written as <c>movie_metadata.csv</c>).</summary>
    public DataFrame Metadata { get; }

    /// <summary>movieId, tagId, relevance.</summary>
    public DataFrame GenomeScores { get; }

    /// <summary>tagId, tag.</summary>
    public DataFrame GenomeTags { get; }

    /// <summary>Fails unless <see cref="WriteTo"/> may write <paramref name="folder"/>: it is missing or empty, or
    /// <paramref name="overwrite"/> is set and it holds only what <see cref="WriteTo"/> writes (<see cref="FileNames"/> and a
    /// README.md, which is kept). A folder holding anything else is never replaced, with or without
    /// <paramref name="overwrite"/>: its other files are not ours to delete.</summary>
    /// <exception cref="IOException">The folder may not be written; the message says why.</exception>
    public static void CheckTarget(string folder, bool overwrite)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var full = Path.GetFullPath(folder);
        if (File.Exists(full)) throw new IOException($"{folder} is a file, not a folder.");
        if (!Directory.Exists(full) || !Directory.EnumerateFileSystemEntries(full).Any()) return;
        var foreign = Directory.EnumerateFileSystemEntries(full).Select(Path.GetFileName)
            .Where(n => n != "README.md" && !FileNames.Contains(n!, StringComparer.Ordinal)).Order(StringComparer.Ordinal).ToList();
        if (foreign.Count > 0)
        {
            throw new IOException($"{folder} holds {string.Join(", ", foreign.Take(5))}{(foreign.Count > 5 ? $" and {foreign.Count - 5} more" : "")}, which is not a generated dataset; refusing to replace the folder (write elsewhere, or move those out).");
        }

        if (!overwrite) throw new IOException($"{folder} already holds a generated dataset; replacing it needs overwrite (--force on the command line).");
    }

    /// <summary>The names of the files <see cref="WriteTo"/> writes.</summary>
    public static IReadOnlyList<string> FileNames { get; } =
        ["ratings.csv", "movies.csv", "links.csv", "tags.csv", "movie_metadata.csv", "genome-scores.csv", "genome-tags.csv"];

    /// <summary>
    /// Writes the dataset to <paramref name="folder"/> in the CSV release format (UTF-8, LF, RFC 4180 quoting, invariant
    /// numbers), into a temporary sibling folder first that is renamed into place, so a failure leaves nothing half-written;
    /// temporaries left by a killed run are deleted first.
    /// </summary>
    /// <exception cref="IOException"><paramref name="folder"/> exists and <paramref name="overwrite"/> is false, or it holds
    /// anything but a dataset this method wrote (see <see cref="CheckTarget"/>).</exception>
    public void WriteTo(string folder, bool overwrite = false)
    {
        folder = Path.GetFullPath(folder);
        CheckTarget(folder, overwrite);
        var parent = Path.GetDirectoryName(folder)!;
        Directory.CreateDirectory(parent);
        Temporaries.DeleteStale(folder, "tmp");
        var temp = Temporaries.NewPath(folder, "tmp");
        Directory.CreateDirectory(temp);
        try
        {
            CsvWriter.Write(Path.Combine(temp, "ratings.csv"), Ratings, ["userId", "movieId", "rating", "timestamp"], ratingFormat: true);
            CsvWriter.Write(Path.Combine(temp, "movies.csv"), Movies, ["movieId", "title", "genres"]);
            CsvWriter.Write(Path.Combine(temp, "links.csv"), Links, ["movieId", "imdbId", "tmdbId"]);
            CsvWriter.Write(Path.Combine(temp, "tags.csv"), Tags, ["userId", "movieId", "tag", "timestamp"]);
            CsvWriter.Write(Path.Combine(temp, "movie_metadata.csv"), Metadata,
                ["movieId", "title", "tmdb_id", "overview", "poster_url", "genres", "release_year", "actors", "directors"]);
            CsvWriter.Write(Path.Combine(temp, "genome-scores.csv"), GenomeScores, ["movieId", "tagId", "relevance"]);
            CsvWriter.Write(Path.Combine(temp, "genome-tags.csv"), GenomeTags, ["tagId", "tag"]);
            var readme = Path.Combine(folder, "README.md");
            if (File.Exists(readme)) File.Copy(readme, Path.Combine(temp, "README.md"));
            Temporaries.ReplaceFolder(temp, folder);
        }
        catch
        {
            if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
            throw;
        }
    }
}
