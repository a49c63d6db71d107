namespace MovieRec.Algorithms;

/// <summary>Options of <see cref="PureSvd"/>.</summary>
public sealed record PureSvdOptions
{
    /// <summary>Latent factors k.</summary>
    public int Factors { get; init; } = 50;

    /// <summary>Subtract each user's mean from their observed ratings before the SVD (unobserved cells stay 0).</summary>
    public bool CenterByUserMean { get; init; } = true;

    /// <summary>Oversampling of the randomized SVD.</summary>
    public int Oversampling { get; init; } = 10;

    /// <summary>Power iterations of the randomized SVD.</summary>
    public int PowerIterations { get; init; } = 4;

    /// <summary>Seed of the randomized SVD.</summary>
    public int Seed { get; init; } = 42;
}
