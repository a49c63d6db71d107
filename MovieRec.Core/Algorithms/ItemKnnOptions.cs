namespace MovieRec.Algorithms;

/// <summary>How <see cref="ItemKnn"/> compares two movies' rating vectors.</summary>
public enum ItemSimilarity
{
    /// <summary>Cosine of the raw rating vectors.</summary>
    Cosine,

    /// <summary>Cosine after subtracting each user's mean rating (Sarwar et al., 2001).</summary>
    AdjustedCosine,
}

/// <summary>Options of <see cref="ItemKnn"/>.</summary>
public sealed record ItemKnnOptions
{
    /// <summary>Neighbours kept per movie.</summary>
    public int Neighbors { get; init; } = 40;

    /// <summary>Shrinkage s: similarity × n / (n + s), n the number of users who rated both.</summary>
    public double Shrinkage { get; init; } = 25;

    /// <summary>The similarity.</summary>
    public ItemSimilarity Similarity { get; init; } = ItemSimilarity.Cosine;

    /// <summary>Pairs rated together by fewer users are ignored.</summary>
    public int MinSupport { get; init; } = 2;
}
