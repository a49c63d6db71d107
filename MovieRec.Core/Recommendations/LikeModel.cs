namespace MovieRec.Recommendations;

/// <summary>
/// A fitted <see cref="LikeRanker"/> (the ML engine): every movie becomes a feature row (the user's profile features, the
/// movie's statistics and embeddings, the genre match), scored in one batch by the like classifier, times a popularity
/// prior: score = P(like | rated) · ((n + 1) / U)^a, n the movie's training ratings and U the users.
/// </summary>
/// <remarks>An unknown user gets the training-wide user features (flagged); an unknown movie scores 0 (flagged). Movies
/// without a title score NaN, so they are never ranked. Not a rating (<see cref="PredictsRatings"/> is false).</remarks>
public sealed class LikeModel : IDenseScorer
{
    internal LikeModel(FeatureModel features, TrainedClassifier classifier, ClassifierSelection selection, double popularityPrior, RatingDataset? train = null)
        : this(new Lazy<(FeatureModel, TrainedClassifier)>((features, classifier)), selection, popularityPrior, train ?? features.Train)
    {
    }

    /// <summary>A model whose feature model and classifier are resolved on first use (a loaded bundle: the svd and content
    /// engines never wait for them); <paramref name="parts"/> throws what the load would have thrown.</summary>
    internal LikeModel(Lazy<(FeatureModel Features, TrainedClassifier Classifier)> parts, ClassifierSelection selection, double popularityPrior, RatingDataset train)
    {
        _parts = parts;
        Selection = selection;
        PopularityPrior = popularityPrior;
        Train = train;
    }

    private readonly Lazy<(FeatureModel Features, TrainedClassifier Classifier)> _parts;

    /// <inheritdoc />
    public RatingDataset Train { get; }

    /// <summary>The fitted features (on the dataset with its movie side).</summary>
    public FeatureModel Features => _parts.Value.Features;

    /// <summary>Whether <see cref="Features"/> and <see cref="Classifier"/> are at hand (false for a bundle loaded without
    /// prefetching until the first call that needs them).</summary>
    internal bool HasParts => _parts.IsValueCreated;

    /// <summary>The like classifier.</summary>
    public TrainedClassifier Classifier => _parts.Value.Classifier;

    /// <summary>How the classifier was chosen.</summary>
    public ClassifierSelection Selection { get; }

    /// <summary>The prior's exponent a.</summary>
    public double PopularityPrior { get; }

    /// <inheritdoc />
    public bool PredictsRatings => false;

    /// <inheritdoc />
    /// <remarks>One feature row and one classifier prediction, times the prior (the value <see cref="ScoreDense"/> gives it).</remarks>
    public Prediction Predict(int userId, int movieId)
    {
        var user = Train.UserIndex(userId);
        var item = Train.ItemIndex(movieId);
        var source = Prediction.SourceOf(user, item);
        if (item < 0) return new Prediction(0, source);
        var row = new float[Features.FeatureNames.Count];
        Features.FillRow(Features.UserRowOf(userId), item, row);
        var p = Features.Catalog.Untitled(item) ? float.NaN
            : Classifier.PredictProbabilities(new FeatureTable(row, new bool[1], Features.FeatureNames))[0];
        return new Prediction(p * Prior(item), source);
    }

    /// <inheritdoc />
    public void ScoreDense(int user, Span<float> scores) => MovieScores(Train.UserIds[user]).AsSpan(0, scores.Length).CopyTo(scores);

    /// <summary>P(like | rated) of every movie of the catalog for <paramref name="userId"/> (titleless movies NaN).</summary>
    internal float[] LikeProbabilities(int userId)
    {
        var catalog = Features.Catalog;
        var d = Features.FeatureNames.Count;
        var values = new float[catalog.Count * d];
        var userRow = Features.UserRowOf(userId);
        for (var m = 0; m < catalog.Count; m++) Features.FillRow(userRow, m, values.AsSpan(m * d, d));
        var p = Classifier.PredictProbabilities(new FeatureTable(values, new bool[catalog.Count], Features.FeatureNames));
        catalog.MaskUntitled(p);
        return p;
    }

    /// <summary>The engine's scores (P(like | rated) times the prior) of every movie of the catalog.</summary>
    internal float[] MovieScores(int userId)
    {
        var p = LikeProbabilities(userId);
        if (PopularityPrior == 0) return p;
        for (var m = 0; m < p.Length; m++) p[m] *= Prior(m);
        return p;
    }

    /// <summary>((n + 1) / U)^a for catalog row <paramref name="movie"/> (1 when a is 0).</summary>
    private float Prior(int movie)
    {
        if (PopularityPrior == 0) return 1f;
        var train = Features.Train;
        var n = movie < train.ItemIds.Count ? train.ItemCounts[movie] : 0;
        return (float)Math.Pow((n + 1.0) / train.UserIds.Count, PopularityPrior);
    }
}
