using MovieRec.Features.Text;

namespace MovieRec.Features;

/// <summary>Options of <see cref="FeaturePipeline"/>. Every statistic is computed on the training ratings only.</summary>
public sealed record FeatureOptions
{
    /// <summary>A rating at or above this is a "like" (the classifiers' target), as in the original project.</summary>
    public double LikeThreshold { get; init; } = 4.0;

    /// <summary>Movies released in this year or later count as modern (for <c>userModernShare</c>).</summary>
    public int ModernYear { get; init; } = 2000;

    /// <summary>C in the Bayesian average <c>(C·μ + Σr) / (C + n)</c>: how many global-mean ratings each movie starts with.</summary>
    public double BayesianPriorWeight { get; init; } = 10;

    /// <summary>Days before the last training rating that count as "recent" for trending.</summary>
    public int TrendingWindowDays { get; init; } = 365;

    /// <summary>A trending movie has at least this many recent ratings…</summary>
    public int TrendingMinRatings { get; init; } = 3;

    /// <summary>…and its share of recent ratings is at least this multiple of its share of all ratings.</summary>
    public double TrendingLift { get; init; } = 1.5;

    /// <summary>Pseudo-count that shrinks a user's per-genre affinity towards 0 when they rated few movies of the genre.</summary>
    public double GenreAffinityShrinkage { get; init; } = 5;

    /// <summary>Text embedding settings (100 dimensions by default); null leaves text out.</summary>
    public TextEmbeddingOptions? Text { get; init; } = new();

    /// <summary>Dimensions of the reduced genome embedding (<c>genome0</c>…), when a genome is given; 0 leaves it out.</summary>
    /// <remarks>Saved as <c>GenomeComponents</c>, its name before it was <c>GenomeFactors</c>, so saved models read unchanged.</remarks>
    [System.Text.Json.Serialization.JsonPropertyName("GenomeComponents")]
    public int GenomeFactors { get; init; } = 32;

    /// <summary>Seed of the genome embedding's randomized SVD (the text embedding's is <see cref="TextEmbeddingOptions.Seed"/>;
    /// <see cref="WithSeed"/> sets both).</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Threads of the genome embedding's randomized SVD (default: the machine's cores; the text embedding's are
    /// <see cref="TextEmbeddingOptions.Threads"/>); the features are the same for any value.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>These options with <paramref name="seed"/> for every randomized part: the genome and the text embeddings.
    /// The recommender and its rankers pass their own seed through this, so one seed reaches every learned part.</summary>
    public FeatureOptions WithSeed(int seed) => this with { Seed = seed, Text = Text is { } text ? text with { Seed = seed } : null };

    /// <summary>These options with <paramref name="threads"/> for every parallel part, the genome and the text embeddings
    /// (the features are the same for any count); null returns them unchanged.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threads"/> is less than 1.</exception>
    public FeatureOptions WithThreads(int? threads) => threads is not { } t ? this
        : this with { Threads = ThreadCount.Check(t), Text = Text is { } text ? text with { Threads = t } : null };
}
