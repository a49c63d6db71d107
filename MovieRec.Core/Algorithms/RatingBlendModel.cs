namespace MovieRec.Algorithms;

/// <summary>A fitted <see cref="RatingBlend"/>: r̂ = w₀ + Σ_c w_c r̂_c over the components refitted on all training
/// ratings, clipped to [<see cref="RatingDataset.MinRating"/>, <see cref="RatingDataset.MaxRating"/>].</summary>
public sealed class RatingBlendModel : IDenseScorer
{
    private readonly double[] _weights;
    private readonly IDenseScorer[] _components;

    internal RatingBlendModel(RatingDataset train, IReadOnlyList<string> names, double[] weights, IDenseScorer[] components, int validationRatings)
    {
        Train = train;
        Components = names;
        _weights = weights;
        _components = components;
        ValidationRatings = validationRatings;
    }

    /// <inheritdoc />
    public RatingDataset Train { get; }

    /// <inheritdoc />
    public bool PredictsRatings => true;

    /// <summary>The component names, in the order of <see cref="Weights"/>.</summary>
    public IReadOnlyList<string> Components { get; }

    /// <summary>The intercept w₀.</summary>
    public double Intercept => _weights[0];

    /// <summary>The weight of each component.</summary>
    public IReadOnlyList<double> Weights => _weights[1..];

    /// <summary>How many held-out training ratings the weights were fitted on.</summary>
    public int ValidationRatings { get; }

    /// <summary>One row per component: component and weight, then the intercept as component "(intercept)".</summary>
    public DataFrame ToDataFrame() => new(
        new StringDataFrameColumn("component", [.. Components, "(intercept)"]),
        new DoubleDataFrameColumn("weight", [.. Weights, Intercept]));

    /// <inheritdoc />
    public Prediction Predict(int userId, int movieId) =>
        new(Blend(userId, movieId), Prediction.SourceOf(Train.UserIndex(userId), Train.ItemIndex(movieId)));

    /// <summary>Writes the predicted rating of every training movie: one <see cref="Predict"/> per movie and component,
    /// because a component's own dense scores may rank rather than predict (item k-NN's do).</summary>
    public void ScoreDense(int user, Span<float> scores)
    {
        var userId = Train.UserIds[user];
        for (var i = 0; i < Train.ItemIds.Count; i++) scores[i] = (float)Blend(userId, Train.ItemIds[i]);
    }

    private double Blend(int userId, int movieId)
    {
        var value = _weights[0];
        for (var c = 0; c < _components.Length; c++) value += _weights[c + 1] * _components[c].Predict(userId, movieId).Value;
        return Math.Clamp(value, Train.MinRating, Train.MaxRating);
    }
}
