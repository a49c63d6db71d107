namespace MovieRec.Data;

/// <summary>The file layout of a MovieLens release.</summary>
public enum MovieLensFormat
{
    /// <summary>ml-100k: tab-separated <c>u.data</c> without header, <c>|</c>-separated Latin-1 <c>u.item</c> with 19 genre flags.</summary>
    Ml100k,

    /// <summary>ml-1m: <c>::</c>-separated <c>ratings.dat</c>, <c>movies.dat</c>, <c>users.dat</c>; whole-star ratings.</summary>
    Ml1m,

    /// <summary>ml-10m: <c>::</c>-separated <c>ratings.dat</c>, <c>movies.dat</c>, <c>tags.dat</c>; half-star ratings.</summary>
    Ml10m,

    /// <summary>The CSV releases (ml-latest-small, 20M, 25M, 32M, latest) and MovieRec's own generated data: <c>ratings.csv</c>, <c>movies.csv</c> and optional <c>links.csv</c>, <c>tags.csv</c>, <c>genome-*.csv</c>, <c>movie_metadata.csv</c>.</summary>
    Csv,
}
