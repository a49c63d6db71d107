namespace MovieRec.Algorithms;

/// <summary>
/// The fit contract every learned step shares (LensKit's components, Surprise's <c>fit</c>, ML.NET's estimators): a
/// component is built from its options, <see cref="Fit"/> learns from a <see cref="RatingDataset"/> (its ratings and
/// its movie side) and returns the model. The component keeps nothing between fits, so one component fits any number of
/// datasets, and the same options and seed give the same model to the digit.
/// </summary>
/// <remarks>The steps: every ranking algorithm (<see cref="IRecommenderAlgorithm{TModel}"/>), the feature pipeline
/// (<see cref="Features.FeaturePipeline"/>), the text and genome embeddings (<see cref="Features.TextEmbedder"/>,
/// <see cref="Features.GenomeEmbedder"/>), the similarity space (<see cref="Features.MovieSpaceBuilder"/>), the like
/// classifier with its features (<see cref="Recommendations.LikeRanker"/>), the classifier selection
/// (<see cref="Recommendations.ClassifierSelector"/>) and the composed recommender (<see cref="Recommendations.RecommenderBuilder"/>).</remarks>
/// <typeparam name="TModel">What the step learns.</typeparam>
public interface IFittable<out TModel>
{
    /// <summary>Learns from <paramref name="train"/> (never test ratings) and returns the model.</summary>
    /// <exception cref="ArgumentException">The dataset lacks what the step needs (ratings, the movies table), named in the message.</exception>
    TModel Fit(RatingDataset train, CancellationToken cancellationToken = default);
}
