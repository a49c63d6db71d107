using MovieRec.Algorithms;

namespace MovieRec.Recommendations;

/// <summary>Catalog-row scores of a <see cref="MovieRecommender"/> (an engine, or a hybrid component) behind the scorer
/// contract (<see cref="MovieRecommender.AsScorer"/>).</summary>
/// <param name="recommender">The recommender whose ratings index the scores.</param>
/// <param name="rowScores">The scores of every catalog row for a known user index.</param>
/// <param name="train">The dataset the caller fitted on (the recommender's, or the same ratings without the movie side).</param>
internal sealed class EngineScorer(MovieRecommender recommender, Func<int, float[]> rowScores, RatingDataset? train = null) : IDenseScorer
{
    public RatingDataset Train { get; } = train ?? recommender.Ratings;

    public bool PredictsRatings => false;

    public Prediction Predict(int userId, int movieId)
    {
        var user = Train.UserIndex(userId);
        var item = Train.ItemIndex(movieId);
        var source = Prediction.SourceOf(user, item);
        if (item < 0) return new Prediction(0, source);
        if (user < 0) return new Prediction(Train.ItemCounts[item], source);
        var scores = new float[Train.ItemIds.Count];
        ScoreDense(user, scores);
        return new Prediction(scores[item], source);
    }

    public void ScoreDense(int user, Span<float> scores) => recommender.ToItems(rowScores(user), scores[..Train.ItemIds.Count]);
}
