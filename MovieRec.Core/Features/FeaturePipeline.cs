using Microsoft.Data.Analysis;
using MovieRec.Data;
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
public static class FeaturePipeline
{
    /// <summary>Fits the feature model.</summary>
    /// <param name="trainingRatings">The training split (userId, movieId, rating, timestamp).</param>
    /// <param name="movies">All movies, cleaned and merged (movieId, title, genres, releaseYear, and overview/keywords when present).</param>
    /// <param name="options">Feature settings.</param>
    /// <param name="tags">User tags, used for text when <see cref="TextEmbeddingOptions.IncludeTags"/> (training pairs only).</param>
    /// <param name="genome">The tag genome, for genome embeddings.</param>
    /// <param name="reuse">A model whose text and genome embeddings to reuse instead of refitting them (they hold no rating
    /// statistics): cross-validation refits only the statistics per fold.</param>
    public static FeatureModel Fit(DataFrame trainingRatings, DataFrame movies, FeatureOptions? options = null, DataFrame? tags = null, GenomeMatrix? genome = null, FeatureModel? reuse = null)
    {
        ArgumentNullException.ThrowIfNull(trainingRatings);
        ArgumentNullException.ThrowIfNull(movies);
        options ??= new FeatureOptions();
        var catalog = MovieCatalog.From(movies);
        var users = trainingRatings.ToArray<int>(Columns.UserId);
        var movieIds = trainingRatings.ToArray<int>(Columns.MovieId);
        var ratings = trainingRatings.ToArray<double>(Columns.Rating);
        var times = trainingRatings.ToArray<long>(Columns.Timestamp);
        if (ratings.Length == 0) throw new ArgumentException("The training split holds no ratings.", nameof(trainingRatings));

        var movieRows = new int[movieIds.Length];
        for (var i = 0; i < movieIds.Length; i++)
        {
            movieRows[i] = catalog.RowOf(movieIds[i]);
            if (movieRows[i] < 0) throw new ArgumentException($"Training rating {i} names movieId {movieIds[i]}, which the movies table lacks; clean the data first.", nameof(trainingRatings));
        }

        var stats = TrainingStatistics.Compute(users, movieRows, ratings, times, catalog, options);

        TextEmbeddingModel? text = null;
        float[]? textVectors = null;
        bool[]? hasText = null;
        if (options.Text is { } textOptions)
        {
            var tagText = textOptions.IncludeTags && tags is not null ? TextEmbedding.TagsByMovie(tags, trainingRatings) : null;
            var allTexts = TextEmbedding.MovieTexts(movies, textOptions, tagText);
            var trainingTexts = stats.MovieCount.Select((n, row) => (n, row)).Where(p => p.n > 0).Select(p => allTexts[p.row]).ToArray();
            text = reuse?.Text ?? TextEmbedding.Fit(trainingTexts, textOptions);
            textVectors = text.Transform(allTexts, out hasText);
        }

        GenomeEmbedding? genomeModel = null;
        if (genome is not null && options.GenomeComponents > 0)
        {
            var trainingMovies = Enumerable.Range(0, catalog.Count).Where(row => stats.MovieCount[row] > 0).Select(row => catalog.MovieIds[row]);
            genomeModel = reuse?.Genome ?? GenomeEmbedding.Fit(genome, trainingMovies, options.GenomeComponents);
        }

        return new FeatureModel(options, catalog, stats, text, textVectors, hasText, genomeModel);
    }
}
