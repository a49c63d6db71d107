namespace MovieRec.Recommendations;

/// <summary>
/// A fitted <see cref="HybridRanker"/>: Σ w_c z_c over the rated movies, z_c each component's scores standardized over the
/// movies the user has not rated (<see cref="BlendValidation"/>), for the components PureSVD (<see cref="Svd"/>), the like
/// probability without the prior (<see cref="Like"/>) and the content similarity (<see cref="Content"/>).
/// </summary>
/// <remarks>CF says which movies the user will watch, the classifier whether they will like them. Movies without a title
/// score NaN. An unknown user scores 0 (flagged), as does an unknown movie. Not a rating.</remarks>
public sealed class HybridModel : IDenseScorer
{
    internal HybridModel(RatingDataset train, PureSvdModel svd, LikeModel like, ContentModel content, HybridSelection selection)
    {
        Train = train;
        Svd = svd;
        Like = like;
        Content = content;
        Selection = selection;
        _components =
        [
            new Titled(svd, content.Space.Catalog, svd.ScoreDense),
            new Titled(like, content.Space.Catalog, (user, scores) => like.LikeProbabilities(train.UserIds[user]).AsSpan(0, scores.Length).CopyTo(scores)),
            content,
        ];
    }

    private readonly IDenseScorer[] _components;

    /// <inheritdoc />
    public RatingDataset Train { get; }

    /// <summary>The CF component (and the svd engine).</summary>
    public PureSvdModel Svd { get; }

    /// <summary>The like component (and, with its prior, the ML engine).</summary>
    public LikeModel Like { get; }

    /// <summary>The content component (and the content engine).</summary>
    public ContentModel Content { get; }

    /// <summary>The weights and how they were chosen.</summary>
    public HybridSelection Selection { get; }

    /// <inheritdoc />
    public bool PredictsRatings => false;

    /// <summary>The number of components: svd, like, content.</summary>
    internal const int Components = 3;

    /// <inheritdoc />
    /// <remarks>Unlike the other models, one pair costs a whole row: each component is standardized per user, z = (s − mean) /
    /// spread over the user's unrated movies, so one movie's score needs every movie's component scores (O(movies), as
    /// <see cref="ScoreDense"/>).</remarks>
    public Prediction Predict(int userId, int movieId)
    {
        var user = Train.UserIndex(userId);
        var item = Train.ItemIndex(movieId);
        var source = Prediction.SourceOf(user, item);
        if (user < 0 || item < 0) return new Prediction(0, source);
        var scores = new float[Train.ItemIds.Count];
        ScoreDense(user, scores);
        return new Prediction(scores[item], source);
    }

    /// <inheritdoc />
    public void ScoreDense(int user, Span<float> scores)
    {
        var w = Selection.Weights;
        double[] weights = [w.Svd, w.Like, w.Content];
        var n = Train.ItemIds.Count;
        var combined = scores[..n];
        combined.Clear();
        var items = new float[n];
        var z = new float[n];
        for (var c = 0; c < Components; c++)
        {
            if (weights[c] == 0) continue;
            Component(c).ScoreDense(user, items);
            BlendValidation.Standardize(items, Train.ItemsOf(user), z);
            TensorPrimitives.MultiplyAdd(z, (float)weights[c], combined, combined);
        }
    }

    /// <summary>Component <paramref name="c"/> (0 svd, 1 like without the prior, 2 content) as scores of the rated movies,
    /// titleless movies NaN: what the weights were learned on.</summary>
    internal IDenseScorer Component(int c) => _components[c];

    /// <summary>A component's scores with movies without a title set to NaN.</summary>
    private sealed class Titled(IDenseScorer inner, MovieCatalog catalog, SpanAction score) : IDenseScorer
    {
        public RatingDataset Train => inner.Train;

        public bool PredictsRatings => false;

        public Prediction Predict(int userId, int movieId) => inner.Predict(userId, movieId);

        public void ScoreDense(int user, Span<float> scores)
        {
            score(user, scores);
            catalog.MaskUntitled(scores);
        }
    }

    private delegate void SpanAction(int user, Span<float> scores);
}
