namespace MovieRec.Features;

/// <summary>Block weights of <see cref="MovieEmbeddingSpace"/>. Each block has unit norm before weighting, so a weight is the block's share of the cosine.</summary>
public sealed record MovieSpaceOptions
{
    /// <summary>Weight of the standardized numeric features.</summary>
    public float NumericWeight { get; init; } = 0.5f;

    /// <summary>Weight of the genre indicator block.</summary>
    public float GenreWeight { get; init; } = 1f;

    /// <summary>Weight of the text embedding.</summary>
    public float TextWeight { get; init; } = 1f;

    /// <summary>Weight of the genome embedding.</summary>
    public float GenomeWeight { get; init; } = 1f;

    /// <summary>The numeric movie features used (standardized with training-movie mean and deviation).</summary>
    public IReadOnlyList<string> NumericFeatures { get; init; } = ["movie_bayes_mean", "movie_log_popularity", "movie_like_ratio", "movie_year"];

    /// <summary>Only the overview text embedding: neighbours that are described alike.</summary>
    public static MovieSpaceOptions TextOnly { get; } = new() { NumericWeight = 0, GenreWeight = 0, TextWeight = 1, GenomeWeight = 0 };

    /// <summary>Only the tag-genome embedding: neighbours that the community tags alike.</summary>
    public static MovieSpaceOptions GenomeOnly { get; } = new() { NumericWeight = 0, GenreWeight = 0, TextWeight = 0, GenomeWeight = 1 };

    /// <summary>Every block at its default weight (the recommender's similar-movies space).</summary>
    public static MovieSpaceOptions Combined { get; } = new();
}
