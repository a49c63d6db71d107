namespace MovieRec.Algorithms;

/// <summary>Predicts the training mean μ for everything. The floor every algorithm must beat.</summary>
public sealed class GlobalMean : IRecommenderAlgorithm<IDenseScorer>, IRatingPredictor
{
    /// <inheritdoc />
    public string Name => "globalmean";

    /// <inheritdoc />
    public IDenseScorer Fit(RatingDataset train, CancellationToken cancellationToken = default) => new Model(train);

    private sealed class Model(RatingDataset train) : IDenseScorer
    {
        public RatingDataset Train => train;

        public bool PredictsRatings => true;

        public Prediction Predict(int userId, int movieId) =>
            new(train.GlobalMean, Prediction.SourceOf(train.UserIndex(userId), train.ItemIndex(movieId)));

        public void ScoreDense(int user, Span<float> scores) => scores.Fill((float)train.GlobalMean);
    }
}
