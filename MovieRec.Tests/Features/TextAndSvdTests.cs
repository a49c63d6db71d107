using MathNet.Numerics.LinearAlgebra;
using MovieRec.Features.Text;
using MovieRec.LinearAlgebra;

namespace MovieRec.Tests.Features;

public sealed class TextAndSvdTests
{
    [Fact]
    public void Tokenizer_lowercases_drops_stop_words_and_builds_bigrams()
    {
        var words = TextTokenizer.Words("The Andy's TOYS live in New-York, a city!");
        Assert.Equal(["andys", "toys", "live", "new", "york", "city"], words);
        Assert.Equal(["new", "york", "city", "new york", "york city"], TextTokenizer.NGrams(["new", "york", "city"], 2));
    }

    [Fact]
    public void Tfidf_matches_a_hand_computed_example()
    {
        // df: cat 2, dog 1, ran 2, sat 1 over N = 3 documents ("the" is a stop word).
        var model = TfidfVectorizer.Fit(["the cat sat", "the cat ran", "dog ran"], new TfidfOptions { MaxNGram = 1 });
        Assert.Equal(["cat", "dog", "ran", "sat"], model.Terms);
        double idfCat = Math.Log(4.0 / 3.0) + 1, idfSat = Math.Log(4.0 / 2.0) + 1;
        Assert.Equal(idfCat, model.Idf[0], 12);
        Assert.Equal(idfSat, model.Idf[3], 12);

        var x = model.Transform(["the cat sat", "cat cat", "unknown words only", ""]);
        var norm = Math.Sqrt((idfCat * idfCat) + (idfSat * idfSat));
        Assert.Equal([0, 3], x.ColumnIndex[x.RowStart[0]..x.RowStart[1]]);
        Assert.Equal(idfCat / norm, x.Values[0], 12);
        Assert.Equal(idfSat / norm, x.Values[1], 12);
        Assert.Equal(1.0, x.Values[x.RowStart[1]], 12); // a single term normalizes to 1 whatever its count
        Assert.Equal(x.RowStart[2], x.RowStart[3]);       // no known term: empty row
        Assert.Equal(x.RowStart[3], x.RowStart[4]);
    }

    [Fact]
    public void Tfidf_caps_the_vocabulary_at_the_most_frequent_terms()
    {
        var model = TfidfVectorizer.Fit(["alpha beta", "alpha gamma", "alpha beta delta"], new TfidfOptions { MaxFeatures = 2, MaxNGram = 2 });
        Assert.Equal(["alpha", "alpha beta"], model.Terms);     // alpha 3; "alpha beta" and beta tie at 2, alphabetical order breaks the tie
        Assert.Equal(-1, model.IndexOf("beta"));
    }

    [Fact]
    public void Randomized_svd_matches_the_exact_svd_within_one_percent()
    {
        var rng = new Random(3);
        var dense = new double[80, 50];
        for (var i = 0; i < 80; i++)
        {
            for (var j = 0; j < 50; j++)
            {
                // low-rank structure plus sparse noise
                dense[i, j] = rng.NextDouble() < 0.6 ? 0 : ((i % 7) * (j % 5) / 10.0) + ((i % 3) * (j % 4) / 5.0) + rng.NextDouble();
            }
        }

        var exact = Matrix<double>.Build.DenseOfArray(dense).Svd(computeVectors: false).S.ToArray();
        var svd = RandomizedSvd.Compute(CsrMatrix.FromDense(dense), new RandomizedSvdOptions { Factors = 5 });

        for (var c = 0; c < 5; c++)
        {
            Assert.True(Math.Abs(svd.SingularValues[c] - exact[c]) / exact[c] < 0.01, $"σ{c}: randomized {svd.SingularValues[c]:F6}, exact {exact[c]:F6}");
        }

        // U and V have orthonormal columns, and A·v = σ·u.
        for (var a = 0; a < 5; a++)
        {
            for (var b = 0; b < 5; b++)
            {
                Assert.Equal(a == b ? 1.0 : 0.0, Dot(svd.RightVector(a), svd.RightVector(b)), 9);
                Assert.Equal(a == b ? 1.0 : 0.0, Dot(svd.LeftVector(a), svd.LeftVector(b)), 9);
            }

            var v = svd.RightVector(a);
            for (var i = 0; i < 80; i++)
            {
                var av = 0.0;
                for (var j = 0; j < 50; j++) av += dense[i, j] * v[j];
                Assert.Equal(svd.SingularValues[a] * svd.LeftVector(a)[i], av, 1e-2 * exact[0]);
            }
        }
    }

    [Fact]
    public void Randomized_svd_is_deterministic_for_a_seed()
    {
        var dense = new double[30, 20];
        for (var i = 0; i < 30; i++) for (var j = 0; j < 20; j++) dense[i, j] = (i * 7 + j * 3) % 11 == 0 ? 0 : Math.Sin(i + (2 * j));
        var a = RandomizedSvd.Compute(CsrMatrix.FromDense(dense), new RandomizedSvdOptions { Factors = 4, Seed = 9 });
        var b = RandomizedSvd.Compute(CsrMatrix.FromDense(dense), new RandomizedSvdOptions { Factors = 4, Seed = 9 });
        Assert.Equal(a.SingularValues, b.SingularValues);
        Assert.Equal(a.Right, b.Right);
    }

