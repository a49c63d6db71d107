namespace MovieRec.Recommendations;

/// <summary>
/// The content engine as a component: <see cref="ContentRankerOptions"/> → <see cref="Fit"/>(dataset) →
/// <see cref="ContentModel"/>, which scores a movie by its cosine with the centroid of the user's liked movies in the
/// similarity space (<see cref="MovieEmbeddingSpace"/>). <see cref="MovieRecommender"/>'s content engine is this model.
/// </summary>
/// <param name="options">Features and space weights (default <see cref="ContentRankerOptions"/>).</param>
/// <param name="movies">The movies table for datasets without a movie side (see <see cref="FeatureRanker{TModel}"/>).</param>
/// <param name="tags">Tags, with <paramref name="movies"/>.</param>
/// <param name="genome">The tag genome, with <paramref name="movies"/>.</param>
public sealed class ContentRanker(ContentRankerOptions? options = null, DataFrame? movies = null, DataFrame? tags = null, GenomeMatrix? genome = null)
    : FeatureRanker<ContentModel>(movies, tags, genome)
{
    /// <summary>The options.</summary>
    public ContentRankerOptions Options { get; } = options ?? new ContentRankerOptions();

    /// <inheritdoc />
    public override string Name => "content";

    /// <inheritdoc />
    protected override FeatureOptions Features => Options.Features;

    /// <inheritdoc />
    public override ContentModel Fit(FeatureModel features, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(features);
        return new ContentModel(features.Train, MovieEmbeddingSpace.Build(features, Options.Space), Options.Features.LikeThreshold);
    }

}
