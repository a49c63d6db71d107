namespace MovieRec.Recommendations;

/// <summary>
/// The shape of the rankers built on the movie features (<see cref="ContentRanker"/>, <see cref="LikeRanker"/>,
/// <see cref="HybridRanker"/>): options → <see cref="Fit(RatingDataset, CancellationToken)"/> → model, like every algorithm,
/// plus <see cref="Fit(FeatureModel, CancellationToken)"/> on a feature model already fitted on the training dataset, so a
/// composition (<see cref="MovieRecommender"/>) fits the features once for all of them.
/// </summary>
/// <typeparam name="TModel">The fitted model.</typeparam>
/// <param name="movies">The movies table, used when the dataset given to <see cref="Fit(RatingDataset, CancellationToken)"/> has
/// no movie side (an evaluation split built from ratings alone); with <paramref name="tags"/> and <paramref name="genome"/>.</param>
/// <param name="tags">Tags for the text, with <paramref name="movies"/>.</param>
/// <param name="genome">The tag genome, with <paramref name="movies"/>.</param>
public abstract class FeatureRanker<TModel>(DataFrame? movies, DataFrame? tags, GenomeMatrix? genome) : IRecommenderAlgorithm<TModel>
    where TModel : IDenseScorer
{
    /// <inheritdoc />
    public abstract string Name { get; }

    /// <summary>The features the model reads.</summary>
    protected abstract FeatureOptions Features { get; }

    /// <summary>Fits the features on <paramref name="train"/> (with its movie side, or the one given to the constructor),
    /// then the model. The model's training set is <paramref name="train"/> itself, or, when the movie side came from the
    /// constructor, <paramref name="train"/>'s ratings (the same arrays, the same indexes) with that movie side.</summary>
    /// <exception cref="ArgumentException">Neither the dataset nor the constructor has the movies table.</exception>
    public TModel Fit(RatingDataset train, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        var withMovies = train.Movies is null && movies is not null ? train.WithMovies(movies, tags, genome) : train;
        return Fit(new FeaturePipeline(Features).Fit(withMovies, cancellationToken), cancellationToken);
    }

    /// <summary>Fits the model on a feature model already fitted on the training dataset (<see cref="FeatureModel.Train"/>).</summary>
    public abstract TModel Fit(FeatureModel features, CancellationToken cancellationToken = default);
}
