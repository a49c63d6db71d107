namespace MovieRec.Algorithms;

/// <summary>A fitted <see cref="Blend"/>: the components refitted on all training ratings and their learned weights.</summary>
public sealed class BlendModel : IDenseScorer
{
    private readonly double[] _weights;
    private readonly IDenseScorer?[] _components;
    private readonly double[] _singles;

    internal BlendModel(RatingDataset train, IReadOnlyList<string> names, double[] weights, IDenseScorer?[] components, double[] singles, double validationNdcg)
    {
        Train = train;
        Components = names;
        _weights = weights;
        _components = components;
        _singles = singles;
        ValidationNdcg = validationNdcg;
    }

    /// <inheritdoc />
    public RatingDataset Train { get; }

    /// <inheritdoc />
    public bool PredictsRatings => false;

    /// <summary>The component names, in the order of <see cref="Weights"/>.</summary>
    public IReadOnlyList<string> Components { get; }

    /// <summary>The learned weight of each component (0: left out).</summary>
    public IReadOnlyList<double> Weights => _weights;

    /// <summary>The blend's NDCG@k on the validation split it was tuned on.</summary>
    public double ValidationNdcg { get; }

    /// <summary>One row per component: component, weight, and validationNdcg (the component alone on the validation split).</summary>
    public DataFrame ToDataFrame() => new(
        new StringDataFrameColumn("component", Components),
        new DoubleDataFrameColumn("weight", _weights),
        new DoubleDataFrameColumn("validationNdcg", _singles));

    /// <inheritdoc />
    public Prediction Predict(int userId, int movieId)
    {
        int u = Train.UserIndex(userId), i = Train.ItemIndex(movieId);
        var source = Prediction.SourceOf(u, i);
        if (u < 0 || i < 0) return new(0, source);
        var scores = new float[Train.ItemIds.Count];
        ScoreDense(u, scores);
        return new(scores[i], source);
    }

    /// <inheritdoc />
    public void ScoreDense(int user, Span<float> scores)
    {
        var n = Train.ItemIds.Count;
        var raw = new float[n];
        var z = new float[n];
        var target = scores[..n];
        target.Clear();
        for (var c = 0; c < _weights.Length; c++)
        {
            if (_components[c] is not { } model) continue;
            model.ScoreDense(user, raw);
            BlendValidation.Standardize(raw, Train.ItemsOf(user), z);
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(z, (float)_weights[c], target, target);
        }
    }
}
