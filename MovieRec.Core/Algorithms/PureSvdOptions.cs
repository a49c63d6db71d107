namespace MovieRec.Algorithms;

/// <summary>Options of <see cref="PureSvd"/>.</summary>
public sealed record PureSvdOptions
{
    /// <summary>The default of every option, as named constants.</summary>
    public static class Defaults
    {
        /// <summary>Latent factors k.</summary>
        public const int Factors = 50;

        /// <summary>Subtract each user's mean from their observed ratings before the SVD (unobserved cells stay 0).</summary>
        public const bool CenterByUserMean = true;

        /// <summary>Oversampling of the randomized SVD.</summary>
        public const int Oversampling = 10;

        /// <summary>Power iterations of the randomized SVD.</summary>
        public const int PowerIterations = 4;

        /// <summary>Seed of the randomized SVD.</summary>
        public const int Seed = 42;
    }

    /// <summary>Latent factors k.</summary>
    public int Factors { get; init; } = Defaults.Factors;

    /// <summary>Subtract each user's mean from their observed ratings before the SVD (unobserved cells stay 0).</summary>
    public bool CenterByUserMean { get; init; } = Defaults.CenterByUserMean;

    /// <summary>Oversampling of the randomized SVD.</summary>
    public int Oversampling { get; init; } = Defaults.Oversampling;

    /// <summary>Power iterations of the randomized SVD.</summary>
    public int PowerIterations { get; init; } = Defaults.PowerIterations;

    /// <summary>Seed of the randomized SVD.</summary>
    public int Seed { get; init; } = Defaults.Seed;

    /// <summary>Threads of the randomized SVD (default: the machine's cores); the factors are the same for any value.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;
}
