namespace MovieRec.Algorithms;

/// <summary>Options of <see cref="BiasedMF"/>; the defaults are Surprise's <c>SVD</c> defaults.</summary>
public sealed record BiasedMFOptions : SgdFactorOptions
{
    /// <summary>Options with the <see cref="Defaults"/>.</summary>
    public BiasedMFOptions()
        : base(Defaults.Factors, Defaults.Epochs, Defaults.LearningRate, Defaults.Regularization, Defaults.InitStdDev, Defaults.Seed)
    {
    }

    /// <summary>The default of every option, as named constants.</summary>
    public static class Defaults
    {
        /// <summary>Latent factors k.</summary>
        public const int Factors = 100;

        /// <summary>SGD passes over the training ratings.</summary>
        public const int Epochs = 20;

        /// <summary>SGD step size γ.</summary>
        public const double LearningRate = 0.005;

        /// <summary>L2 regularization λ of biases and factors.</summary>
        public const double Regularization = 0.02;

        /// <summary>Standard deviation of the normal initialization of the factors.</summary>
        public const double InitStdDev = 0.1;

        /// <summary>Seed of the initialization and of the rating order.</summary>
        public const int Seed = 42;

        /// <summary>Ridge penalty of the fold-in solve for a new user's bias and factors.</summary>
        public const double FoldInRegularization = 1.0;

        /// <summary>User and movie blocks B of the DSGD grid (B cells run in parallel).</summary>
        public const int Blocks = 8;
    }

    /// <summary>Mean of the normal initialization of the factors.</summary>
    public double InitMean { get; init; }

    /// <summary>Ridge penalty of the fold-in solve for a new user's bias and factors.</summary>
    public double FoldInRegularization { get; init; } = Defaults.FoldInRegularization;

    /// <summary>User and movie blocks B of the DSGD grid: each epoch runs B strata of B cells that share no row. Part of
    /// the model's definition (B = 1 is plain sequential SGD); more blocks balance more threads.</summary>
    public int Blocks { get; init; } = Defaults.Blocks;

    /// <summary>Threads that run a stratum's cells (default: the machine's cores). Never changes the result.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;
}
