using System.Globalization;
using System.Numerics.Tensors;
using Microsoft.Data.Analysis;
using MovieRec.Algorithms;
using MovieRec.Data;
using MovieRec.Features;
using MovieRec.Models;

namespace MovieRec.Recommendations;

/// <summary>
/// What a user of the library touches: recommendations from three engines with explanations, cold start, similar
/// movies and user profiles, all built from one set of ratings and movies.
/// </summary>
/// <remarks>
/// <para>Engines. <b>svd</b>: PureSVD scores of the movies the user has not rated. <b>ml</b>: every unrated movie becomes a
/// feature row (the user's profile features, the movie's statistics and embeddings, the genre match) in one batch, scored
/// by the like classifier (chosen by validation, <see cref="ClassifierSelection"/>), times a popularity prior: score =
/// P(like | rated) · ((n + 1) / U)^a (<see cref="RecommenderOptions.PopularityPrior"/>). <b>content</b>: the cosine
/// between a movie and the centroid of the user's liked movies in the similarity space. <b>hybrid</b>: reciprocal-rank
/// fusion Σ w_e / (k + rank_e) of the svd, ml and content rankings.</para>
/// <para>Explanations: the liked movie (rating ≥ the like threshold) most similar to the recommendation — "because you
/// liked Heat (1995)"; without liked movies, the genre and popularity. Unknown users get popularity within genre, labelled
/// "cold start"; a new user with a few ratings gets PureSVD fold-in scores (no retraining).</para>
/// </remarks>
public sealed partial class MovieRecommender
{
    private readonly double _likeThreshold;
    private readonly RecommenderOptions _options;

    private readonly DataFrame _ratingsFrame;
    private readonly DataFrame _moviesFrame;

    // Two index spaces, mapped once: catalog rows (every movie; the feature tables and the similarity space use the same
    // rows) and the ratings' item indexes (rated movies only).
    private readonly int[] _rowOfItem;
    private readonly int[] _itemOfRow;

    private MovieRecommender(DataFrame ratingsFrame, DataFrame moviesFrame, RatingDataset ratings, FeatureModel features, TrainedClassifier classifier, ClassifierSelection selection,
        PureSvdModel svd, RecommenderOptions options)
    {
        _ratingsFrame = ratingsFrame;
        _moviesFrame = moviesFrame;
        var catalog = new MovieCatalogView(moviesFrame);
        var space = MovieEmbeddingSpace.Build(features, options.Space);
        Catalog = catalog;
        Ratings = ratings;
        Features = features;
        Classifier = classifier;
        ClassifierSelection = selection;
        Svd = svd;
        Space = space;
        _options = options;
        _likeThreshold = options.Features.LikeThreshold;
        if (!features.Catalog.MovieIds.AsSpan().SequenceEqual(catalog.MovieIds) || !space.MovieIds.SequenceEqual(catalog.MovieIds))
        {
            throw new InvalidOperationException("The feature tables, the similarity space and the catalog must share one movie order (all come from the same movies table).");
        }

        _itemOfRow = new int[catalog.MovieIds.Length];
        Array.Fill(_itemOfRow, -1);
        _rowOfItem = new int[ratings.ItemIds.Count];
        for (var i = 0; i < _rowOfItem.Length; i++)
        {
            _rowOfItem[i] = catalog.RowOf(ratings.ItemIds[i]);
            if (_rowOfItem[i] < 0) throw new InvalidOperationException($"Movie {ratings.ItemIds[i]} is rated but not in the movies table (clean the data first).");
            _itemOfRow[_rowOfItem[i]] = i;
        }
    }

    /// <summary>The catalog row of rating item index <paramref name="item"/>.</summary>
    internal int RowOfItem(int item) => _rowOfItem[item];

    /// <summary>Movie details and title lookup.</summary>
    public MovieCatalogView Catalog { get; }

    /// <summary>The ratings everything was fitted on.</summary>
    public RatingDataset Ratings { get; }

    /// <summary>The fitted feature pipeline.</summary>
    public FeatureModel Features { get; }

    /// <summary>The ML engine's classifier.</summary>
    public TrainedClassifier Classifier { get; }

