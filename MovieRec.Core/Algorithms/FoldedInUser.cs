using MathNet.Numerics.LinearAlgebra;
using SimdVector = System.Numerics.Vector;

namespace MovieRec.Algorithms;

/// <summary>A user folded into a <see cref="BiasedMFModel"/> (see <see cref="BiasedMFModel.FoldIn"/>).</summary>
public sealed class FoldedInUser
{
    private readonly BiasedMFModel _model;

    internal FoldedInUser(BiasedMFModel model, float bias, float[] factors, int[] ratedItems)
    {
        _model = model;
        Bias = bias;
        Factors = factors;
        RatedItems = ratedItems;
    }

    /// <summary>The estimated user bias b_u.</summary>
    public float Bias { get; }

    /// <summary>The estimated factors p_u.</summary>
    public IReadOnlyList<float> Factors { get; }

    /// <summary>Item indices the user rated (ascending), to exclude from recommendations.</summary>
    public IReadOnlyList<int> RatedItems { get; }

    /// <summary>The predicted rating of <paramref name="movieId"/> (μ + b_u for an unknown movie, flagged).</summary>
    public Prediction Predict(int movieId)
    {
        var i = _model.Train.ItemIndex(movieId);
        return i < 0
            ? new(Math.Clamp(_model.Train.GlobalMean + Bias, _model.Train.MinRating, _model.Train.MaxRating), PredictionSource.UnknownItem)
            : new(_model.PredictWith(Bias, Factors.ToArray(), i), PredictionSource.Model);
    }

    /// <summary>The top <paramref name="k"/> movieIds the user has not rated.</summary>
    public int[] Recommend(int k)
    {
        var scores = new float[_model.Train.ItemIds.Count];
        _model.ScoreWith(Bias, Factors.ToArray(), scores);
        return [.. TopK.Select(scores, k, RatedItems.ToArray()).Select(i => _model.Train.ItemIds[i])];
    }
}
