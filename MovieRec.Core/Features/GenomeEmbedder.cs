namespace MovieRec.Features;

/// <summary>
/// The genome embedding as a component: <see cref="GenomeEmbeddingOptions"/> → <see cref="Fit"/>(dataset) →
/// <see cref="GenomeEmbedding"/>, the truncated SVD of the tag-relevance rows of the movies the dataset's ratings cover,
/// as the feature pipeline fits it.
/// </summary>
/// <param name="options">Factors, seed and threads (default <see cref="GenomeEmbeddingOptions"/>).</param>
public sealed class GenomeEmbedder(GenomeEmbeddingOptions? options = null) : IFittable<GenomeEmbedding>
{
    /// <summary>The options.</summary>
    public GenomeEmbeddingOptions Options { get; } = options ?? new GenomeEmbeddingOptions();

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The dataset has no tag genome.</exception>
    public GenomeEmbedding Fit(RatingDataset train, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        var genome = train.Genome ?? throw new ArgumentException("The genome embedding needs the dataset's tag genome (RatingDataset.Genome); this dataset has none.", nameof(train));
        cancellationToken.ThrowIfCancellationRequested();
        var rows = train.GenomeRows!.AsSpan(0, train.ItemIds.Count).ToArray(); // the rated movies' genome rows
        return GenomeEmbedding.FitRows(genome, rows, Options.Factors, Options.Seed, ThreadCount.Check(Options.Threads));
    }
}
