namespace MovieRec.Algorithms;

/// <summary>
/// Biased matrix factorization (Funk SVD, Surprise's <c>SVD</c>): r̂_ui = μ + b_u + b_i + q_iᵀp_u, fitted by SGD.
/// </summary>
/// <remarks>
/// <para>For each training rating: e = r − r̂; b_u += γ(e − λb_u); b_i += γ(e − λb_i); p_u += γ(e·q_i − λp_u);
/// q_i += γ(e·p_u − λq_i) (both from the old values). Factors are float32 (the options are doubles, rounded to float32
/// once), initialized N(InitMean, InitStdDev²), rows padded to 8 floats and updated in 256-bit fused multiply-adds.</para>
/// <para>The order is DSGD's (Gemulla et al., KDD 2011): users (shuffled) and movies (shuffled) are cut into
/// <see cref="BiasedMFOptions.Blocks"/> blocks of about equal rating counts; an epoch visits the B strata of the B×B grid
/// in turn, and the B cells of a stratum share no user and no movie, so they run on
/// <see cref="BiasedMFOptions.Threads"/> threads at once. Within a cell the ratings go user by user (users shuffled, each
/// user's ratings shuffled). The model depends on the seed and the blocks, never on the thread count or the load.</para>
/// <para>Fallbacks: unknown user μ + b_i, unknown movie μ + b_u, both μ (flagged). Predictions are clipped to the training
/// rating range; <see cref="IDenseScorer.ScoreDense"/> is not clipped. A new user's b_u and p_u can be folded in from a few
/// ratings without retraining (<see cref="BiasedMFModel.FoldIn"/>).</para>
/// </remarks>
public sealed class BiasedMF(BiasedMFOptions? options = null) : IRecommenderAlgorithm<BiasedMFModel>, IRatingPredictor
{
    /// <summary>The options.</summary>
    public BiasedMFOptions Options { get; } = options ?? new BiasedMFOptions();

    /// <inheritdoc />
    public string Name => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"biasedmf(f={Options.Factors},e={Options.Epochs},lr={Options.LearningRate},reg={Options.Regularization})");

    /// <inheritdoc />
    public BiasedMFModel Fit(RatingDataset train, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        var trainer = BiasedMFTrainer.Prepare(train, Options);
        try
        {
            trainer.Run(Options.Epochs, cancellationToken);
            return trainer.ToModel();
        }
        finally
        {
            trainer.Release();
        }
    }
}
