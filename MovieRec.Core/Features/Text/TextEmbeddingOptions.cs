namespace MovieRec.Features.Text;

/// <summary>Options of <see cref="TextEmbedding"/>: which movie text, the TF-IDF settings and the SVD size.</summary>
public sealed record TextEmbeddingOptions
{
    /// <summary>Embedding dimensions (columns <c>text0</c> … <c>text{Factors-1}</c>).</summary>
    /// <remarks>Saved as <c>Components</c>, its name before it was <c>Factors</c>, so saved models read unchanged.</remarks>
    [System.Text.Json.Serialization.JsonPropertyName("Components")]
    public int Factors { get; init; } = 100;

    /// <summary>TF-IDF settings (5,000 terms, unigrams and bigrams by default).</summary>
    public TfidfOptions Tfidf { get; init; } = new();

    /// <summary>Append the MovieLens genres to the overview.</summary>
    public bool IncludeGenres { get; init; } = true;

    /// <summary>Append the TMDB keywords, when the movies table has them.</summary>
    public bool IncludeKeywords { get; init; } = true;

    /// <summary>Append the user tags given in the training ratings' (user, movie) pairs.</summary>
    public bool IncludeTags { get; init; }

    /// <summary>Oversampling of the randomized SVD.</summary>
    public int Oversampling { get; init; } = 10;

    /// <summary>Power iterations of the randomized SVD.</summary>
    public int PowerIterations { get; init; } = 4;

    /// <summary>Seed of the randomized SVD.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Threads of the randomized SVD (default: the machine's cores); the embedding is the same for any value.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;
}
