using MovieRec.Features.Text;

namespace MovieRec.Features;

/// <summary>
/// The text embedding as a component: <see cref="TextEmbeddingOptions"/> → <see cref="Fit"/>(dataset) →
/// <see cref="TextEmbeddingModel"/>: TF-IDF and a truncated SVD fitted on the texts (<see cref="TextEmbedding.MovieTexts"/>,
/// with the dataset's tags when <see cref="TextEmbeddingOptions.IncludeTags"/>) of the movies the dataset's ratings cover,
/// as the feature pipeline fits it.
/// </summary>
/// <param name="options">Vocabulary, weighting, components, seed and threads (default <see cref="TextEmbeddingOptions"/>).</param>
public sealed class TextEmbedder(TextEmbeddingOptions? options = null) : IFittable<TextEmbeddingModel>
{
    /// <summary>The options.</summary>
    public TextEmbeddingOptions Options { get; } = options ?? new TextEmbeddingOptions();

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The dataset has no movies table.</exception>
    public TextEmbeddingModel Fit(RatingDataset train, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        var catalog = train.RequireMovies("The text embedding");
        cancellationToken.ThrowIfCancellationRequested();
        return FitOnRated(Texts(train, catalog, Options), train, Options);
    }

    /// <summary>Fits on the texts of the rated movies among <paramref name="catalogTexts"/> (every catalog movie's, in
    /// catalog order): the dataset's items, which are the catalog's first rows (see <see cref="RatingDataset"/>).</summary>
    internal static TextEmbeddingModel FitOnRated(string[] catalogTexts, RatingDataset train, TextEmbeddingOptions options) =>
        TextEmbedding.Fit(catalogTexts[..train.ItemIds.Count], options);

    /// <summary>Every catalog movie's text, in catalog order, with the dataset's tags when the options include them.</summary>
    internal static string[] Texts(RatingDataset train, MovieCatalog catalog, TextEmbeddingOptions options) =>
        TextEmbedding.MovieTexts(catalog.Table, options, options.IncludeTags && train.Tags is { } tags ? TextEmbedding.TagsByMovie(tags, train) : null);
}
