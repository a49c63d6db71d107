namespace MovieRec.Algorithms;

/// <summary>Predicts the training mean μ for everything. The floor every algorithm must beat.</summary>
public sealed class GlobalMean : IRecommenderAlgorithm
{
    /// <inheritdoc />
    public string Name => "globalmean";

    /// <inheritdoc />
    public IRecommenderModel Fit(RatingSet train, CancellationToken cancellationToken = default) => new Model(train);

    private sealed class Model(RatingSet train) : IRecommenderModel
    {
        public RatingSet Train => train;

        public bool PredictsRatings => true;

        public Prediction Predict(int userId, int movieId) =>
            new(train.GlobalMean, Prediction.SourceOf(train.UserIndex(userId), train.ItemIndex(movieId)));

        public void Score(int user, Span<float> scores) => scores.Fill((float)train.GlobalMean);
    }
}