    /// <summary>How <see cref="Classifier"/> was chosen: each candidate's validation scores.</summary>
    public ClassifierSelection ClassifierSelection { get; }

    /// <summary>The SVD engine's model.</summary>
    public PureSvdModel Svd { get; }

    /// <summary>The movie similarity space.</summary>
    public MovieEmbeddingSpace Space { get; }

    /// <summary>Fits every part on <paramref name="ratings"/> (cleaned) and <paramref name="movies"/> (cleaned, merged).</summary>
    public static MovieRecommender Build(DataFrame ratings, DataFrame movies, RecommenderOptions? options = null, DataFrame? tags = null, GenomeMatrix? genome = null)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        ArgumentNullException.ThrowIfNull(movies);
        options ??= new RecommenderOptions();
        var features = FeaturePipeline.Fit(ratings, movies, options.Features, tags, genome);
        var selection = ClassifierSelection.Run(ratings, movies, features, options, tags, genome);
        var table = FeatureTable.From(features.TransformTraining(ratings));
        var classifier = TrainedClassifier.Train(selection.Chosen.Options with { Seed = options.Seed }, table).WithFeatures(features);
        var set = RatingDataset.From(ratings);
        var svd = new PureSvd(options.Svd with { Seed = options.Seed }).Fit(set);
        return new MovieRecommender(RatingColumns(ratings), movies, set, features, classifier, selection, svd, options);
    }

    /// <summary>
    /// The top <paramref name="count"/> movies the user has not rated, by <paramref name="engine"/>, with reasons. An unknown
    /// user gets <see cref="ColdStart"/> (labelled) instead of an error.
    /// </summary>
    public IReadOnlyList<Recommendation> Recommend(int userId, RecommenderEngine engine = RecommenderEngine.Svd, int count = 10, RecommendationFilter? filter = null)
    {
        var user = Ratings.UserIndex(userId);
        if (user < 0) return ColdStart(count, filter);
        var allowed = Allowed(filter, Ratings.ItemsOf(user));
        var scores = EngineScores(engine, user, userId, allowed);
        return Explain(TopRows(scores, allowed, count), scores, LikedRows(user));
    }

    /// <summary>Personal recommendations for a user who is not in the ratings, from a few (movieId, rating) pairs, by PureSVD fold-in.</summary>
    public IReadOnlyList<Recommendation> RecommendForNewUser(IReadOnlyList<(int MovieId, double Rating)> ratings, int count = 10, RecommendationFilter? filter = null)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        if (ratings.Count == 0) return ColdStart(count, filter);
        var cf = Svd.FoldInScores(ratings);
        var scores = new float[Catalog.MovieIds.Length];
        Array.Fill(scores, float.NaN);
        for (var i = 0; i < cf.Length; i++) scores[_rowOfItem[i]] = cf[i];
        var rated = ratings.Select(r => Catalog.RowOf(r.MovieId)).Where(r => r >= 0).ToHashSet();
        var allowed = Allowed(filter, []);
        foreach (var r in rated) allowed[r] = false;
        var liked = ratings.Where(r => r.Rating >= _likeThreshold).Select(r => Catalog.RowOf(r.MovieId)).Where(r => r >= 0).ToArray();
        return Explain(TopRows(scores, allowed, count), scores, liked);
    }

    /// <summary>Popularity within genre for users without ratings: the most rated movies (of the filter's genres, if any), labelled "cold start".</summary>
    public IReadOnlyList<Recommendation> ColdStart(int count = 10, RecommendationFilter? filter = null)
    {
        var scores = new float[Catalog.MovieIds.Length];
        for (var m = 0; m < scores.Length; m++)
        {
            var i = _itemOfRow[m];
            scores[m] = i < 0 ? float.NaN : Ratings.ItemCounts[i];
        }

        var genre = filter?.Genres is { Count: > 0 } g ? string.Join(" or ", g) : null;
        return [.. TopRows(scores, Allowed(filter, []), count).Select((m, rank) => Make(rank, m, scores[m],
            string.Create(CultureInfo.InvariantCulture, $"cold start: popular in {genre ?? FirstGenre(m)} ({scores[m]:N0} ratings)")))];
    }

    /// <summary>The <paramref name="count"/> movies most similar to a movie given by title (forgiving) or id.</summary>
    /// <exception cref="MovieNotFoundException">No movie matches; the message lists the closest titles.</exception>
    public IReadOnlyList<Recommendation> Similar(string titleOrId, int count = 10) => Similar(Catalog.Find(titleOrId), count);

    /// <summary>The <paramref name="count"/> movies most similar to <paramref name="movieId"/>; the score is the cosine similarity.</summary>
    public IReadOnlyList<Recommendation> Similar(int movieId, int count = 10)
    {
        if (Catalog.RowOf(movieId) < 0) throw new MovieNotFoundException(movieId.ToString(CultureInfo.InvariantCulture), []);
        var title = Catalog.TitleOf(movieId);
        return [.. Space.MostSimilar(movieId, count).Select((s, rank) => Make(rank, Catalog.RowOf(s.MovieId), s.Similarity, $"similar to {title}"))];
    }

    /// <summary>
    /// The neighbours of one movie in several embedding spaces side by side: rank, then one column of "title (similarity)"
    /// per named space (e.g. <see cref="MovieSpaceOptions.TextOnly"/>, <see cref="MovieSpaceOptions.GenomeOnly"/>,
    /// <see cref="MovieSpaceOptions.Combined"/>).
    /// </summary>
    /// <remarks>A space whose only block is missing (no genome, or a movie without text) has no information about the
    /// movie: its column says so instead of listing arbitrary ties.</remarks>
    /// <exception cref="MovieNotFoundException">No movie matches <paramref name="titleOrId"/>.</exception>
    public DataFrame CompareSpaces(string titleOrId, IReadOnlyDictionary<string, MovieSpaceOptions> spaces, int count = 10)
    {
        ArgumentNullException.ThrowIfNull(spaces);
        var movieId = Catalog.Find(titleOrId);
        var frame = new DataFrame(new Int32DataFrameColumn("rank", Enumerable.Range(1, count)));
        foreach (var (name, options) in spaces)
        {
            var space = MovieEmbeddingSpace.Build(Features, options);
            var row = space.RowOf(movieId);
            var informative = row >= 0 && space.Vector(row).ToArray().Any(v => v != 0);
            var cells = informative
                ? space.MostSimilar(movieId, count).Select(n => string.Create(CultureInfo.InvariantCulture, $"{Catalog.TitleOf(n.MovieId)} ({n.Similarity:F2})")).ToList()
                : [];
            while (cells.Count < count) cells.Add(cells.Count == 0 && !informative ? "(no such data for this movie)" : string.Empty);
            frame.Columns.Add(new StringDataFrameColumn(name, cells));
        }

        return frame;
    }

    /// <summary>The <paramref name="count"/> most rated movies (ties: lower id first), e.g. to pick example movies that
    /// exist in any dataset.</summary>
    public IReadOnlyList<int> MostRated(int count = 1) =>
        [.. Enumerable.Range(0, Ratings.ItemIds.Count).OrderByDescending(i => Ratings.ItemCounts[i]).ThenBy(i => Ratings.ItemIds[i]).Take(count).Select(i => Ratings.ItemIds[i])];

    /// <summary>The profile of a user in the ratings.</summary>
    /// <exception cref="ArgumentException">The user has no ratings.</exception>
    public UserProfile Profile(int userId)
    {
        var user = Ratings.UserIndex(userId);
        if (user < 0) throw new ArgumentException($"User {userId} has no ratings; profiles describe rated behaviour (an unknown user gets cold-start recommendations).", nameof(userId));
        return UserProfile.Build(userId, Ratings.ItemsOf(user).ToArray().Select(i => _rowOfItem[i]).ToArray(), Ratings.RatingsOf(user).ToArray(),
            Catalog, _likeThreshold, Features.Options.ModernYear);
    }

    private float[] SvdScores(int user)
    {
        var cf = new float[Ratings.ItemIds.Count];
        Svd.ScoreDense(user, cf);
        var scores = new float[Catalog.MovieIds.Length];
        Array.Fill(scores, float.NaN); // movies nobody rated cannot be scored by collaborative filtering
        for (var i = 0; i < cf.Length; i++) scores[_rowOfItem[i]] = cf[i];
        return scores;
    }

    private float[] MlScores(int userId)
    {
        var d = Features.FeatureNames.Count;
        var values = new float[Catalog.MovieIds.Length * d];
        var userRow = Features.UserRowOf(userId);
        for (var m = 0; m < Catalog.MovieIds.Length; m++) Features.FillRow(userRow, m, values.AsSpan(m * d, d));
        var p = Classifier.PredictProbabilities(new FeatureTable(values, new bool[Catalog.MovieIds.Length], Features.FeatureNames));
        var a = _options.PopularityPrior;
        if (a == 0) return p;
        double users = Ratings.UserIds.Count;
        for (var m = 0; m < p.Length; m++)
        {
            var i = _itemOfRow[m];
            p[m] *= (float)Math.Pow(((i < 0 ? 0 : Ratings.ItemCounts[i]) + 1.0) / users, a);
        }

        return p;
    }

    private float[] ContentScores(int user)
    {
        var liked = LikedRows(user);
        var scores = new float[Catalog.MovieIds.Length];
        if (liked.Length == 0) return scores;
        var centroid = new float[Space.Dimensions];
        foreach (var m in liked) TensorPrimitives.Add(centroid, Space.Vector(m), centroid);
        var norm = TensorPrimitives.Norm(centroid);
        if (norm > 0) TensorPrimitives.Divide(centroid, norm, centroid);
        var all = new float[Space.MovieIds.Count];
        Space.Similarities(centroid, all);
        for (var m = 0; m < scores.Length; m++) scores[m] = all[m];
        return scores;
    }

    /// <summary>
    /// <paramref name="engine"/> as an <see cref="IDenseScorer"/> over <see cref="Ratings"/>: what <see cref="Scoring"/> and
    /// <see cref="Evaluation.Evaluator"/> take, so the composed engines are measured exactly as every algorithm is.
    /// </summary>
    /// <remarks>Scores are the engine's (not ratings: <see cref="IScorer.PredictsRatings"/> is false). An unknown user
    /// falls back to the movie's rating count (the cold-start order), an unknown movie to 0; both are flagged.
    /// Movies without a title score NaN, so they are never ranked.</remarks>
    public IDenseScorer AsScorer(RecommenderEngine engine) => new EngineScorer(this, engine);

    /// <summary>The engine's scores of every catalog row for a known user (NaN where the engine cannot score).</summary>
    internal float[] EngineScores(RecommenderEngine engine, int user, int userId, bool[] allowed) => engine switch
    {
        RecommenderEngine.Svd => SvdScores(user),
        RecommenderEngine.Ml => MlScores(userId),
        RecommenderEngine.Content => ContentScores(user),
        _ => HybridScores(user, userId, allowed),
    };

    /// <summary>The movies a known user may be recommended (titled, not rated), by catalog row.</summary>
    internal bool[] Unrated(int user) => Allowed(null, Ratings.ItemsOf(user));

    private float[] HybridScores(int user, int userId, bool[] allowed) =>
        Fuse(EngineRankings(user, userId, allowed), _options.HybridWeights, _options.FusionK, Catalog.MovieIds.Length);

    /// <summary>The svd, ml and content rankings (catalog rows, best first) of the allowed movies for a known user.</summary>
    internal int[][] EngineRankings(int user, int userId, bool[] allowed) =>
        [TopRows(SvdScores(user), allowed, allowed.Length), TopRows(MlScores(userId), allowed, allowed.Length), TopRows(ContentScores(user), allowed, allowed.Length)];

    /// <summary>The same for a user id, with the movies the user rated excluded: what <see cref="RecommendationSanity.TuneHybrid"/> fuses.</summary>
    internal (int[][] Rankings, bool[] Allowed) EngineRankings(int userId)
    {
        var user = Ratings.UserIndex(userId);
        var allowed = Allowed(null, Ratings.ItemsOf(user));
        return (EngineRankings(user, userId, allowed), allowed);
    }

    /// <summary>Reciprocal-rank fusion Σ w_e / (k + rank_e) of the svd, ml and content rankings over <paramref name="rows"/> catalog rows.</summary>
    internal static float[] Fuse(int[][] rankings, (double Svd, double Ml, double Content) weights, int fusionK, int rows)
    {
        var fused = new float[rows];
        double[] w = [weights.Svd, weights.Ml, weights.Content];
        for (var e = 0; e < rankings.Length; e++)
        {
            if (w[e] == 0) continue;
            var ranked = rankings[e];
            for (var rank = 0; rank < ranked.Length; rank++) fused[ranked[rank]] += (float)(w[e] / (fusionK + rank + 1));
        }

        return fused;
    }

    /// <summary>The top <paramref name="count"/> allowed rows of <paramref name="scores"/>, as movie IDs.</summary>
    internal int[] TopMovieIds(float[] scores, bool[] allowed, int count) => [.. TopRows(scores, allowed, count).Select(m => Catalog.MovieIds[m])];

    private bool[] Allowed(RecommendationFilter? filter, ReadOnlySpan<int> ratedItems)
    {
        var allowed = new bool[Catalog.MovieIds.Length];
        var genres = filter?.Genres is { Count: > 0 } g ? g.ToHashSet(StringComparer.OrdinalIgnoreCase) : null;
        for (var m = 0; m < allowed.Length; m++)
        {
            var i = _itemOfRow[m];
            allowed[m] = Catalog.Titles[m].Length > 0
                && (filter is null || ((filter.MinYear is null || Catalog.Years[m] >= filter.MinYear) && (filter.MaxYear is null || Catalog.Years[m] <= filter.MaxYear)
                    && (i >= 0 ? Ratings.ItemCounts[i] : 0) >= filter.MinRatings))
                && (genres is null || Catalog.Genres[m].Split('|').Any(genres.Contains));
        }

        foreach (var i in ratedItems) allowed[_rowOfItem[i]] = false;
        return allowed;
    }

    private static int[] TopRows(float[] scores, bool[] allowed, int count)
    {
        var masked = (float[])scores.Clone();
        for (var m = 0; m < masked.Length; m++)
        {
            if (!allowed[m]) masked[m] = float.NaN;
        }

        return TopK.Select(masked, count);
    }

    private int[] LikedRows(int user)
    {
        var items = Ratings.ItemsOf(user);
        var ratings = Ratings.RatingsOf(user);
        var liked = new List<int>();
        for (var p = 0; p < items.Length; p++)
        {
            if (ratings[p] >= _likeThreshold) liked.Add(_rowOfItem[items[p]]);
        }

        return [.. liked];
    }

    private Recommendation[] Explain(int[] rows, float[] scores, int[] likedRows)
    {
        var result = new Recommendation[rows.Length];
        for (var rank = 0; rank < rows.Length; rank++)
        {
            var m = rows[rank];
            string reason;
            if (likedRows.Length > 0)
            {
                var target = Space.Vector(m);
                int best = likedRows[0];
                var bestSimilarity = float.NegativeInfinity;
                foreach (var l in likedRows)
                {
                    var similarity = TensorPrimitives.Dot(target, Space.Vector(l));
                    if (similarity > bestSimilarity)
                    {
                        bestSimilarity = similarity;
                        best = l;
                    }
                }

                reason = $"because you liked {Catalog.Titles[best]}";
            }
            else
            {
                var i = _itemOfRow[m];
                reason = string.Create(CultureInfo.InvariantCulture, $"popular in {FirstGenre(m)} ({(i >= 0 ? Ratings.ItemCounts[i] : 0):N0} ratings)");
            }

            result[rank] = Make(rank, m, scores[m], reason);
        }

        return result;
    }

    private string FirstGenre(int row) => Catalog.Genres[row].Split('|')[0];

    private Recommendation Make(int rank, int row, double score, string reason) =>
        new(rank + 1, Catalog.MovieIds[row], Catalog.Titles[row], Catalog.Years[row], Catalog.Genres[row], Catalog.PosterUrls[row], score, reason);
}
