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
    /// then the model; the model reports <paramref name="train"/> as its training set.</summary>
    /// <exception cref="ArgumentException">Neither the dataset nor the constructor has the movies table.</exception>
    public TModel Fit(RatingDataset train, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        var withMovies = train.Movies is null && movies is not null ? train.WithMovies(movies, tags, genome) : train;
        var model = Fit(new FeaturePipeline(Features).Fit(withMovies, cancellationToken), cancellationToken);
        return ReferenceEquals(withMovies, train) ? model : Reporting(model, train);
    }

    /// <summary>Fits the model on a feature model already fitted on the training dataset (<see cref="FeatureModel.Train"/>).</summary>
    public abstract TModel Fit(FeatureModel features, CancellationToken cancellationToken = default);

    /// <summary><paramref name="model"/> reporting <paramref name="train"/> (the same ratings without the movie side) as its training set.</summary>
    private protected abstract TModel Reporting(TModel model, RatingDataset train);
}