    [Fact]
    public void Randomized_svd_and_puresvd_are_the_same_to_the_bit_for_any_number_of_threads()
    {
        // Several row chunks of the orthonormalization (512 rows each) and of the sparse products, in both directions.
        const int rows = 2_000, columns = 700;
        var rng = new Random(5);
        var dense = new double[rows, columns];
        for (var i = 0; i < rows; i++) for (var j = 0; j < columns; j++) dense[i, j] = rng.NextDouble() < 0.02 ? rng.Next(1, 11) / 2.0 : 0;
        var matrix = CsrMatrix.FromDense(dense);
        var results = new[] { 1, 2, 3 }.Select(t => RandomizedSvd.Compute(matrix, new RandomizedSvdOptions { Factors = 12, Seed = 9, Threads = t })).ToArray();
        foreach (var other in results.Skip(1))
        {
            Assert.Equal(results[0].SingularValues, other.SingularValues);
            Assert.Equal(results[0].Right, other.Right);
            Assert.Equal(Enumerable.Range(0, 12).SelectMany(c => results[0].LeftVector(c).ToArray()), Enumerable.Range(0, 12).SelectMany(c => other.LeftVector(c).ToArray()));
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => RandomizedSvd.Compute(matrix, new RandomizedSvdOptions { Threads = 0 }));

        var ratings = new List<(int User, int Movie, float Rating)>();
        for (var i = 0; i < rows; i++) for (var j = 0; j < columns; j++) if (dense[i, j] > 0) ratings.Add((i + 1, j + 1, (float)dense[i, j]));
        var data = RatingDataset.From([.. ratings.Select(r => r.User)], [.. ratings.Select(r => r.Movie)], [.. ratings.Select(r => r.Rating)], new long[ratings.Count]);
        var one = new PureSvd(new PureSvdOptions { Factors = 12, Threads = 1 }).Fit(data);
        var all = new PureSvd(new PureSvdOptions { Factors = 12, Threads = 4 }).Fit(data);
        var (a, b) = (new float[data.ItemIds.Count], new float[data.ItemIds.Count]);
        for (var u = 0; u < data.UserIds.Count; u += 97)
        {
            one.ScoreDense(u, a);
            all.ScoreDense(u, b);
            Assert.Equal(a, b);
        }
    }

    [Fact]
    public void Text_embedding_projects_onto_v_reports_explained_variance_and_zeroes_empty_text()
    {
        string[] corpus = ["space alien robot planet", "alien planet invasion", "love romance wedding kiss", "romance kiss summer love", "robot future space", "wedding love"];
        var model = TextEmbedding.Fit(corpus, new TextEmbeddingOptions { Factors = 2, Tfidf = new TfidfOptions { MaxNGram = 1 } });

        var embedded = model.Transform([.. corpus, "", "zebra"], out var hasText);
        Assert.Equal([true, true, true, true, true, true, false, false], hasText);
        Assert.Equal(0f, embedded[(6 * 2) + 0]);
        Assert.Equal(0f, embedded[(7 * 2) + 1]);

        // Explained variance, recomputed densely: var(X v_c) / Σ_j var(X_j).
        var x = model.Tfidf.Transform(corpus);
        var dense = new double[x.Rows, x.Columns];
        for (var i = 0; i < x.Rows; i++) for (var p = x.RowStart[i]; p < x.RowStart[i + 1]; p++) dense[i, x.ColumnIndex[p]] = x.Values[p];
        var total = Enumerable.Range(0, x.Columns).Sum(j => Variance(Enumerable.Range(0, x.Rows).Select(i => dense[i, j])));
        for (var c = 0; c < 2; c++)
        {
            var projected = Enumerable.Range(0, x.Rows).Select(i => (double)embedded[(i * 2) + c]);
            Assert.Equal(Variance(projected) / total, model.ExplainedVarianceRatio[c], 5);
        }

        // Themes separate: the two sci-fi documents are closer to each other than to a romance.
        Assert.True(Cosine(embedded, 0, 1) > Cosine(embedded, 0, 2));
        Assert.Equal(2, model.ExplainedVariance().Rows.Count);
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var s = 0.0;
        for (var i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }

    private static double Variance(IEnumerable<double> values)
    {
        var v = values.ToArray();
        var mean = v.Average();
        return v.Sum(x => (x - mean) * (x - mean)) / v.Length;
    }

    private static double Cosine(float[] rows, int a, int b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var c = 0; c < 2; c++)
        {
            dot += rows[(a * 2) + c] * rows[(b * 2) + c];
            na += rows[(a * 2) + c] * rows[(a * 2) + c];
            nb += rows[(b * 2) + c] * rows[(b * 2) + c];
        }

        return dot / Math.Sqrt(na * nb);
    }
}
