namespace MovieRec.Algorithms;

/// <summary>
/// A rating model that predicts a pair of known indexes directly: <see cref="PredictKnown"/>(u, i) is
/// <c>Predict(userId, movieId).Value</c> for the IDs of user index u and item index i of its <see cref="IScorer.Train"/>,
/// bit for bit, without the two ID lookups. The rating blend's dense scores read its components through it.
/// </summary>
internal interface IKnownPairPredictor : IScorer
{
    /// <summary>The predicted rating of user index <paramref name="user"/> for item index <paramref name="item"/>.</summary>
    double PredictKnown(int user, int item);

    /// <summary>Writes <see cref="PredictKnown"/>(<paramref name="user"/>, i) for every item index i below
    /// <c>ratings.Length</c>; a model may compute the row at once (item k-NN looks the user's ratings up in an array
    /// instead of searching them per movie), to the same bits.</summary>
    void PredictKnownRow(int user, Span<double> ratings)
    {
        for (var i = 0; i < ratings.Length; i++) ratings[i] = PredictKnown(user, i);
    }
}
