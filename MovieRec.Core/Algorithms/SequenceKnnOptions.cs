namespace MovieRec.Algorithms;

/// <summary>Options of <see cref="SequenceKnn"/>.</summary>
public sealed record SequenceKnnOptions
{
    /// <summary>The default of every option, as named constants (the validation-best of <c>AlgorithmRegistry.TuningGrid</c>).</summary>
    public static class Defaults
    {
        /// <summary>Two ratings of a user count as neighbours when at most this many of the user's ratings apart in time order.</summary>
        public const int Window = 50;

        /// <summary>Exponent γ of the distance weight d^−γ (d = 1 for consecutive ratings).</summary>
        public const double Decay = 0.5;

        /// <summary>Exponent α of the popularity normalization (n_i n_j)^α (0.5: cosine of binary vectors).</summary>
        public const double Normalization = 0.4;

        /// <summary>Neighbours kept per movie.</summary>
        public const int Neighbors = 400;
    }

    /// <summary>Two ratings of a user count as neighbours when at most this many of the user's ratings apart in time order.</summary>
    public int Window { get; init; } = Defaults.Window;

    /// <summary>Exponent γ of the distance weight d^−γ (d = 1 for consecutive ratings).</summary>
    public double Decay { get; init; } = Defaults.Decay;

    /// <summary>Exponent α of the popularity normalization (n_i n_j)^α (0.5: cosine of binary vectors).</summary>
    public double Normalization { get; init; } = Defaults.Normalization;

    /// <summary>Neighbours kept per movie.</summary>
    public int Neighbors { get; init; } = Defaults.Neighbors;

    /// <summary>Threads of the neighbour lists, one movie per task (default: the machine's cores); the lists are the same for any value.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;
}
