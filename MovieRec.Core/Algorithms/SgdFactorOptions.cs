namespace MovieRec.Algorithms;

/// <summary>
/// The hyperparameters every SGD-trained factor model shares (<see cref="BiasedMF"/>, <see cref="SvdPlusPlus"/>,
/// <see cref="Bpr"/>), under one set of names and types; each derived record names its own defaults.
/// </summary>
/// <remarks>Factors are drawn row-major from N(0, <see cref="InitStdDev"/>²) with <see cref="Seed"/>, users first.</remarks>
public abstract record SgdFactorOptions
{
    /// <summary>Sets every shared hyperparameter; a derived record passes its named defaults.</summary>
    private protected SgdFactorOptions(int factors, int epochs, double learningRate, double regularization, double initStdDev, int seed)
    {
        Factors = factors;
        Epochs = epochs;
        LearningRate = learningRate;
        Regularization = regularization;
        InitStdDev = initStdDev;
        Seed = seed;
    }

    /// <summary>Latent factors k.</summary>
    public int Factors { get; init; }

    /// <summary>SGD passes (over the training ratings, or as many sampled triples for a ranking loss).</summary>
    public int Epochs { get; init; }

    /// <summary>SGD step size γ.</summary>
    public double LearningRate { get; init; }

    /// <summary>L2 regularization λ of every learned parameter.</summary>
    public double Regularization { get; init; }

    /// <summary>Standard deviation of the normal initialization of the factors.</summary>
    public double InitStdDev { get; init; }

    /// <summary>Seed of the initialization and of the order in which ratings are visited.</summary>
    public int Seed { get; init; }

    /// <summary>
    /// Checks <see cref="Factors"/>, seeds the generator and draws the user then the movie factor matrices (row-major,
    /// <see cref="Factors"/> per row) for <paramref name="train"/>; the generator is returned for the rest of the fit.
    /// </summary>
    internal (float[] Users, float[] Items, Random Rng) DrawFactors(RatingDataset train)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Factors);
        var rng = new Random(Seed);
        var users = Randomness.Normal(rng, train.UserIds.Count * Factors, InitStdDev);
        var items = Randomness.Normal(rng, train.ItemIds.Count * Factors, InitStdDev);
        return (users, items, rng);
    }
}
