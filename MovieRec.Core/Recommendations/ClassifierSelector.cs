namespace MovieRec.Recommendations;

/// <summary>
/// The like classifier's selection as a component: <see cref="LikeRankerOptions"/> (candidates, validation fraction,
/// features, seed, threads) → <see cref="Fit"/>(dataset) → <see cref="ClassifierSelection"/>: the features fitted on
/// the dataset, then every candidate scored on a validation split carved from it, as the ML engine chooses.
/// </summary>
/// <param name="options">The ML engine's options (default <see cref="LikeRankerOptions"/>).</param>
public sealed class ClassifierSelector(LikeRankerOptions? options = null) : IFittable<ClassifierSelection>
{
    /// <summary>The options.</summary>
    public LikeRankerOptions Options { get; } = options ?? new LikeRankerOptions();

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The dataset has no ratings or no movies table, or the options list no candidate.</exception>
    public ClassifierSelection Fit(RatingDataset train, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        var features = new FeaturePipeline(Options.PartFeatures).Fit(train, cancellationToken);
        return ClassifierSelection.Run(train, features, Options);
    }
}
