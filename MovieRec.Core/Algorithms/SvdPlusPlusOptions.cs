namespace MovieRec.Algorithms;

/// <summary>Options of <see cref="SvdPlusPlus"/>; the defaults are Surprise's <c>SVDpp</c> defaults.</summary>
public sealed record SvdPlusPlusOptions
{
    /// <summary>The default of every option, as named constants.</summary>
    public static class Defaults
    {
        /// <summary>Latent factors k.</summary>
        public const int Factors = 20;

        /// <summary>SGD passes over the training ratings.</summary>
        public const int Epochs = 20;

        /// <summary>SGD step size γ.</summary>
        public const double LearningRate = 0.007;

        /// <summary>L2 regularization λ of biases, factors and implicit factors.</summary>
        public const double Regularization = 0.02;

        /// <summary>Standard deviation of the normal initialization.</summary>
        public const double InitStdDev = 0.1;

        /// <summary>Seed of the initialization and of the rating order.</summary>
        public const int Seed = 42;
    }

    /// <summary>Latent factors k.</summary>
    public int Factors { get; init; } = Defaults.Factors;

    /// <summary>SGD passes over the training ratings.</summary>
    public int Epochs { get; init; } = Defaults.Epochs;

    /// <summary>SGD step size γ.</summary>
    public double LearningRate { get; init; } = Defaults.LearningRate;

    /// <summary>L2 regularization λ of biases, factors and implicit factors.</summary>
    public double Regularization { get; init; } = Defaults.Regularization;

    /// <summary>Standard deviation of the normal initialization.</summary>
    public double InitStdDev { get; init; } = Defaults.InitStdDev;

    /// <summary>Seed of the initialization and of the rating order.</summary>
    public int Seed { get; init; } = Defaults.Seed;
}
