namespace MovieRec.Features.Text;

/// <summary>Splits text into lower-case word tokens without English stop words, and builds n-grams from them.</summary>
/// <remarks>A token is a run of letters or digits (apostrophes inside a word are dropped: "andy's" → "andys"), lower-cased
/// invariantly, at least two characters long, not a stop word. N-grams join consecutive kept tokens with a space, as
/// scikit-learn's TfidfVectorizer does after stop-word removal.</remarks>
public static class TextTokenizer
{
    /// <summary>English stop words (the NLTK list plus a few contractions' remains).</summary>
    public static IReadOnlySet<string> StopWords { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be",
        "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do", "does",
        "doing", "down", "during", "each", "even", "ever", "every", "few", "for", "from", "further", "get", "gets", "had",
        "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "however", "if",
        "in", "into", "is", "it", "its", "itself", "just", "let", "may", "me", "might", "more", "most", "much", "must", "my",
        "myself", "never", "no", "nor", "not", "now", "of", "off", "on", "once", "one", "only", "or", "other", "our", "ours",
        "ourselves", "out", "over", "own", "same", "she", "should", "so", "some", "still", "such", "than", "that", "the",
        "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too",
        "under", "until", "up", "upon", "us", "very", "was", "we", "were", "what", "when", "where", "whether", "which",
        "while", "who", "whom", "whose", "why", "will", "with", "within", "without", "would", "yet", "you", "your", "yours",
        "yourself", "yourselves", "s", "t", "d", "ll", "m", "re", "ve", "don", "didn", "doesn", "isn", "wasn", "aren",
        "weren", "won", "wouldn", "couldn", "shouldn", "hasn", "haven", "hadn",
    };

    /// <summary>The kept word tokens of <paramref name="text"/>, in order.</summary>
    public static List<string> Words(string? text)
    {
        var tokens = new List<string>();
        if (string.IsNullOrEmpty(text)) return tokens;
        var sb = new StringBuilder();
        void Flush()
        {
            if (sb.Length >= 2)
            {
                var token = sb.ToString();
                if (!StopWords.Contains(token)) tokens.Add(token);
            }

            sb.Clear();
        }

        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            else if (c is '\'' or '’') continue;
            else Flush();
        }

        Flush();
        return tokens;
    }

    /// <summary>All n-grams of <paramref name="words"/> for n = 1..<paramref name="maxN"/>.</summary>
    public static IEnumerable<string> NGrams(List<string> words, int maxN)
    {
        ArgumentNullException.ThrowIfNull(words);
        for (var n = 1; n <= maxN; n++)
        {
            for (var i = 0; i + n <= words.Count; i++)
            {
                yield return n == 1 ? words[i] : string.Join(' ', words.GetRange(i, n));
            }
        }
    }
}
