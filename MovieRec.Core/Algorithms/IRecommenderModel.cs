namespace MovieRec.Algorithms;

/// <summary>A learned model: predicts ratings for (user, movie) pairs and scores every training movie for a user.</summary>
public interface IRecommenderModel
{
    /// <summary>The training ratings (its index spaces define <see cref="Score"/>'s layout).</summary>
    RatingSet Train { get; }

    /// <summary>True when <see cref="Predict"/> returns ratings on the training scale (so RMSE/MAE apply).</summary>
    bool PredictsRatings { get; }

    /// <summary>The prediction for (userId, movieId); unknown ids fall back as documented by the algorithm and are flagged.</summary>
    Prediction Predict(int userId, int movieId);

    /// <summary>Writes a ranking score for every training item (index order of <see cref="RatingSet.ItemIds"/>) for user index <paramref name="user"/>; higher is better.</summary>
    void Score(int user, Span<float> scores);
}
