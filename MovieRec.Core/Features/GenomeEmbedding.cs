namespace MovieRec.Features;

/// <summary>Genome embeddings: each movie's tag-relevance vector reduced by a truncated SVD fitted on training movies.</summary>
/// <remarks>The embedding of relevance row g is <c>gV</c>, V the top right singular vectors of the training movies'
/// relevance matrix (uncentred, like LSA). Movies outside the genome get a zero vector and <c>hasGenome = 0</c>.</remarks>
public sealed class GenomeEmbedding
{
    private readonly GenomeMatrix _genome;
    private readonly double[] _projection; // tags × k, column-major

    private GenomeEmbedding(GenomeMatrix genome, double[] projection, int factors, double[] singularValues)
    {
        _genome = genome;
        _projection = projection;
        Factors = factors;
        SingularValues = singularValues;
    }

    /// <summary>Embedding dimensions.</summary>
    public int Factors { get; }

    /// <summary>Singular values of the training relevance matrix.</summary>
    public IReadOnlyList<double> SingularValues { get; }

    /// <summary>Fits the projection on the genome rows of <paramref name="trainingMovieIds"/>.</summary>
    public static GenomeEmbedding Fit(GenomeMatrix genome, IEnumerable<int> trainingMovieIds, int factors, int seed = 42, int? threads = null)
    {
        ArgumentNullException.ThrowIfNull(genome);
        ArgumentNullException.ThrowIfNull(trainingMovieIds);
        return FitRows(genome, trainingMovieIds.Select(genome.RowOf), factors, seed, threads);
    }

    /// <summary>Fits the projection on the genome rows <paramref name="genomeRows"/> (−1s, repeats and order ignored).</summary>
    internal static GenomeEmbedding FitRows(GenomeMatrix genome, IEnumerable<int> genomeRows, int factors, int seed, int? threads)
    {
        var rows = genomeRows.Where(r => r >= 0).Distinct().Order().ToArray();
        var t = genome.TagCount;
        if (rows.Length == 0 || factors <= 0) return new GenomeEmbedding(genome, [], 0, []);
        var start = new int[rows.Length + 1];
        var cols = new int[rows.Length * t];
        var vals = new double[rows.Length * t];
        for (var i = 0; i < rows.Length; i++)
        {
            var row = genome.Row(rows[i]);
            for (var j = 0; j < t; j++)
            {
                cols[(i * t) + j] = j;
                vals[(i * t) + j] = row[j];
            }

            start[i + 1] = (i + 1) * t;
        }

        var svd = RandomizedSvd.Compute(new CsrMatrix(rows.Length, t, start, cols, vals), new RandomizedSvdOptions { Factors = factors, Seed = seed, Threads = threads ?? Environment.ProcessorCount });
        return new GenomeEmbedding(genome, svd.Right, svd.Factors, svd.SingularValues);
    }

    /// <summary>Writes the embedding of <paramref name="movieId"/> into <paramref name="destination"/>; false (zeros) when the genome lacks the movie.</summary>
    public bool Embed(int movieId, Span<float> destination) => EmbedRow(_genome.RowOf(movieId), destination);

    /// <summary>The genome matrix the projection reads.</summary>
    internal GenomeMatrix Matrix => _genome;

    /// <summary>Writes the embedding of genome row <paramref name="row"/> of <see cref="Matrix"/>; false (zeros) for −1.</summary>
    internal bool EmbedRow(int row, Span<float> destination)
    {
        destination[..Factors].Clear();
        if (row < 0) return false;
        var g = _genome.Row(row);
        var t = _genome.TagCount;
        for (var c = 0; c < Factors; c++)
        {
            var sum = 0.0;
            var v = _projection.AsSpan(c * t, t);
            for (var j = 0; j < t; j++) sum += g[j] * v[j];
            destination[c] = (float)sum;
        }

        return true;
    }
}
