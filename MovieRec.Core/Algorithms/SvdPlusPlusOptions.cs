namespace MovieRec.Algorithms;

/// <summary>Options of <see cref="SvdPlusPlus"/>; the defaults are Surprise's <c>SVDpp</c> defaults.</summary>
public sealed record SvdPlusPlusOptions : SgdFactorOptions
{
    /// <summary>Options with the <see cref="Defaults"/>.</summary>
    public SvdPlusPlusOptions()
        : base(Defaults.Factors, Defaults.Epochs, Defaults.LearningRate, Defaults.Regularization, Defaults.InitStdDev, Defaults.Seed)
    {
    }

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
}
