namespace MovieRec.Features.Text;

/// <summary>Options of <see cref="TfidfVectorizer"/>; defaults follow the original project (scikit-learn's TfidfVectorizer).</summary>
public sealed record TfidfOptions
{
    /// <summary>The vocabulary keeps at most this many terms, the most frequent across the corpus (ties: alphabetical).</summary>
    public int MaxFeatures { get; init; } = 5_000;

    /// <summary>Longest n-gram (1 = unigrams, 2 = unigrams and bigrams).</summary>
    public int MaxNGram { get; init; } = 2;

    /// <summary>A term must occur in at least this many documents.</summary>
    public int MinDocumentFrequency { get; init; } = 1;

    /// <summary>Use 1 + ln(tf) instead of the raw count.</summary>
    public bool SublinearTf { get; init; }
}
