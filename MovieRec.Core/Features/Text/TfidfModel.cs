namespace MovieRec.Features.Text;

/// <summary>A fitted TF-IDF vocabulary: transforms any text, seen or unseen, into an L2-normalized sparse row.</summary>
public sealed class TfidfModel
{
    private readonly Dictionary<string, int> _index;

    internal TfidfModel(string[] terms, double[] idf, TfidfOptions options)
    {
        Terms = terms;
        Idf = idf;
        Options = options;
        _index = new Dictionary<string, int>(terms.Length, StringComparer.Ordinal);
        for (var i = 0; i < terms.Length; i++) _index[terms[i]] = i;
    }

    /// <summary>The vocabulary, alphabetical; a term's position is its column.</summary>
    public IReadOnlyList<string> Terms { get; }

    /// <summary>The idf of each term.</summary>
    public IReadOnlyList<double> Idf { get; }

    /// <summary>The options it was fitted with.</summary>
    public TfidfOptions Options { get; }

    /// <summary>The column of <paramref name="term"/>, or -1.</summary>
    public int IndexOf(string term) => _index.TryGetValue(term, out var i) ? i : -1;

    /// <summary>The TF-IDF matrix of <paramref name="documents"/>: one L2-normalized row per document.</summary>
    public CsrMatrix Transform(IReadOnlyList<string> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var start = new int[documents.Count + 1];
        var cols = new List<int>();
        var vals = new List<double>();
        var counts = new SortedDictionary<int, int>();
        for (var d = 0; d < documents.Count; d++)
        {
            counts.Clear();
            foreach (var term in TextTokenizer.NGrams(TextTokenizer.Words(documents[d]), Options.MaxNGram))
            {
                if (_index.TryGetValue(term, out var c)) counts[c] = counts.GetValueOrDefault(c) + 1;
            }

            var first = vals.Count;
            var norm = 0.0;
            foreach (var (c, tf) in counts)
            {
                var w = (Options.SublinearTf ? 1 + Math.Log(tf) : tf) * Idf[c];
                cols.Add(c);
                vals.Add(w);
                norm += w * w;
            }

            norm = Math.Sqrt(norm);
            for (var p = first; p < vals.Count; p++) vals[p] /= norm;
            start[d + 1] = vals.Count;
        }

        return new CsrMatrix(documents.Count, Terms.Count, start, [.. cols], [.. vals]);
    }
}
