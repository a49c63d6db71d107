namespace MovieRec.Features;

/// <summary>
/// One vector per movie for cosine search: standardized numeric features, genre indicators, the text embedding and the
/// genome embedding, each block scaled to unit norm and weighted, the whole row then L2-normalized.
/// </summary>
/// <remarks>
/// <para>Block b of movie i: <c>w_b · x_b / ‖x_b‖</c> (a zero block stays zero), where the numeric block is
/// <c>(x − mean) / std</c> with mean and std over the movies that have training ratings. Similarity of two movies is the dot
/// product of their rows, in [−1, 1]; a movie's similarity to itself is 1.</para>
/// <para>This fixes the original project's fault, where raw counts and years dominated the cosine and every movie without
/// an overview looked identical to every other (1.000): here such movies differ by genres and standardized statistics,
/// and their missing text contributes nothing instead of a shared constant.</para>
/// </remarks>
public sealed class MovieEmbeddingSpace
{
    private readonly MovieCatalog _catalog;

    private MovieEmbeddingSpace(MovieCatalog catalog, float[] vectors, int dimensions, MovieSpaceOptions options)
    {
        _catalog = catalog;
        Vectors = vectors;
        Dimensions = dimensions;
        Options = options;
    }

    /// <summary>The movieId of each row: the rows are the catalog's (the dataset's movie indexes).</summary>
    public IReadOnlyList<int> MovieIds => _catalog.MovieIds;

    /// <summary>The catalog whose rows the space's rows are.</summary>
    internal MovieCatalog Catalog => _catalog;

    /// <summary>Row-major unit vectors, movies × <see cref="Dimensions"/>.</summary>
    public float[] Vectors { get; }

    /// <summary>Vector length.</summary>
    public int Dimensions { get; }

    /// <summary>The weights used.</summary>
    public MovieSpaceOptions Options { get; }

    /// <summary>The row of <paramref name="movieId"/>, or -1.</summary>
    public int RowOf(int movieId) => _catalog.RowOf(movieId);

    /// <summary>The unit vector of row <paramref name="row"/>.</summary>
    public ReadOnlySpan<float> Vector(int row) => Vectors.AsSpan(row * Dimensions, Dimensions);

    /// <summary>Cosine similarity of two movies (0 when either is unknown).</summary>
    public double Similarity(int movieA, int movieB)
    {
        int a = RowOf(movieA), b = RowOf(movieB);
        return a < 0 || b < 0 ? 0 : System.Numerics.Tensors.TensorPrimitives.Dot(Vector(a), Vector(b));
    }

    /// <summary>The <paramref name="count"/> movies most similar to <paramref name="movieId"/>, itself excluded, best first (ties by row, i.e. movie index). O(movies · dimensions) plus a partial sort.</summary>
    public IReadOnlyList<(int MovieId, double Similarity)> MostSimilar(int movieId, int count)
    {
        var row = RowOf(movieId);
        if (row < 0) return [];
        var scores = new float[_catalog.Count];
        Similarities(Vector(row), scores);
        return [.. Algorithms.TopK.Select(scores, count, [row]).Select(i => (MovieIds[i], (double)scores[i]))];
    }

    /// <summary>Cosine similarity of <paramref name="query"/> (a unit vector) with every movie, in row order.</summary>
    public void Similarities(ReadOnlySpan<float> query, Span<float> destination)
    {
        var count = _catalog.Count; // not MovieIds.Count: an interface call per movie
        for (var i = 0; i < count; i++) destination[i] = System.Numerics.Tensors.TensorPrimitives.Dot(query, Vector(i));
    }

    /// <summary>Writes the vectors (a saved recommender keeps its space, so a cold start does not rebuild it).</summary>
    internal void Write(BinaryWriter w)
    {
        w.Write(Dimensions);
        w.WriteFloats(Vectors);
    }

