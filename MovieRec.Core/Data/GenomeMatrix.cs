namespace MovieRec.Data;

/// <summary>
/// The tag genome as a dense movie × tag relevance matrix: one row per movie that has scores, one column per tag,
/// row-major float32.
/// </summary>
/// <remarks>
/// Rows are ordered by movieId, columns by tagId. A (movie, tag) pair absent from the scores (a truncated file such as
/// the seed sample's) is stored as 0 and counted in <see cref="MissingCount"/>. Memory: 13,816 movies × 1,128 tags of the
/// 25M release take 62 MB.
/// </remarks>
public sealed class GenomeMatrix
{
    private readonly Dictionary<int, int> _rowOf;

    private GenomeMatrix(int[] movieIds, int[] tagIds, string[] tags, float[] values, long missing)
    {
        MovieIds = movieIds;
        TagIds = tagIds;
        Tags = tags;
        Values = values;
        MissingCount = missing;
        _rowOf = new Dictionary<int, int>(movieIds.Length);
        for (var i = 0; i < movieIds.Length; i++) _rowOf[movieIds[i]] = i;
    }

    /// <summary>The movieId of each row, ascending.</summary>
    public IReadOnlyList<int> MovieIds { get; }

    /// <summary>The tagId of each column, ascending.</summary>
    public IReadOnlyList<int> TagIds { get; }

    /// <summary>The tag name of each column.</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>Row-major relevance values, <c>MovieCount × TagCount</c>.</summary>
    public float[] Values { get; }

    /// <summary>The number of rows (movies).</summary>
    public int MovieCount => MovieIds.Count;

    /// <summary>The number of columns (tags).</summary>
    public int TagCount => TagIds.Count;

    /// <summary>How many (movie, tag) cells had no score and hold 0.</summary>
    public long MissingCount { get; }

    /// <summary>The relevance vector of row <paramref name="row"/>.</summary>
    public ReadOnlySpan<float> Row(int row) => Values.AsSpan(row * TagCount, TagCount);

    /// <summary>The row of <paramref name="movieId"/>, or -1 when the genome does not cover it.</summary>
    public int RowOf(int movieId) => _rowOf.TryGetValue(movieId, out var row) ? row : -1;

    /// <summary>Builds the matrix from the genome scores and tags tables.</summary>
    /// <exception cref="ArgumentException">A score names a tagId that the tags table lacks.</exception>
    public static GenomeMatrix From(DataFrame scores, DataFrame tags)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(tags);
        var tagIds = tags.ToArray<int>(Columns.TagId);
        var tagNames = tags.ToStringArray(Columns.Tag);
        Array.Sort(tagIds, tagNames);
        var colOf = new Dictionary<int, int>(tagIds.Length);
        for (var i = 0; i < tagIds.Length; i++) colOf[tagIds[i]] = i;

        var movies = scores.ToArray<int>(Columns.MovieId);
        var scoreTags = scores.ToArray<int>(Columns.TagId);
        var relevance = scores.ToArray<float>(Columns.Relevance);
        var movieIds = movies.Distinct().Order().ToArray();
        var rowOf = new Dictionary<int, int>(movieIds.Length);
        for (var i = 0; i < movieIds.Length; i++) rowOf[movieIds[i]] = i;

        var values = new float[(long)movieIds.Length * tagIds.Length];
        var filled = new System.Collections.BitArray(values.Length);
        var filledCount = 0L;
        for (var i = 0; i < movies.Length; i++)
        {
            if (!colOf.TryGetValue(scoreTags[i], out var col)) throw new ArgumentException($"Genome score row {i} names tagId {scoreTags[i]}, which genome-tags lacks.", nameof(scores));
            var cell = (rowOf[movies[i]] * tagIds.Length) + col;
            values[cell] = relevance[i];
            if (!filled[cell]) filledCount++;
            filled[cell] = true;
        }

        return new GenomeMatrix(movieIds, tagIds, tagNames, values, values.LongLength - filledCount);
    }
}
