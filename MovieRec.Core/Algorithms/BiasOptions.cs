namespace MovieRec.Algorithms;

/// <summary>Options of <see cref="Bias"/>; defaults are Surprise's <c>BaselineOnly</c> ALS defaults.</summary>
public sealed record BiasOptions
{
    /// <summary>The default of every option, as named constants.</summary>
    public static class Defaults
    {
        /// <summary>ALS sweeps.</summary>
        public const int Epochs = 10;

        /// <summary>λ_u, the user-bias regularization.</summary>
        public const double UserRegularization = 15;

        /// <summary>λ_i, the item-bias regularization.</summary>
        public const double ItemRegularization = 10;
    }

    /// <summary>ALS sweeps.</summary>
    public int Epochs { get; init; } = Defaults.Epochs;

    /// <summary>λ_u, the user-bias regularization.</summary>
    public double UserRegularization { get; init; } = Defaults.UserRegularization;

    /// <summary>λ_i, the item-bias regularization.</summary>
    public double ItemRegularization { get; init; } = Defaults.ItemRegularization;
}
