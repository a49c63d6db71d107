namespace MovieRec.Algorithms;

/// <summary>Options of <see cref="Bias"/>; defaults are Surprise's <c>BaselineOnly</c> ALS defaults.</summary>
public sealed record BiasOptions
{
    /// <summary>ALS sweeps.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>λ_u, the user-bias regularization.</summary>
    public double UserRegularization { get; init; } = 15;

    /// <summary>λ_i, the item-bias regularization.</summary>
    public double ItemRegularization { get; init; } = 10;
}
