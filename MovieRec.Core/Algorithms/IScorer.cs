namespace MovieRec.Algorithms;

/// <summary>
/// A fitted model that scores (user, movie) pairs by their raw MovieLens IDs: the one contract every learned ranker or
/// rating predictor answers to (Surprise's <c>predict</c>). Unknown users and movies never throw: they get the model's
/// documented fallback, flagged in <see cref="Prediction.Source"/>.
/// </summary>
/// <remarks>For whole tables use <see cref="Scoring.Predict"/> (pairs in, a <c>prediction</c> column out) and
/// <see cref="Scoring.Recommend"/> (users in, ranked lists out).</remarks>
public interface IScorer
{
    /// <summary>The training ratings: their user and movie vocabularies are the model's.</summary>
    RatingDataset Train { get; }

    /// <summary>True when <see cref="Predict"/> returns ratings on the training scale (so RMSE and MAE apply); false
    /// for rankers whose scores only order movies.</summary>
    bool PredictsRatings { get; }

    /// <summary>The prediction for (userId, movieId); unknown IDs fall back as the algorithm documents, and are flagged.</summary>
    Prediction Predict(int userId, int movieId);
}
