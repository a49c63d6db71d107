namespace MovieRec.Algorithms;

/// <summary>A fitted <see cref="PureSvd"/> model.</summary>
public sealed class PureSvdModel : IDenseScorer, ILatentScorer
{
    private readonly int _k;
    private readonly float[] _offset;
    private readonly LatentFactors _factors; // U Σ and V, with V transposed for scoring
    private readonly bool _centered;

    internal PureSvdModel(RatingDataset train, int k, float[] offset, float[] p, float[] q, double[] singularValues, bool centered)
    {
        Train = train;
        _k = k;
        _offset = offset;
        _factors = new LatentFactors(k, p, q);
        SingularValues = singularValues;
        _centered = centered;
    }

    /// <inheritdoc />
    public RatingDataset Train { get; }

    /// <summary>Writes the learned factors (not the ratings: <see cref="Read"/> takes them back).</summary>
    internal void Write(BinaryWriter w)
    {
        w.Write(_k);
        w.WriteFloats(_offset);
        w.WriteFloats(_factors.Users);
        w.WriteFloats(_factors.Items);
        w.WriteDoubles([.. SingularValues]);
        w.Write(_centered);
    }

    /// <summary>Reads a model written by <see cref="Write"/> for the same <paramref name="train"/> ratings.</summary>
    /// <exception cref="InvalidDataException">The factors do not fit <paramref name="train"/> (another dataset's model).</exception>
    internal static PureSvdModel Read(BinaryReader r, RatingDataset train)
    {
        var (k, offset, p, q, sigma, centered) = (r.ReadInt32(), r.ReadFloats(), r.ReadFloats(), r.ReadFloats(), r.ReadDoubles(), r.ReadBoolean());
        int users = train.UserIds.Count, items = train.ItemIds.Count;
        if (k < 1 || offset.Length != users || p.Length != (long)users * k || q.Length != (long)items * k || sigma.Length != k)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"the SVD factors ({offset.Length:N0} users, {(k < 1 ? 0 : q.Length / k):N0} movies, k = {k}) do not fit the ratings ({users:N0} users, {items:N0} movies): the part comes from another model"));
        }

        return new(train, k, offset, p, q, sigma, centered);
    }

    /// <inheritdoc />
    public bool PredictsRatings => _centered;

    /// <summary>The singular values σ_1 ≥ … ≥ σ_k (for a spectrum plot).</summary>
    public IReadOnlyList<double> SingularValues { get; }

    /// <inheritdoc />
    public Prediction Predict(int userId, int movieId)
    {
        int u = Train.UserIndex(userId), i = Train.ItemIndex(movieId);
        var source = Prediction.SourceOf(u, i);
        if (u < 0) return new(_centered ? Train.GlobalMean : 0, source);
        double value = _offset[u];
        if (i >= 0) value += _factors.Dot(u, i);
        return new(_centered ? Math.Clamp(value, Train.MinRating, Train.MaxRating) : value, source);
    }

    /// <inheritdoc />
    public void ScoreDense(int user, Span<float> scores)
    {
        // scores = c_u + Σ_f p_uf · V_f: k vectorized passes over the items (V_f fits in cache), not one dot per item.
        _factors.Score(_factors.User(user), scores, _offset[user]);
    }

    LatentFactors ILatentScorer.Factors => _factors;

    ReadOnlySpan<float> ILatentScorer.ItemOffsets => default;

    float ILatentScorer.UserOffset(int user) => _offset[user];

    /// <summary>Scores every training movie for a new user from (movieId, rating) pairs by projection: p = (r − c)V.</summary>
    public float[] FoldInScores(IEnumerable<(int MovieId, double Rating)> ratings)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var known = ratings.Select(r => (Item: Train.ItemIndex(r.MovieId), r.Rating)).Where(r => r.Item >= 0).ToArray();
        var c = _centered && known.Length > 0 ? (float)known.Average(r => r.Rating) : 0f;
        var p = new float[_k];
        foreach (var (item, rating) in known) TensorPrimitives.MultiplyAdd(_factors.Items.AsSpan(item * _k, _k), (float)rating - c, p, p);
        var scores = new float[Train.ItemIds.Count];
        for (var i = 0; i < scores.Length; i++) scores[i] = c + TensorPrimitives.Dot(p, _factors.Items.AsSpan(i * _k, _k));
        return scores;
    }

    /// <summary>The singular value spectrum: component (1-based), singularValue, energy (σ² share of the kept
    /// components) and cumulative energy.</summary>
    /// <remarks>A fast decay means a few taste dimensions explain most of the (centred) rating matrix; the knee is a
    /// natural <c>Factors</c> value.</remarks>
    public DataFrame Spectrum()
    {
        var total = SingularValues.Sum(s => s * s);
        var cumulative = 0.0;
        return new DataFrame(
            new Int32DataFrameColumn("component", Enumerable.Range(1, SingularValues.Count)),
            new DoubleDataFrameColumn("singularValue", SingularValues),
            new DoubleDataFrameColumn("energy", SingularValues.Select(s => s * s / total)),
            new DoubleDataFrameColumn("cumulative", SingularValues.Select(s => cumulative += s * s / total)));
    }
}
