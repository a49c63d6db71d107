namespace MovieRec.Recommendations;

/// <summary>
/// A fitted <see cref="ContentRanker"/>: the score of movie m for user u is cos(c_u, v_m), c_u = Σ v_l / ‖Σ v_l‖ over the
/// movies l that u rated at least the like threshold, v the unit vectors of <see cref="Space"/>.
/// </summary>
/// <remarks>A user without likes scores 0 everywhere, and so does an unknown user (flagged); an unknown movie scores 0
/// (flagged). Movies without a title score NaN, so they are never ranked. Not a rating (<see cref="PredictsRatings"/> is false).</remarks>
public sealed class ContentModel : IDenseScorer
{
    private readonly double _likeThreshold;

    internal ContentModel(RatingDataset train, MovieEmbeddingSpace space, double likeThreshold)
    {
        Train = train;
        Space = space;
        _likeThreshold = likeThreshold;
    }

    /// <inheritdoc />
    public RatingDataset Train { get; }

    /// <summary>The similarity space (rows = the movie indexes of the dataset's catalog).</summary>
    public MovieEmbeddingSpace Space { get; }

    /// <inheritdoc />
    public bool PredictsRatings => false;

    /// <inheritdoc />
    /// <remarks>One dot product: the user's centroid against the movie's vector (the value <see cref="ScoreDense"/> gives it).</remarks>
    public Prediction Predict(int userId, int movieId)
    {
        var user = Train.UserIndex(userId);
        var item = Train.ItemIndex(movieId);
        var source = Prediction.SourceOf(user, item);
        if (user < 0 || item < 0) return new Prediction(0, source);
        if (Space.Catalog.Untitled(item)) return new Prediction(float.NaN, source);
        var centroid = new float[Space.Dimensions];
        return new Prediction(Centroid(user, centroid) ? TensorPrimitives.Dot(centroid, Space.Vector(item)) : 0f, source);
    }

    /// <inheritdoc />
    public void ScoreDense(int user, Span<float> scores) => MovieScores(user).AsSpan(0, scores.Length).CopyTo(scores);

    /// <summary>The scores of every movie of the catalog (rated and unrated) for user index <paramref name="user"/>.</summary>
    internal float[] MovieScores(int user)
    {
        var scores = new float[Space.MovieIds.Count];
        var centroid = new float[Space.Dimensions];
        if (Centroid(user, centroid)) Space.Similarities(centroid, scores);
        Space.Catalog.MaskUntitled(scores);
        return scores;
    }

    /// <summary>c_u, the normalized sum of the vectors of the movies user index <paramref name="user"/> liked, into
    /// <paramref name="centroid"/>; false (centroid zero) when the user liked none.</summary>
    private bool Centroid(int user, Span<float> centroid)
    {
        var items = Train.ItemsOf(user);
        var ratings = Train.RatingsOf(user);
        var liked = 0;
        for (var p = 0; p < items.Length; p++)
        {
            if (ratings[p] < _likeThreshold) continue;
            TensorPrimitives.Add(centroid, Space.Vector(items[p]), centroid);
            liked++;
        }

        if (liked == 0) return false;
        var norm = TensorPrimitives.Norm(centroid);
        if (norm > 0) TensorPrimitives.Divide(centroid, norm, centroid);
        return true;
    }
}
