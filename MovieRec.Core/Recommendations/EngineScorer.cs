using MovieRec.Algorithms;

namespace MovieRec.Recommendations;

/// <summary>One engine of a <see cref="MovieRecommender"/> behind the scorer contract (<see cref="MovieRecommender.AsScorer"/>).</summary>
internal sealed class EngineScorer(MovieRecommender recommender, RecommenderEngine engine) : IDenseScorer
{
    public RatingDataset Train => recommender.Ratings;

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

    public void ScoreDense(int user, Span<float> scores)
    {
        var allowed = recommender.Unrated(user);
        var byRow = recommender.EngineScores(engine, user, Train.UserIds[user], allowed);
        var catalog = recommender.Catalog;
        for (var i = 0; i < scores.Length; i++)
        {
            var row = recommender.RowOfItem(i);
            scores[i] = catalog.Titles[row].Length > 0 ? byRow[row] : float.NaN;
        }
    }
}
