namespace MovieRec.Evaluation;

/// <summary>A training and a test ratings DataFrame, and the training ratings as the dataset algorithms fit on.</summary>
/// <param name="Train">Ratings to fit on.</param>
/// <param name="Test">Held-out ratings to evaluate on.</param>
public sealed record TrainTestSplit(DataFrame Train, DataFrame Test)
{
    private RatingDataset? _trainSet;

    /// <summary>A split cut from a dataset: <paramref name="trainSet"/> is its training part (the parent's movies, tags and
    /// genome attached), <paramref name="train"/> the same ratings as a frame.</summary>
    internal TrainTestSplit(RatingDataset trainSet, DataFrame train, DataFrame test)
        : this(train, test) => _trainSet = trainSet;

    /// <summary>The training ratings as a dataset, shared by every algorithm fitted on this split: the splitter's own when
    /// the split was cut from a dataset (<see cref="Splitters.Split(RatingDataset, SplitKind, int, double, int)"/>; the
    /// parent's movies, tags and genome attached), else indexed from <see cref="Train"/> once, on first use (the DataFrame
    /// seam for splits made by hand or by the DataFrame splitters).</summary>
    public RatingDataset TrainSet => LazyInitializer.EnsureInitialized(ref _trainSet, () => RatingDataset.From(Train));
}
