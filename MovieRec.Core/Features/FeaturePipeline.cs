using MovieRec.Features.Text;

namespace MovieRec.Features;

/// <summary>
/// Fits every learned part of the features on the training ratings only: user and movie statistics, the text
/// vocabulary, idf and SVD projection, the genome projection. The result, a <see cref="FeatureModel"/>, then transforms
/// any split without looking at that split's ratings (only its user and movie ids; the rating is kept as the label).
/// </summary>
/// <remarks>
/// <para>User features: <c>userMean</c>, <c>userStd</c> (sample standard deviation, 0 for one rating),
/// <c>userCount</c>, <c>userLikeRatio</c> (share ≥ LikeThreshold), <c>userModernShare</c> (share of ratings on movies
/// released from ModernYear on), <c>userStrictness</c> (mean of movie mean − own rating: positive rates below the
/// crowd), <c>userKnown</c>; a favourite genre (most liked genre; ties by affinity then name) and per-genre affinity
/// <c>Σ(r − userMean) / (n_g + shrinkage)</c> over the genre's ratings.</para>
/// <para>Movie features: <c>movieMean</c>, <c>movieBayesMean</c> = (C·μ + Σr)/(C + n), <c>movieCount</c>,
/// <c>movieLogPopularity</c> = ln(1 + n), <c>movieLikeRatio</c>, <c>movieYear</c>, <c>movieAge</c> (years before
/// the last training rating), <c>movieTrending</c> (≥ TrendingMinRatings ratings in the last TrendingWindowDays and a
/// recent share ≥ TrendingLift × its overall share), <c>movieRecentShare</c>, then <c>hasText</c>, <c>text*</c>,
/// <c>hasGenome</c>, <c>genome*</c>.</para>
/// <para>Pair features: <c>favGenreMatch</c> (the movie has the user's favourite genre) and <c>genreAffinity</c>
/// (the user's mean affinity over the movie's genres).</para>
/// <para>Unknown users and movies (absent from training) get the training-wide values (global mean, global like ratio,
/// count 0, <c>userKnown</c> = 0) instead of failing.</para>
/// </remarks>
/// <param name="options">Feature settings (default <see cref="FeatureOptions"/>).</param>
/// <param name="reuseEmbeddings">A model whose text and genome embeddings to reuse instead of refitting them (they hold no
/// rating statistics): cross-validation and validation splits refit only the statistics.</param>
public sealed class FeaturePipeline(FeatureOptions? options = null, FeatureModel? reuseEmbeddings = null) : IFittable<FeatureModel>
{
    /// <summary>The feature settings.</summary>
    public FeatureOptions Options { get; } = options ?? new FeatureOptions();

    /// <summary>Fits the feature model on <paramref name="train"/>'s ratings and its movie side (<see cref="RatingDataset.Movies"/>,
    /// <see cref="RatingDataset.Tags"/>, <see cref="RatingDataset.Genome"/>).</summary>
    /// <exception cref="ArgumentException">The dataset has no ratings or no movies table.</exception>
    public FeatureModel Fit(RatingDataset train, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        var catalog = train.RequireMovies("The feature pipeline");
        if (train.Count == 0) throw new ArgumentException("The training dataset holds no ratings.", nameof(train));
        cancellationToken.ThrowIfCancellationRequested();
        var stats = TrainingStatistics.Compute(train, catalog, Options);

        TextEmbeddingModel? text = null;
        float[]? textVectors = null;
        bool[]? hasText = null;
        if (Options.Text is { } textOptions)
        {
            var allTexts = TextEmbedder.Texts(train, catalog, textOptions);
            text = reuseEmbeddings?.Text ?? TextEmbedder.FitOnRated(allTexts, train, textOptions);
            textVectors = text.Transform(allTexts, out hasText);
        }

        cancellationToken.ThrowIfCancellationRequested();
        GenomeEmbedding? genomeModel = null;
        if (train.Genome is not null && Options.GenomeFactors > 0)
        {
            genomeModel = reuseEmbeddings?.Genome
                ?? new GenomeEmbedder(new GenomeEmbeddingOptions { Factors = Options.GenomeFactors, Seed = Options.Seed, Threads = Options.Threads }).Fit(train, cancellationToken);
        }

        return new FeatureModel(Options, train, stats, text, textVectors, hasText, genomeModel);
    }
}
