namespace MovieRec.Features;

/// <summary>
/// The similarity space as a component: <see cref="MovieSpaceOptions"/> and the <see cref="FeatureOptions"/> it reads →
/// <see cref="Fit"/>(dataset) → <see cref="MovieEmbeddingSpace"/>: the features fitted on the dataset
/// (<see cref="FeaturePipeline"/>), then every movie's weighted, normalized blocks (<see cref="MovieEmbeddingSpace.Build"/>).
/// </summary>
/// <param name="options">Block weights (default <see cref="MovieSpaceOptions"/>).</param>
/// <param name="features">The features whose movie blocks the space weights (default <see cref="FeatureOptions"/>).</param>
public sealed class MovieSpaceBuilder(MovieSpaceOptions? options = null, FeatureOptions? features = null) : IFittable<MovieEmbeddingSpace>
{
    /// <summary>Block weights.</summary>
    public MovieSpaceOptions Options { get; } = options ?? new MovieSpaceOptions();

    /// <summary>The features the space is built from.</summary>
    public FeatureOptions Features { get; } = features ?? new FeatureOptions();

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The dataset has no ratings or no movies table.</exception>
    public MovieEmbeddingSpace Fit(RatingDataset train, CancellationToken cancellationToken = default) =>
        MovieEmbeddingSpace.Build(new FeaturePipeline(Features).Fit(train, cancellationToken), Options);
}
