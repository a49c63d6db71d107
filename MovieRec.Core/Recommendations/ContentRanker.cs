using Microsoft.Data.Analysis;
using MovieRec.Algorithms;
using MovieRec.Data;
using MovieRec.Features;

namespace MovieRec.Recommendations;

/// <summary>
/// The content engine as a component: <see cref="ContentRankerOptions"/> → <see cref="Fit"/>(dataset) →
/// <see cref="ContentModel"/>, which scores a movie by its cosine with the centroid of the user's liked movies in the
/// similarity space (<see cref="MovieEmbeddingSpace"/>). <see cref="MovieRecommender"/>'s content engine is this model.
/// </summary>
/// <param name="options">Features and space weights (default <see cref="ContentRankerOptions"/>).</param>
/// <param name="movies">The movies table, used when the dataset given to <see cref="Fit"/> has no movie side (an
/// evaluation split built from ratings alone); with <paramref name="tags"/> and <paramref name="genome"/>.</param>
/// <param name="tags">Tags for the text, with <paramref name="movies"/>.</param>
/// <param name="genome">The tag genome, with <paramref name="movies"/>.</param>
public sealed class ContentRanker(ContentRankerOptions? options = null, DataFrame? movies = null, DataFrame? tags = null, GenomeMatrix? genome = null)
    : IRecommenderAlgorithm<ContentModel>
{
    /// <summary>The options.</summary>
    public ContentRankerOptions Options { get; } = options ?? new ContentRankerOptions();

    /// <inheritdoc />
    public string Name => "content";

    /// <summary>Fits the features on <paramref name="train"/> (with its movie side, or the one given to the constructor)
    /// and builds the similarity space.</summary>
    /// <exception cref="ArgumentException">Neither the dataset nor the constructor has the movies table.</exception>
    public ContentModel Fit(RatingDataset train, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        var withMovies = train.Movies is null && movies is not null ? train.WithMovies(movies, tags, genome) : train;
        var features = new FeaturePipeline(Options.Features).Fit(withMovies, cancellationToken);
        return new ContentModel(train, MovieEmbeddingSpace.Build(features, Options.Space), Options.Features.LikeThreshold);
    }
}
