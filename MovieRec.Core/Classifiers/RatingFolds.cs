namespace MovieRec.Classifiers;

/// <summary>
/// Cross-validation folds over training ratings where each fold's features are refitted on the other folds' ratings:
/// a validation fold's own ratings never enter the user and movie statistics it is scored with, so no fold's statistics
/// leak into another. Text and genome embeddings (no rating statistics) are reused from the feature model given.
/// </summary>
/// <remarks>The k folds are stratified on <c>like</c>; <see cref="HoldOut"/> is the one-fold form the ML engine chooses its
/// classifier on. Tables are built once per fold and cached, so every candidate of every family sees the same folds.</remarks>
public sealed class RatingFolds : IFoldSource
{
    private readonly RatingDataset _train;
    private readonly FeatureOptions _options;
    private readonly FeatureModel _reuse;
    private readonly int[] _fold;
    private readonly FoldParts?[] _cache;

    /// <summary>k folds of <paramref name="train"/>'s ratings, stratified on <c>like</c>.</summary>
    /// <param name="train">The training ratings, with their movie side.</param>
    /// <param name="options">The features refitted per fold.</param>
    /// <param name="reuse">The feature model whose text and genome embeddings every fold reuses.</param>
    /// <param name="folds">How many folds.</param>
    /// <param name="seed">Seed of the fold assignment.</param>
    public RatingFolds(RatingDataset train, FeatureOptions options, FeatureModel reuse, int folds = 3, int seed = 42)
        : this(train, options, reuse, StratifiedRows.Folds(Array.ConvertAll(train.Ratings, r => r >= options.LikeThreshold), folds, seed), folds)
    {
    }

    private RatingFolds(RatingDataset train, FeatureOptions options, FeatureModel reuse, int[] fold, int folds)
    {
        (_train, _options, _reuse, _fold) = (train, options, reuse, fold);
        _cache = new FoldParts?[folds];
    }

    /// <summary>One fold: <paramref name="fraction"/> of each user's ratings held out for validation (seeded, the hold-out
    /// of <see cref="RatingDataset"/>), the features refitted on the rest.</summary>
    internal static RatingFolds HoldOut(RatingDataset train, FeatureOptions options, FeatureModel reuse, double fraction, int seed) =>
        new(train, options, reuse, Array.ConvertAll(train.HeldOutRows(fraction, seed), held => held ? 0 : -1), 1);

    /// <inheritdoc />
    public int Folds => _cache.Length;

    /// <inheritdoc />
    public (FeatureTable Train, FeatureTable Validation) Fold(int fold)
    {
        var parts = Parts(fold);
        return (parts.TrainTable, parts.ValidationTable);
    }

    /// <summary>Fold <paramref name="fold"/> with what its tables were made from: the training part as a dataset, the
    /// validation ratings and the features fitted on the training part.</summary>
    /// <param name="fold">The fold.</param>
    /// <param name="cancellationToken">Checked by the feature fit of a fold not made yet.</param>
    internal FoldParts Parts(int fold, CancellationToken cancellationToken = default)
    {
        if (_cache[fold] is { } cached) return cached;
        _train.RequireMovies("Rating folds");
        var foldTrain = _train.Subset(Array.ConvertAll(_fold, f => f != fold));
        var validation = _train.Rows(Array.ConvertAll(_fold, f => f == fold));
        var model = new FeaturePipeline(_options, _reuse).Fit(foldTrain, cancellationToken);
        var parts = new FoldParts(foldTrain, validation, model, FeatureTable.From(model.TransformTraining()), FeatureTable.From(model.Transform(validation)));
        _cache[fold] = parts;
        return parts;
    }

    /// <summary>A fold and what its tables were made from.</summary>
    internal sealed record FoldParts(RatingDataset Train, DataFrame Validation, FeatureModel Features, FeatureTable TrainTable, FeatureTable ValidationTable);
}
