namespace MovieRec.Algorithms;

/// <summary>
/// Koren's baseline predictor r̂ = μ + b_u + b_i, fitted by alternating least squares:
/// b_i = Σ_{u∈R(i)} (r − μ − b_u) / (λ_i + |R(i)|), then b_u = Σ_{i∈R(u)} (r − μ − b_i) / (λ_u + |R(u)|), repeated.
/// </summary>
/// <remarks>Fallbacks: an unknown user gets μ + b_i, an unknown movie μ + b_u, both unknown μ (flagged). Predictions are
/// clipped to the training rating range. Same model as Surprise's <c>BaselineOnly</c> with ALS.</remarks>
public sealed class Bias(BiasOptions? options = null) : IRecommenderAlgorithm<IDenseScorer>, IRatingPredictor
{
    /// <summary>The options.</summary>
    public BiasOptions Options { get; } = options ?? new BiasOptions();

    /// <inheritdoc />
    public string Name => "bias";

    /// <inheritdoc />
    public IDenseScorer Fit(RatingDataset train, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        var (bu, bi) = Fit(train, Options, cancellationToken);
        return new BiasModel(train, bu, bi);
    }

    internal static (float[] UserBias, float[] ItemBias) Fit(RatingDataset train, BiasOptions options, CancellationToken cancellationToken)
    {
        var mu = train.GlobalMean;
        var bu = new double[train.UserIds.Count];
        var bi = new double[train.ItemIds.Count];
        var sum = new double[Math.Max(bu.Length, bi.Length)];
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Array.Clear(sum);
            for (var r = 0; r < train.Count; r++) sum[train.Items[r]] += train.Ratings[r] - mu - bu[train.Users[r]];
            for (var i = 0; i < bi.Length; i++) bi[i] = sum[i] / (options.ItemRegularization + train.ItemCounts[i]);
            Array.Clear(sum);
            for (var r = 0; r < train.Count; r++) sum[train.Users[r]] += train.Ratings[r] - mu - bi[train.Items[r]];
            for (var u = 0; u < bu.Length; u++) bu[u] = sum[u] / (options.UserRegularization + (train.UserStart[u + 1] - train.UserStart[u]));
        }

        return ([.. bu.Select(b => (float)b)], [.. bi.Select(b => (float)b)]);
    }

    private sealed class BiasModel(RatingDataset train, float[] userBias, float[] itemBias) : IDenseScorer, IKnownPairPredictor
    {
        public RatingDataset Train => train;

        public bool PredictsRatings => true;

        public Prediction Predict(int userId, int movieId)
        {
            int u = train.UserIndex(userId), i = train.ItemIndex(movieId);
            if (u >= 0 && i >= 0) return new(PredictKnown(u, i), PredictionSource.Model);
            var value = train.GlobalMean + (u >= 0 ? userBias[u] : 0) + (i >= 0 ? itemBias[i] : 0);
            return new(Math.Clamp(value, train.MinRating, train.MaxRating), Prediction.SourceOf(u, i));
        }

        public double PredictKnown(int user, int item) => Math.Clamp(train.GlobalMean + userBias[user] + itemBias[item], train.MinRating, train.MaxRating);

        public void ScoreDense(int user, Span<float> scores)
        {
            var b = (float)train.GlobalMean + userBias[user];
            for (var i = 0; i < scores.Length; i++) scores[i] = b + itemBias[i];
        }
    }
}
