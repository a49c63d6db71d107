namespace MovieRec.Data;

/// <summary>The tables of one MovieLens release, as loaded by <see cref="MovieLensLoader"/>; absent tables are null.</summary>
/// <remarks>
/// Column names and types are those of <see cref="Columns"/>: <c>Ratings</c> (userId Int32, movieId Int32, rating Double,
/// timestamp Int64), <c>Movies</c> (movieId, title, genres), <c>Links</c> (movieId, imdbId, tmdbId), <c>Tags</c> (userId,
/// movieId, tag, timestamp), <c>GenomeScores</c> (movieId, tagId, relevance Single), <c>GenomeTags</c> (tagId, tag) and
/// <c>Metadata</c> (see <see cref="MovieMetadataLoader"/>).
/// </remarks>
public sealed class MovieLensDataset
{
    /// <summary>Creates a dataset from its tables.</summary>
    public MovieLensDataset(string name, string folder, MovieLensFormat format, RatingScale scale, DataFrame ratings, DataFrame movies)
    {
        Name = name;
        Folder = folder;
        Format = format;
        Scale = scale;
        Ratings = ratings;
        Movies = movies;
    }

    /// <summary>The release name (the folder's name, e.g. <c>ml-latest-small</c>).</summary>
    public string Name { get; }

    /// <summary>The folder it was loaded from.</summary>
    public string Folder { get; }

    /// <summary>The detected file layout.</summary>
    public MovieLensFormat Format { get; }

    /// <summary>The release's rating scale; every rating was checked against it.</summary>
    public RatingScale Scale { get; }

    /// <summary>One row per rating.</summary>
    public DataFrame Ratings { get; }

    /// <summary>One row per movie.</summary>
    public DataFrame Movies { get; }

    /// <summary>movieId → imdbId, tmdbId (CSV releases).</summary>
    public DataFrame? Links { get; init; }

    /// <summary>User tags (10M and CSV releases).</summary>
    public DataFrame? Tags { get; init; }

    /// <summary>Tag-genome relevance, one row per (movie, tag) (25M, 32M and MovieRec's generated data).</summary>
    public DataFrame? GenomeScores { get; init; }

    /// <summary>Tag-genome tag names.</summary>
    public DataFrame? GenomeTags { get; init; }

    /// <summary>Movie metadata found in the folder as <c>movie_metadata.csv</c>, if any.</summary>
    public DataFrame? Metadata { get; init; }

    /// <summary>The dense movie × tag relevance matrix, when genome scores and tags are present.</summary>
    public GenomeMatrix? Genome => GenomeScores is not null && GenomeTags is not null ? _genome ??= GenomeMatrix.From(GenomeScores, GenomeTags) : null;

    private GenomeMatrix? _genome;
}
