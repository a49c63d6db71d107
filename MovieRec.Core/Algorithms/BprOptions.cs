namespace MovieRec.Algorithms;

/// <summary>Options of <see cref="Bpr"/>.</summary>
public sealed record BprOptions
{
    /// <summary>The default of every option, as named constants (tuned on a validation split of ml-latest-small training data).</summary>
    public static class Defaults
    {
        /// <summary>Latent factors k.</summary>
        public const int Factors = 32;

        /// <summary>Passes of as many sampled triples as there are training ratings.</summary>
        public const int Epochs = 40;

        /// <summary>SGD step size γ.</summary>
        public const double LearningRate = 0.05;

        /// <summary>L2 regularization λ of factors and item biases.</summary>
        public const double Regularization = 0.02;

        /// <summary>Standard deviation of the normal initialization.</summary>
        public const double InitStdDev = 0.1;

        /// <summary>Seed of the initialization and the sampling.</summary>
        public const int Seed = 42;
    }

    /// <summary>Latent factors k.</summary>
    public int Factors { get; init; } = Defaults.Factors;

    /// <summary>Passes of as many sampled triples as there are training ratings.</summary>
    public int Epochs { get; init; } = Defaults.Epochs;

    /// <summary>SGD step size γ.</summary>
    public double LearningRate { get; init; } = Defaults.LearningRate;

    /// <summary>L2 regularization λ of factors and item biases.</summary>
    public double Regularization { get; init; } = Defaults.Regularization;

    /// <summary>Standard deviation of the normal initialization.</summary>
    public double InitStdDev { get; init; } = Defaults.InitStdDev;

    /// <summary>Seed of the initialization and the sampling.</summary>
    public int Seed { get; init; } = Defaults.Seed;
}
