namespace MovieRec.Recommendations;

/// <summary>
/// The composed recommender as a component: <see cref="RecommenderOptions"/> → <see cref="Fit"/>(dataset) →
/// <see cref="MovieRecommender"/> (the features once, the ML, content and SVD engines, the learned hybrid), what
/// <see cref="MovieRecommender.Build(RatingDataset, RecommenderOptions?)"/> does.
/// </summary>
/// <param name="options">The options (default <see cref="RecommenderOptions"/>).</param>
public sealed class RecommenderBuilder(RecommenderOptions? options = null) : IFittable<MovieRecommender>
{
    /// <summary>The options.</summary>
    public RecommenderOptions Options { get; } = options ?? new RecommenderOptions();

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The dataset has no ratings or no movies table.</exception>
    public MovieRecommender Fit(RatingDataset train, CancellationToken cancellationToken = default) => MovieRecommender.Build(train, Options, cancellationToken);
}
