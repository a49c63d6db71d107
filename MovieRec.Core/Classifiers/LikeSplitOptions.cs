namespace MovieRec.Classifiers;

/// <summary>Options of <see cref="LikeSplitter"/>.</summary>
public sealed record LikeSplitOptions
{
    /// <summary>Training share.</summary>
    public double Train { get; init; } = 0.7;

    /// <summary>Validation share.</summary>
    public double Validation { get; init; } = 0.1;

    /// <summary>Test share (the rest).</summary>
    public double Test { get; init; } = 0.2;

    /// <summary>Hold out each user's latest ratings instead of a random stratified sample.</summary>
    public bool Temporal { get; init; }

    /// <summary>Seed of the shuffle.</summary>
    public int Seed { get; init; } = 42;
}
