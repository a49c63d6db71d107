namespace MovieRec.Algorithms;

/// <summary>Options of <see cref="BiasedMF"/>; the defaults are Surprise's <c>SVD</c> defaults.</summary>
public sealed record BiasedMFOptions
{
    /// <summary>Latent factors k.</summary>
    public int Factors { get; init; } = 100;

    /// <summary>SGD passes over the training ratings.</summary>
    public int Epochs { get; init; } = 20;

    /// <summary>SGD step size γ.</summary>
    public float LearningRate { get; init; } = 0.005f;

    /// <summary>L2 regularization λ of biases and factors.</summary>
    public float Regularization { get; init; } = 0.02f;

    /// <summary>Mean of the normal initialization of the factors.</summary>
    public float InitMean { get; init; }

    /// <summary>Standard deviation of the normal initialization of the factors.</summary>
    public float InitStdDev { get; init; } = 0.1f;

    /// <summary>Seed of the initialization and of the rating order.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Ridge penalty of the fold-in solve for a new user's bias and factors.</summary>
    public double FoldInRegularization { get; init; } = 1.0;
}
