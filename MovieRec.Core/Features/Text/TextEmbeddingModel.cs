namespace MovieRec.Features.Text;

/// <summary>A fitted text embedding: vocabulary, idf and SVD projection. Embeds any text; empty text gives a zero vector.</summary>
public sealed class TextEmbeddingModel
{
    private readonly double[] _projection; // V: terms × k, column-major

    internal TextEmbeddingModel(TfidfModel tfidf, double[] projection, int factors, double[] singularValues, double[] explained, TextEmbeddingOptions options)
    {
        Tfidf = tfidf;
        _projection = projection;
        Factors = factors;
        SingularValues = singularValues;
        ExplainedVarianceRatio = explained;
        Options = options;
    }

    /// <summary>The fitted TF-IDF vocabulary and idf.</summary>
    public TfidfModel Tfidf { get; }

    /// <summary>Embedding dimensions k (fewer than requested when the vocabulary or corpus is smaller).</summary>
    public int Factors { get; }

    /// <summary>Singular values of the training TF-IDF matrix, descending.</summary>
    public IReadOnlyList<double> SingularValues { get; }

    /// <summary>Share of the training TF-IDF variance that each component explains.</summary>
    public IReadOnlyList<double> ExplainedVarianceRatio { get; private set; }

    /// <summary>The options it was fitted with.</summary>
    public TextEmbeddingOptions Options { get; }

    /// <summary>The column names: <c>text0</c> … <c>text{k-1}</c>.</summary>
    public IReadOnlyList<string> ColumnNames => [.. Enumerable.Range(0, Factors).Select(c => string.Create(CultureInfo.InvariantCulture, $"text{c}"))];

    /// <summary>Embeds <paramref name="texts"/>: row-major floats (texts × k); <paramref name="hasText"/> is false where no vocabulary term occurs (zero vector).</summary>
    public float[] Transform(IReadOnlyList<string> texts, out bool[] hasText)
    {
        var x = Tfidf.Transform(texts);
        hasText = new bool[x.Rows];
        for (var i = 0; i < x.Rows; i++) hasText[i] = x.RowStart[i + 1] > x.RowStart[i];
        return Project(x);
    }

    /// <summary>The explained variance per component as a DataFrame (component, singularValue, explainedVarianceRatio, cumulative).</summary>
    public DataFrame ExplainedVariance()
    {
        var cumulative = 0.0;
        var cum = ExplainedVarianceRatio.Select(r => cumulative += r).ToArray();
        return new DataFrame(
            new Int32DataFrameColumn("component", Enumerable.Range(0, Factors)),
            new DoubleDataFrameColumn("singularValue", SingularValues),
            new DoubleDataFrameColumn("explainedVarianceRatio", ExplainedVarianceRatio),
            new DoubleDataFrameColumn("cumulative", cum));
    }

    internal void SetExplainedVariance(double[] ratio) => ExplainedVarianceRatio = ratio;

    internal double[] Projection => _projection;

    internal float[] Project(CsrMatrix x)
    {
        var k = Factors;
        var terms = Tfidf.Terms.Count;
        var result = new float[x.Rows * k];
        var row = new double[k];
        for (var i = 0; i < x.Rows; i++)
        {
            Array.Clear(row);
            for (var p = x.RowStart[i]; p < x.RowStart[i + 1]; p++)
            {
                var term = x.ColumnIndex[p];
                var w = x.Values[p];
                for (var c = 0; c < k; c++) row[c] += w * _projection[(c * terms) + term];
            }

            for (var c = 0; c < k; c++) result[(i * k) + c] = (float)row[c];
        }

        return result;
    }
}