    /// <summary>Reads a space written by <see cref="Write"/> for <paramref name="catalog"/>'s rows.</summary>
    /// <exception cref="InvalidDataException">The vectors are not one row of the stored width per catalog movie.</exception>
    internal static MovieEmbeddingSpace Read(BinaryReader r, MovieCatalog catalog, MovieSpaceOptions options)
    {
        var dimensions = r.ReadInt32();
        var vectors = r.ReadFloats();
        if (dimensions <= 0 || vectors.Length != (long)catalog.Count * dimensions)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"the similarity space holds {vectors.Length:N0} values of width {dimensions}, not one row per movie of the catalog's {catalog.Count:N0}"));
        }

        return new MovieEmbeddingSpace(catalog, vectors, dimensions, options);
    }

    /// <summary>Builds the space from a fitted feature model.</summary>
    public static MovieEmbeddingSpace Build(FeatureModel model, MovieSpaceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        options ??= new MovieSpaceOptions();
        var catalog = model.Catalog;
        var names = model.MovieFeatureNames.ToList();
        var mw = names.Count;
        var table = model.MovieTable.ToArray();
        var numeric = options.NumericFeatures.Select(n => names.IndexOf(n)).ToArray();
        if (numeric.Any(i => i < 0)) throw new ArgumentException("Unknown numeric feature: " + string.Join(", ", options.NumericFeatures.Where(n => !names.Contains(n))), nameof(options));
        var countAt = names.IndexOf("movieCount");
        var text = Block(names, "text");
        var genome = Block(names, "genome");
        var g = catalog.GenreNames.Count;
        var d = numeric.Length + g + text.Length + genome.Length;

        // Standardize with the movies that have training ratings.
        var mean = new double[numeric.Length];
        var std = new double[numeric.Length];
        var trained = Enumerable.Range(0, catalog.Count).Where(m => table[(m * mw) + countAt] > 0).ToArray();
        for (var j = 0; j < numeric.Length; j++)
        {
            var values = trained.Select(m => (double)table[(m * mw) + numeric[j]]).ToArray();
            mean[j] = values.Length > 0 ? values.Average() : 0;
            std[j] = values.Length > 1 ? Math.Sqrt(values.Sum(v => (v - mean[j]) * (v - mean[j])) / (values.Length - 1)) : 1;
            if (std[j] < 1e-12) std[j] = 1;
        }

        var vectors = new float[catalog.Count * d];
        for (var m = 0; m < catalog.Count; m++)
        {
            var row = table.AsSpan(m * mw, mw);
            var v = vectors.AsSpan(m * d, d);
            for (var j = 0; j < numeric.Length; j++) v[j] = (float)((row[numeric[j]] - mean[j]) / std[j]);
            foreach (var genre in catalog.GenreIndices[m]) v[numeric.Length + genre] = 1f;
            for (var j = 0; j < text.Length; j++) v[numeric.Length + g + j] = row[text[j]];
            for (var j = 0; j < genome.Length; j++) v[numeric.Length + g + text.Length + j] = row[genome[j]];
            Scale(v[..numeric.Length], options.NumericWeight);
            Scale(v.Slice(numeric.Length, g), options.GenreWeight);
            Scale(v.Slice(numeric.Length + g, text.Length), options.TextWeight);
            Scale(v.Slice(numeric.Length + g + text.Length, genome.Length), options.GenomeWeight);
            Scale(v, 1f);
        }

        return new MovieEmbeddingSpace(catalog, vectors, d, options);
    }

    private static int[] Block(List<string> names, string prefix) =>
        [.. Enumerable.Range(0, names.Count).Where(i => names[i].StartsWith(prefix, StringComparison.Ordinal))];

    /// <summary>Scales <paramref name="block"/> to norm <paramref name="weight"/> (a zero block stays zero).</summary>
    private static void Scale(Span<float> block, float weight)
    {
        if (block.IsEmpty) return;
        var norm = System.Numerics.Tensors.TensorPrimitives.Norm(block);
        if (norm < 1e-12f) return;
        System.Numerics.Tensors.TensorPrimitives.Multiply(block, weight / norm, block);
    }
}
