namespace MovieRec.Algorithms;

/// <summary>Options of <see cref="Bpr"/>.</summary>
public sealed record BprOptions : SgdFactorOptions
{
    /// <summary>Options with the <see cref="Defaults"/>.</summary>
    public BprOptions()
        : base(Defaults.Factors, Defaults.Epochs, Defaults.LearningRate, Defaults.Regularization, Defaults.InitStdDev, Defaults.Seed)
    {
    }

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
}
