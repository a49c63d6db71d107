namespace MovieRec.Algorithms;

/// <summary>How <see cref="ItemKnn"/> compares two movies' rating vectors.</summary>
public enum ItemSimilarity
{
    /// <summary>Cosine of the raw rating vectors.</summary>
    Cosine,

    /// <summary>Cosine after subtracting each user's mean rating (Sarwar et al., 2001).</summary>
    AdjustedCosine,
}
