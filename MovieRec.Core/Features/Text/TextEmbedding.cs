namespace MovieRec.Features.Text;

/// <summary>Movie text embeddings: TF-IDF (<see cref="TfidfVectorizer"/>) reduced by a truncated SVD (<see cref="RandomizedSvd"/>), i.e. LSA.</summary>
/// <remarks>The embedding of a document x (an L2-normalized TF-IDF row) is <c>xV</c>, V the top right singular vectors of
/// the training TF-IDF matrix: scikit-learn's <c>TruncatedSVD.transform</c>. Fit on the training movies' texts only; the
/// fitted model then embeds any movie, including ones never seen.</remarks>
public static class TextEmbedding
{
    /// <summary>The text of each row of <paramref name="movies"/>: overview, then genres, keywords and tags as the options say.</summary>
    /// <param name="movies">A (cleaned, merged) movies table.</param>
    /// <param name="options">Which parts to join.</param>
    /// <param name="tagsByMovie">Tag text per movieId (see <see cref="TagsByMovie"/>), used when <see cref="TextEmbeddingOptions.IncludeTags"/>.</param>
    public static string[] MovieTexts(DataFrame movies, TextEmbeddingOptions? options = null, IReadOnlyDictionary<int, string>? tagsByMovie = null)
    {
        ArgumentNullException.ThrowIfNull(movies);
        options ??= new TextEmbeddingOptions();
        var ids = movies.ToArray<int>(Columns.MovieId);
        var overview = movies.HasColumn(Columns.Overview) ? movies.ToStringArray(Columns.Overview) : null;
        var genres = options.IncludeGenres && movies.HasColumn(Columns.Genres) ? movies.ToStringArray(Columns.Genres) : null;
        var keywords = options.IncludeKeywords && movies.HasColumn(Columns.Keywords) ? movies.ToStringArray(Columns.Keywords) : null;
        var texts = new string[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            var parts = new List<string>(4);
            if (overview is not null && overview[i].Length > 0) parts.Add(overview[i]);
            if (genres is not null && genres[i].Length > 0 && genres[i] != "(no genres listed)") parts.Add(genres[i].Replace('|', ' '));
            if (keywords is not null && keywords[i].Length > 0) parts.Add(keywords[i].Replace('|', ' '));
            if (options.IncludeTags && tagsByMovie is not null && tagsByMovie.TryGetValue(ids[i], out var t)) parts.Add(t);
            texts[i] = string.Join(". ", parts);
        }

        return texts;
    }

    /// <summary>Tag text per movie from the tags whose (userId, movieId) pair is rated in <paramref name="train"/> (so test users' tags never leak).</summary>
    public static Dictionary<int, string> TagsByMovie(DataFrame tags, RatingDataset train)
    {
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(train);
        var pairs = new HashSet<long>(train.Count);
        for (var i = 0; i < train.Count; i++) pairs.Add(((long)train.UserIds[train.Users[i]] << 32) | (uint)train.ItemIds[train.Items[i]]);
        var tu = tags.ToArray<int>(Columns.UserId);
        var tm = tags.ToArray<int>(Columns.MovieId);
        var text = tags.ToStringArray(Columns.Tag);
        var result = new Dictionary<int, List<string>>();
        for (var i = 0; i < tu.Length; i++)
        {
            if (!pairs.Contains(((long)tu[i] << 32) | (uint)tm[i])) continue;
            if (!result.TryGetValue(tm[i], out var list)) result[tm[i]] = list = [];
            list.Add(text[i]);
        }

        return result.ToDictionary(p => p.Key, p => string.Join(". ", p.Value));
    }

    /// <summary>Fits TF-IDF and the SVD projection on <paramref name="trainingTexts"/>.</summary>
    public static TextEmbeddingModel Fit(IReadOnlyList<string> trainingTexts, TextEmbeddingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(trainingTexts);
        options ??= new TextEmbeddingOptions();
        var tfidf = TfidfVectorizer.Fit(trainingTexts, options.Tfidf);
        var x = tfidf.Transform(trainingTexts);
        if (tfidf.Terms.Count == 0 || x.NonZeros == 0) return new TextEmbeddingModel(tfidf, [], 0, [], [], options);
        var svd = RandomizedSvd.Compute(x, new RandomizedSvdOptions
        {
            Factors = options.Factors, Oversampling = options.Oversampling, PowerIterations = options.PowerIterations, Seed = options.Seed, Threads = options.Threads,
        });
        var k = svd.Factors;
        var model = new TextEmbeddingModel(tfidf, svd.Right, k, svd.SingularValues, new double[k], options);
        model.SetExplainedVariance(ExplainedVarianceRatio(x, model.Project(x)));
        return model;
    }

    /// <summary>scikit-learn's <c>explained_variance_ratio_</c>: var(Xv_c) / Σ_j var(X_j), variances over the training rows.</summary>
    private static double[] ExplainedVarianceRatio(CsrMatrix x, float[] projected)
    {
        var m = x.Rows;
        var sum = new double[x.Columns];
        var sumSq = new double[x.Columns];
        for (var p = 0; p < x.NonZeros; p++)
        {
            sum[x.ColumnIndex[p]] += x.Values[p];
            sumSq[x.ColumnIndex[p]] += x.Values[p] * x.Values[p];
        }

        var totalVariance = 0.0;
        for (var j = 0; j < x.Columns; j++) totalVariance += (sumSq[j] / m) - ((sum[j] / m) * (sum[j] / m));
        var k = projected.Length / m;
        var ratio = new double[k];
        for (var c = 0; c < k; c++)
        {
            double s = 0, s2 = 0;
            for (var i = 0; i < m; i++)
            {
                double v = projected[(i * k) + c];
                s += v;
                s2 += v * v;
            }

            ratio[c] = ((s2 / m) - ((s / m) * (s / m))) / totalVariance;
        }

        return ratio;
    }
}
