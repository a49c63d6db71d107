using MathNet.Numerics.LinearAlgebra;
using SimdVector = System.Numerics.Vector;

namespace MovieRec.Algorithms;

/// <summary>A fitted <see cref="BiasedMF"/> model.</summary>
public sealed class BiasedMFModel : IDenseScorer, IKnownPairPredictor
{
    private readonly float _mu;
    private readonly float[] _bu;
    private readonly float[] _bi;
    private readonly float[] _p;
    private readonly float[] _q;

    internal BiasedMFModel(RatingDataset train, BiasedMFOptions options, float mu, float[] bu, float[] bi, float[] p, float[] q)
    {
        Train = train;
        Options = options;
        _mu = mu;
        _bu = bu;
        _bi = bi;
        _p = p;
        _q = q;
    }

    /// <inheritdoc />
    public RatingDataset Train { get; }

    /// <summary>The options it was fitted with.</summary>
    public BiasedMFOptions Options { get; }

    /// <inheritdoc />
    public bool PredictsRatings => true;

    /// <summary>Item factors q_i (items × k, row-major), e.g. for similarity.</summary>
    public ReadOnlySpan<float> ItemFactors => _q;

    /// <summary>User factors p_u (users × k, row-major).</summary>
    public ReadOnlySpan<float> UserFactors => _p;

    /// <inheritdoc />
    public Prediction Predict(int userId, int movieId)
    {
        int u = Train.UserIndex(userId), i = Train.ItemIndex(movieId);
        if (u >= 0 && i >= 0) return new(((IKnownPairPredictor)this).PredictKnown(u, i), PredictionSource.Model);
        double value = _mu + (u >= 0 ? _bu[u] : 0) + (i >= 0 ? _bi[i] : 0);
        return new(Math.Clamp(value, Train.MinRating, Train.MaxRating), Prediction.SourceOf(u, i));
    }

    /// <inheritdoc />
    double IKnownPairPredictor.PredictKnown(int user, int item)
    {
        var k = Options.Factors;
        double value = _mu + _bu[user] + _bi[item];
        value += TensorPrimitives.Dot(_p.AsSpan(user * k, k), _q.AsSpan(item * k, k));
        return Math.Clamp(value, Train.MinRating, Train.MaxRating);
    }

    /// <inheritdoc />
    public void ScoreDense(int user, Span<float> scores) => ScoreWith(_bu[user], _p.AsSpan(user * Options.Factors, Options.Factors), scores);

    /// <summary>
    /// A new user's bias and factors from a few (movieId, rating) pairs, without retraining: ridge regression of
    /// r − μ − b_i on [1, q_i] with penalty <see cref="BiasedMFOptions.FoldInRegularization"/>. Unknown movies are ignored.
    /// </summary>
    public FoldedInUser FoldIn(IEnumerable<(int MovieId, double Rating)> ratings)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var k = Options.Factors;
        var rows = ratings.Select(r => (Item: Train.ItemIndex(r.MovieId), r.Rating)).Where(r => r.Item >= 0).ToArray();
        var a = Matrix<double>.Build.Dense(k + 1, k + 1);
        var b = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(k + 1);
        foreach (var (item, rating) in rows)
        {
            var x = new double[k + 1];
            x[0] = 1;
            for (var f = 0; f < k; f++) x[f + 1] = _q[(item * k) + f];
            var y = rating - _mu - _bi[item];
            for (var m = 0; m <= k; m++)
            {
                b[m] += x[m] * y;
                for (var n = 0; n <= k; n++) a[m, n] += x[m] * x[n];
            }
        }

        for (var m = 0; m <= k; m++) a[m, m] += Options.FoldInRegularization;
        var solution = a.Cholesky().Solve(b);
        var factors = new float[k];
        for (var f = 0; f < k; f++) factors[f] = (float)solution[f + 1];
        return new FoldedInUser(this, (float)solution[0], factors, [.. rows.Select(r => r.Item).Order()]);
    }

    internal void ScoreWith(float userBias, ReadOnlySpan<float> factors, Span<float> scores)
    {
        var k = Options.Factors;
        var b = _mu + userBias;
        for (var i = 0; i < scores.Length; i++) scores[i] = b + _bi[i] + TensorPrimitives.Dot(factors, _q.AsSpan(i * k, k));
    }

    internal double PredictWith(float userBias, ReadOnlySpan<float> factors, int item)
    {
        double value = _mu + userBias + _bi[item] + TensorPrimitives.Dot(factors, _q.AsSpan(item * Options.Factors, Options.Factors));
        return Math.Clamp(value, Train.MinRating, Train.MaxRating);
    }
}
