namespace MovieRec.Features.Text;

/// <summary>Fits a TF-IDF vocabulary and idf weights on a corpus (scikit-learn's <c>TfidfVectorizer</c> semantics).</summary>
/// <remarks>
/// <para>Vocabulary: every n-gram (see <see cref="TextTokenizer"/>) with document frequency ≥ MinDocumentFrequency; the
/// MaxFeatures most frequent across the corpus are kept (ties alphabetical); indices are assigned alphabetically.</para>
/// <para>Weights: <c>tfidf(t, d) = tf(t, d) · idf(t)</c> with the smoothed <c>idf(t) = ln((1 + N) / (1 + df(t))) + 1</c>
/// (N documents, df(t) documents containing t), each document row then L2-normalized. A document with no known term is
/// an all-zero row.</para>
/// </remarks>
public static class TfidfVectorizer
{
    /// <summary>Learns the vocabulary and idf from <paramref name="documents"/> (the training corpus only).</summary>
    public static TfidfModel Fit(IReadOnlyList<string> documents, TfidfOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        options ??= new TfidfOptions();
        var total = new Dictionary<string, int>(StringComparer.Ordinal);
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var doc in documents)
        {
            seen.Clear();
            foreach (var term in TextTokenizer.NGrams(TextTokenizer.Words(doc), options.MaxNGram))
            {
                total[term] = total.GetValueOrDefault(term) + 1;
                if (seen.Add(term)) df[term] = df.GetValueOrDefault(term) + 1;
            }
        }

        var kept = total
            .Where(p => df[p.Key] >= options.MinDocumentFrequency)
            .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(options.MaxFeatures)
            .Select(p => p.Key)
            .Order(StringComparer.Ordinal)
            .ToArray();
        var n = documents.Count;
        var idf = kept.Select(t => Math.Log((1.0 + n) / (1.0 + df[t])) + 1.0).ToArray();
        return new TfidfModel(kept, idf, options);
    }
}
