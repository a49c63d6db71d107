namespace MovieRec.Classifiers;

/// <summary>
/// Cross-validation folds over training ratings where each fold's features are refitted on the other folds' ratings:
/// a validation fold's own ratings never enter the user and movie statistics it is scored with, so no fold's statistics
/// leak into another. Text and genome embeddings (no rating statistics) are reused from <paramref name="reuse"/>.
/// </summary>
/// <remarks>Folds are stratified on <c>like</c>. Tables are built once per fold and cached, so every candidate of every
/// family sees the same folds.</remarks>
public sealed class RatingFolds(RatingDataset train, FeatureOptions options, FeatureModel reuse, int folds = 3, int seed = 42) : IFoldSource
{
    private readonly (FeatureTable, FeatureTable)?[] _cache = new (FeatureTable, FeatureTable)?[folds];
    private readonly int[] _fold = StratifiedRows.Folds(Array.ConvertAll(train.Ratings, r => r >= options.LikeThreshold), folds, seed);

    /// <inheritdoc />
    public int Folds => folds;

    /// <inheritdoc />
    public (FeatureTable Train, FeatureTable Validation) Fold(int fold)
    {
        if (_cache[fold] is { } cached) return cached;
        train.RequireMovies("Rating folds");
        var foldTrain = train.Subset(Array.ConvertAll(_fold, f => f != fold));
        var validation = train.Rows(Array.ConvertAll(_fold, f => f == fold));
        var model = new FeaturePipeline(options, reuse).Fit(foldTrain);
        var tables = (FeatureTable.From(model.TransformTraining()), FeatureTable.From(model.Transform(validation)));
        _cache[fold] = tables;
        return tables;
    }
}
