namespace MovieRec.Algorithms;

/// <summary>A fitted <see cref="RatingBlend"/>: r̂ = w₀ + Σ_c w_c r̂_c over the components refitted on all training
/// ratings, clipped to [<see cref="RatingDataset.MinRating"/>, <see cref="RatingDataset.MaxRating"/>].</summary>
public sealed class RatingBlendModel : IDenseScorer
{
    private readonly double[] _weights;
    private readonly IDenseScorer[] _components;
    private readonly IKnownPairPredictor[]? _known;

    internal RatingBlendModel(RatingDataset train, IReadOnlyList<string> names, double[] weights, IDenseScorer[] components, int validationRatings)
    {
        Train = train;
        Components = names;
        _weights = weights;
        _components = components;
        if (components.All(c => c is IKnownPairPredictor && ReferenceEquals(c.Train, train))) _known = [.. components.Cast<IKnownPairPredictor>()];
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

    /// <summary>True when <see cref="ScoreDense"/> reads every component by index (all fitted on this model's dataset and
    /// predicting by index).</summary>
    internal bool ReadsComponentsByIndex => _known is not null;

    /// <summary>How many held-out training ratings the weights were fitted on.</summary>
    public int ValidationRatings { get; }

    /// <summary>One row per component: component and weight, then the intercept as component "(intercept)".</summary>
    public DataFrame ToDataFrame() => new(
        new StringDataFrameColumn("component", [.. Components, "(intercept)"]),
        new DoubleDataFrameColumn("weight", [.. Weights, Intercept]));

    /// <inheritdoc />
    public Prediction Predict(int userId, int movieId) =>
        new(Blend(userId, movieId), Prediction.SourceOf(Train.UserIndex(userId), Train.ItemIndex(movieId)));

    /// <summary>Writes the predicted rating of every training movie: one prediction per movie and component, because a
    /// component's own dense scores may rank rather than predict (item k-NN's do). Components fitted on this model's
    /// dataset that predict by index (the built-in rating predictors) are read without looking the IDs up again, to the
    /// same bits as <see cref="Predict"/>.</summary>
    public void ScoreDense(int user, Span<float> scores)
    {
        if (_known is { } known)
        {
            var n = Train.ItemIds.Count;
            var rows = new double[known.Length * n];
            for (var c = 0; c < known.Length; c++) known[c].PredictKnownRow(user, rows.AsSpan(c * n, n));
            for (var i = 0; i < n; i++)
            {
                var value = _weights[0];
                for (var c = 0; c < known.Length; c++) value += _weights[c + 1] * rows[(c * n) + i];
                scores[i] = (float)Math.Clamp(value, Train.MinRating, Train.MaxRating);
            }

            return;
        }

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
