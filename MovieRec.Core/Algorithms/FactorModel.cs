namespace MovieRec.Algorithms;

/// <summary>A fitted ranker scoring x_uᵀy_i (<see cref="ImplicitAls"/>, <see cref="Bpr"/>, with optional item biases):
/// unknown users and movies predict 0, flagged.</summary>
internal sealed class FactorModel(RatingDataset train, LatentFactors factors, float[]? itemBias = null) : ILatentScorer
{
    public RatingDataset Train => train;

    public bool PredictsRatings => false;

    public Prediction Predict(int userId, int movieId)
    {
        int u = train.UserIndex(userId), i = train.ItemIndex(movieId);
        var source = Prediction.SourceOf(u, i);
        if (u < 0 || i < 0) return new(0, source);
        return new(factors.Dot(u, i) + (itemBias?[i] ?? 0), source);
    }

    public void ScoreDense(int user, Span<float> scores) => factors.Score(factors.User(user), scores, itemBias);

    public LatentFactors Factors => factors;

    public ReadOnlySpan<float> ItemOffsets => itemBias;

    public float UserOffset(int user) => 0;
}
