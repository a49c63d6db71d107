namespace MovieRec.Algorithms;

/// <summary>Options of <see cref="ItemKnn"/>.</summary>
public sealed record ItemKnnOptions
{
    /// <summary>The default of every option, as named constants.</summary>
    public static class Defaults
    {
        /// <summary>Neighbours kept per movie.</summary>
        public const int Neighbors = 40;

        /// <summary>Shrinkage s: similarity × n / (n + s), n the number of users who rated both.</summary>
        public const double Shrinkage = 25;

        /// <summary>The similarity.</summary>
        public const ItemSimilarity Similarity = ItemSimilarity.Cosine;

        /// <summary>Pairs rated together by fewer users are ignored.</summary>
        public const int MinSupport = 2;
    }

    /// <summary>Neighbours kept per movie.</summary>
    public int Neighbors { get; init; } = Defaults.Neighbors;

    /// <summary>Shrinkage s: similarity × n / (n + s), n the number of users who rated both.</summary>
    public double Shrinkage { get; init; } = Defaults.Shrinkage;

    /// <summary>The similarity.</summary>
    public ItemSimilarity Similarity { get; init; } = Defaults.Similarity;

    /// <summary>Pairs rated together by fewer users are ignored.</summary>
    public int MinSupport { get; init; } = Defaults.MinSupport;

    /// <summary>Threads of the similarity lists, one movie per task (default: the machine's cores); the lists are the same for any value.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;
}
