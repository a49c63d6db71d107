namespace MovieRec.Algorithms;

/// <summary>Options of <see cref="ImplicitAls"/>.</summary>
public sealed record ImplicitAlsOptions
{
    /// <summary>The default of every option, as named constants (tuned on a validation split of ml-latest-small training data).</summary>
    public static class Defaults
    {
        /// <summary>Latent factors k.</summary>
        public const int Factors = 128;

        /// <summary>Alternating passes (users, then movies).</summary>
        public const int Epochs = 15;

        /// <summary>L2 regularization λ of both factor matrices.</summary>
        public const double Regularization = 100;

        /// <summary>Confidence scale α.</summary>
        public const double Alpha = 5;

        /// <summary>How ratings become confidences.</summary>
        public const ConfidenceScaling Confidence = ConfidenceScaling.Linear;

        /// <summary>ε of <see cref="ConfidenceScaling.Log"/>.</summary>
        public const double Epsilon = 1;

        /// <summary>Conjugate-gradient steps per row solve (Takács et al. 2011).</summary>
        public const int ConjugateGradientSteps = 3;

        /// <summary>Standard deviation of the normal initialization.</summary>
        public const double InitStdDev = 0.01;

        /// <summary>Seed of the initialization.</summary>
        public const int Seed = 42;
    }

    /// <summary>Latent factors k.</summary>
    public int Factors { get; init; } = Defaults.Factors;

    /// <summary>Alternating passes (users, then movies).</summary>
    public int Epochs { get; init; } = Defaults.Epochs;

    /// <summary>L2 regularization λ of both factor matrices.</summary>
    public double Regularization { get; init; } = Defaults.Regularization;

    /// <summary>Confidence scale α.</summary>
    public double Alpha { get; init; } = Defaults.Alpha;

    /// <summary>How ratings become confidences.</summary>
    public ConfidenceScaling Confidence { get; init; } = Defaults.Confidence;

    /// <summary>ε of <see cref="ConfidenceScaling.Log"/>.</summary>
    public double Epsilon { get; init; } = Defaults.Epsilon;

    /// <summary>Conjugate-gradient steps per row solve (Takács et al. 2011).</summary>
    public int ConjugateGradientSteps { get; init; } = Defaults.ConjugateGradientSteps;

    /// <summary>Standard deviation of the normal initialization.</summary>
    public double InitStdDev { get; init; } = Defaults.InitStdDev;

    /// <summary>Seed of the initialization.</summary>
    public int Seed { get; init; } = Defaults.Seed;

    /// <summary>Threads of the row solves; the model is the same for any value.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;
}
