namespace MovieRec.Algorithms;

/// <summary>Ranks movies by how many training users rated them; a top-N baseline, not a rating predictor.</summary>
public sealed class MostPopular : IRecommenderAlgorithm<IDenseScorer>
{
    /// <inheritdoc />
    public string Name => "popular";

    /// <inheritdoc />
    public IDenseScorer Fit(RatingDataset train, CancellationToken cancellationToken = default) => new Model(train);

    private sealed class Model(RatingDataset train) : IDenseScorer
    {
        public RatingDataset Train => train;

        public bool PredictsRatings => false;

        /// <summary>The movie's training rating count (0 for an unknown movie, flagged).</summary>
        public Prediction Predict(int userId, int movieId)
        {
            var i = train.ItemIndex(movieId);
            return new(i < 0 ? 0 : train.ItemCounts[i], Prediction.SourceOf(train.UserIndex(userId), i));
        }

        public void ScoreDense(int user, Span<float> scores)
        {
            for (var i = 0; i < scores.Length; i++) scores[i] = train.ItemCounts[i];
        }
    }
}
