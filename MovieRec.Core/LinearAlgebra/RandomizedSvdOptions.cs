namespace MovieRec.LinearAlgebra;

/// <summary>Options of <see cref="RandomizedSvd"/>.</summary>
public sealed record RandomizedSvdOptions
{
    /// <summary>Number of singular triplets to return (k).</summary>
    public int Factors { get; init; } = 100;

    /// <summary>Extra random directions sampled beyond k (p); Halko et al. recommend 5–10.</summary>
    public int Oversampling { get; init; } = 10;

    /// <summary>Power iterations (q): each sharpens the spectrum at the cost of two more sparse products.</summary>
    public int PowerIterations { get; init; } = 4;

    /// <summary>Seed of the Gaussian test matrix.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Threads of the sparse products and the orthonormalizations (default: the machine's cores); the result is the
    /// same, to the bit, for any value: work is split in fixed row chunks and partial sums are added in chunk order.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;
}
