namespace MovieRec.Recommendations;

/// <summary>
/// The ML engine as a component: <see cref="LikeRankerOptions"/> → <c>Fit(dataset)</c> →
/// <see cref="LikeModel"/>. It fits the features (<see cref="FeaturePipeline"/>), chooses the like classifier on a
/// validation split carved from the training ratings (<see cref="ClassifierSelection"/>), trains it on all training rows
/// (<see cref="LikeClassifier"/>) and ranks by P(like | rated) times a popularity prior.
/// </summary>
/// <param name="options">Features, candidates, validation fraction, prior, seed (default <see cref="LikeRankerOptions"/>).</param>
/// <param name="movies">The movies table for datasets without a movie side (see <see cref="FeatureRanker{TModel}"/>).</param>
/// <param name="tags">Tags, with <paramref name="movies"/>.</param>
/// <param name="genome">The tag genome, with <paramref name="movies"/>.</param>
public sealed class LikeRanker(LikeRankerOptions? options = null, DataFrame? movies = null, DataFrame? tags = null, GenomeMatrix? genome = null)
    : FeatureRanker<LikeModel>(movies, tags, genome)
{
    /// <summary>The options.</summary>
    public LikeRankerOptions Options { get; } = options ?? new LikeRankerOptions();

    /// <inheritdoc />
    public override string Name => "ml";

    /// <inheritdoc />
    protected override FeatureOptions Features => Options.PartFeatures;

    /// <inheritdoc />
    public override LikeModel Fit(FeatureModel features, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(features);
        var selection = ClassifierSelection.Run(features.Train, features, Options);
        cancellationToken.ThrowIfCancellationRequested();
        var classifier = new LikeClassifier(Options.Classifier(selection.Chosen.Options)).Fit(FeatureTable.From(features.TransformTraining()), cancellationToken);
        return new LikeModel(features, classifier, selection, Options.PopularityPrior);
    }

}
