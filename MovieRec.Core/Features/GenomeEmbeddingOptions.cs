namespace MovieRec.Features;

/// <summary>Options of <see cref="GenomeEmbedder"/>.</summary>
public sealed record GenomeEmbeddingOptions
{
    /// <summary>Named defaults.</summary>
    public static class Defaults
    {
        /// <summary>Embedding dimensions (the feature pipeline's default, <see cref="FeatureOptions.GenomeFactors"/>).</summary>
        public const int Factors = 32;

        /// <summary>Seed of the randomized SVD.</summary>
        public const int Seed = 42;
    }

    /// <summary>Embedding dimensions (at most the genome's tag count).</summary>
    public int Factors { get; init; } = Defaults.Factors;

    /// <summary>Seed of the randomized SVD.</summary>
    public int Seed { get; init; } = Defaults.Seed;

    /// <summary>Threads of the randomized SVD (default: the machine's cores); the embedding is the same for any value.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;
}
