namespace MovieRec.Recommendations;

/// <summary>
/// Rank fusion as a component: <see cref="RecommenderOptions"/> → <c>Fit(dataset)</c> →
/// <see cref="HybridModel"/>, the composition of PureSVD, the like ranker (<see cref="LikeModel"/>) and the content ranker
/// (<see cref="ContentModel"/>) over one feature model, with weights learned on a validation split of the training ratings.
/// </summary>
/// <remarks>
/// With several classifier candidates or learned weights, a validation split of the ratings
/// (<see cref="LikeRankerOptions.ValidationFraction"/> of each user's ratings) is fitted first (the features reuse the
/// text and genome embeddings): it chooses the classifier (<see cref="ClassifierSelection"/>), then the weights by
/// coordinate ascent over <see cref="RecommenderOptions.HybridWeightGrid"/> for NDCG@10 of the held-out likes of at most
/// <see cref="RecommenderOptions.HybridValidationUsers"/> users (<see cref="HybridSelection"/>). Every component is then
/// refitted on all of the training ratings. <see cref="MovieRecommender"/> serves this model's components as its engines.
/// </remarks>
/// <param name="options">The composition's options (default <see cref="RecommenderOptions"/>).</param>
/// <param name="movies">The movies table for datasets without a movie side (see <see cref="FeatureRanker{TModel}"/>).</param>
/// <param name="tags">Tags, with <paramref name="movies"/>.</param>
/// <param name="genome">The tag genome, with <paramref name="movies"/>.</param>
public sealed class HybridRanker(RecommenderOptions? options = null, DataFrame? movies = null, DataFrame? tags = null, GenomeMatrix? genome = null)
    : FeatureRanker<HybridModel>(movies, tags, genome)
{
    /// <summary>The options.</summary>
    public RecommenderOptions Options { get; } = options ?? new RecommenderOptions();

    /// <inheritdoc />
    public override string Name => "hybrid";

    /// <inheritdoc />
    protected override FeatureOptions Features => Options.SeededFeatures;


    /// <inheritdoc />
    public override HybridModel Fit(FeatureModel features, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(features);
        var like = Options.SeededLike;
        if (like.Classifiers.Count == 0) throw new ArgumentException("RecommenderOptions.Like.Classifiers is empty: the ML engine needs at least one classifier.", nameof(features));
        ClassifierSelection selection;
        HybridSelection hybrid;
        if (like.Classifiers.Count == 1 && Options.HybridWeights is { } fixedWeights)
        {
            (selection, hybrid) = (ClassifierSelection.Single(like.Classifiers[0]), HybridSelection.Given(fixedWeights));
        }
        else
        {
            var validation = ClassifierSelection.ValidationFold(features.Train, features, like);
            var inner = validation.Parts(0, cancellationToken); // the features refitted on the kept ratings
            (selection, var innerClassifier) = ClassifierSelection.Run(validation, like, cancellationToken);
            hybrid = Options.HybridWeights is { } given ? HybridSelection.Given(given) : LearnWeights(inner.Train, inner.Validation, Compose(inner.Features, innerClassifier, selection, HybridSelection.Given(HybridWeights.SvdOnly)));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var classifier = new LikeClassifier(like.Classifier(selection.Chosen.Options)).Fit(FeatureTable.From(features.TransformTraining()), cancellationToken);
        return Compose(features, classifier, selection, hybrid);
    }

    /// <summary>The components on <paramref name="features"/>' dataset: PureSVD fitted there, the like model and the content model.</summary>
    internal HybridModel Compose(FeatureModel features, TrainedClassifier classifier, ClassifierSelection selection, HybridSelection hybrid)
    {
        var train = features.Train;
        var svd = new PureSvd(Options.SeededSvd).Fit(train);
        return Compose(features, svd, classifier, selection, hybrid);
    }

    /// <summary>The composition with a PureSVD model already fitted on <paramref name="features"/>' dataset (a loaded bundle),
    /// and the similarity space when the bundle kept it.</summary>
    internal HybridModel Compose(FeatureModel features, PureSvdModel svd, TrainedClassifier classifier, ClassifierSelection selection, HybridSelection hybrid, MovieEmbeddingSpace? space = null)
    {
        var train = features.Train;
        var like = new LikeModel(features, classifier, selection, Options.Like.PopularityPrior);
        var ranker = new ContentRanker(Options.Content);
        var content = space is null ? ranker.Fit(features) : new ContentModel(train, space, ranker.Options.Features.LikeThreshold);
        return new HybridModel(train, svd, like, content, hybrid);
    }

    /// <summary>The composition of a loaded bundle whose like model's parts (<paramref name="likeParts"/>) are resolved on
    /// first use, over its kept similarity space.</summary>
    internal HybridModel Compose(RatingDataset train, Lazy<(FeatureModel Features, TrainedClassifier Classifier)> likeParts, PureSvdModel svd, ClassifierSelection selection, HybridSelection hybrid, MovieEmbeddingSpace space)
    {
        var like = new LikeModel(likeParts, selection, Options.Like.PopularityPrior, train);
        var content = new ContentModel(train, space, Options.Content.Features.LikeThreshold);
        return new HybridModel(train, svd, like, content, hybrid);
    }

    private HybridSelection LearnWeights(RatingDataset inner, DataFrame heldOut, HybridModel components)
    {
        var validation = new BlendValidation(inner, heldOut, k: 10, Options.HybridValidationUsers, Options.Seed, likeThreshold: Options.Features.LikeThreshold, Options.Threads);
        for (var c = 0; c < HybridModel.Components; c++) validation.Add(components.Component(c));
        var (w, singles, ndcg) = validation.Search(Options.HybridWeightGrid, rounds: 2);
        return new HybridSelection(new HybridWeights(w[0], w[1], w[2]), singles[0], singles[1], singles[2], ndcg, validation.Users);
    }
}
