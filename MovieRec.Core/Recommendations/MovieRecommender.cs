namespace MovieRec.Recommendations;

/// <summary>
/// What a user of the library touches: recommendations from three engines with explanations, cold start, similar
/// movies and user profiles, all built from one set of ratings and movies.
/// </summary>
/// <remarks>
/// <para>Engines. <b>svd</b>: PureSVD scores of the movies the user has not rated. <b>ml</b>: every unrated movie becomes a
/// feature row (the user's profile features, the movie's statistics and embeddings, the genre match) in one batch, scored
/// by the like classifier (chosen by validation, <see cref="ClassifierSelection"/>), times a popularity prior: score =
/// P(like | rated) · ((n + 1) / U)^a (<see cref="LikeRankerOptions.PopularityPrior"/>). <b>content</b>: the cosine
/// between a movie and the centroid of the user's liked movies in the similarity space. <b>hybrid</b>: Σ w_c z_c of the
/// PureSVD scores, the classifier's P(like | rated) and the content similarity, each standardized per user over the unrated
/// movies, weights learned on a validation split (<see cref="HybridSelection"/>): CF says which movies the user will watch,
/// the classifier whether they will like them.</para>
/// <para>Explanations: the liked movie (rating ≥ the like threshold) most similar to the recommendation — "because you
/// liked Heat (1995)"; without liked movies, the genre and popularity. Unknown users get popularity within genre, labelled
/// "cold start"; a new user with a few ratings gets PureSVD fold-in scores (no retraining).</para>
/// </remarks>
public sealed partial class MovieRecommender
{
    private readonly double _likeThreshold;
    private readonly RecommenderOptions _options;

    private MovieRecommender(RatingDataset ratings, HybridModel model, RecommenderOptions options)
    {
        Catalog = ratings.RequireMovies("MovieRecommender");
        if (!ReferenceEquals(model.Train, ratings) || !ReferenceEquals(model.Like.Train, ratings)
            || (model.Like.HasParts && !ReferenceEquals(model.Like.Features.Catalog, Catalog)))
        {
            throw new InvalidOperationException("The engines must be fitted on the recommender's dataset (one movie index for every part).");
        }

        Ratings = ratings;
        Hybrid = model;
        _options = options;
        _likeThreshold = options.Features.LikeThreshold;
    }

    /// <summary>The number of rated movies: movie indexes below it are the ratings' item indexes, the rest nobody rated.</summary>
    private int RatedMovies => Ratings.ItemIds.Count;

    /// <summary>Movie details and title lookup.</summary>
    public MovieCatalog Catalog { get; }

    /// <summary>The movies table (cleaned, merged), its rows in the catalog's order.</summary>
    public DataFrame Movies => Catalog.Table;

    /// <summary>The dataset everything was fitted on: ratings, movies (<see cref="Catalog"/>), tags and genome.</summary>
    public RatingDataset Ratings { get; }

    /// <summary>The hybrid engine: the composition of the other engines' models (<see cref="HybridRanker"/>).</summary>
    public HybridModel Hybrid { get; }

    /// <summary>The fitted feature pipeline (shared by the ML and content engines).</summary>
    public FeatureModel Features => Hybrid.Like.Features;

    /// <summary>The ML engine: the like classifier times the popularity prior (<see cref="LikeRanker"/>).</summary>
    public LikeModel Like => Hybrid.Like;

    /// <summary>The ML engine's classifier.</summary>
    public TrainedClassifier Classifier => Hybrid.Like.Classifier;

    /// <summary>How <see cref="Classifier"/> was chosen: each candidate's validation scores.</summary>
    public ClassifierSelection ClassifierSelection => Hybrid.Like.Selection;

    /// <summary>The hybrid engine's weights and how they were chosen.</summary>
    public HybridSelection HybridSelection => Hybrid.Selection;

    /// <summary>
    /// The classifiers' baseline-vs-tuned comparison, when one was attached (<c>movierec fit --models</c>); saved and loaded
    /// with the bundle. It describes the experiment, not the recommender: the ML engine uses <see cref="Classifier"/>.
    /// </summary>
    public ModelReport? ModelReport { get; set; }

    /// <summary>The SVD engine's model.</summary>
    public PureSvdModel Svd => Hybrid.Svd;

    /// <summary>The movie similarity space.</summary>
    public MovieEmbeddingSpace Space => Hybrid.Content.Space;

    /// <summary>The content engine: what <see cref="ContentRanker"/> fits, over <see cref="Space"/>.</summary>
    public ContentModel Content => Hybrid.Content;

    /// <summary>Fits every part on <paramref name="train"/>: its ratings (cleaned) and its movie side (cleaned, merged
    /// movies table, tags and genome: <see cref="RatingDataset.From(DataFrame, DataFrame?, DataFrame?, GenomeMatrix?)"/>).</summary>
    /// <remarks>With several classifier candidates or learned hybrid weights, a validation split of the ratings
    /// (<see cref="LikeRankerOptions.ValidationFraction"/> of each user's ratings) is fitted first: it chooses the classifier
    /// (<see cref="ClassifierSelection"/>) and the hybrid's weights (<see cref="HybridSelection"/>). Every part is then
    /// refitted on all of <paramref name="train"/>.</remarks>
    /// <exception cref="ArgumentException">The dataset has no movies table, or the options no classifier.</exception>
    public static MovieRecommender Build(RatingDataset train, RecommenderOptions? options = null) => Build(train, options, CancellationToken.None);

    /// <summary><see cref="Build(RatingDataset, RecommenderOptions?)"/>, checking <paramref name="cancellationToken"/> between its parts.</summary>
    internal static MovieRecommender Build(RatingDataset train, RecommenderOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(train);
        train.RequireMovies("MovieRecommender");
        options ??= new RecommenderOptions();
        return new MovieRecommender(train, new HybridRanker(options).Fit(train, cancellationToken), options);
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
        var scores = EngineScores(engine, user);
        return Explain(TopRows(scores, allowed, count), scores, LikedRows(user));
    }

    /// <summary>Personal recommendations for a user who is not in the ratings, from a few (movieId, rating) pairs, by PureSVD fold-in.</summary>
    public IReadOnlyList<Recommendation> RecommendForNewUser(IReadOnlyList<(int MovieId, double Rating)> ratings, int count = 10, RecommendationFilter? filter = null)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        if (ratings.Count == 0) return ColdStart(count, filter);
        var cf = Svd.FoldInScores(ratings);
        var scores = new float[Catalog.Count];
        Array.Fill(scores, float.NaN);
        cf.CopyTo(scores, 0);
        var rated = ratings.Select(r => Ratings.MovieIndex(r.MovieId)).Where(r => r >= 0).ToHashSet();
        var allowed = Allowed(filter, []);
        foreach (var r in rated) allowed[r] = false;
        var liked = ratings.Where(r => r.Rating >= _likeThreshold).Select(r => Ratings.MovieIndex(r.MovieId)).Where(r => r >= 0).ToArray();
        return Explain(TopRows(scores, allowed, count), scores, liked);
    }

    /// <summary>Popularity within genre for users without ratings: the most rated movies (of the filter's genres, if any), labelled "cold start".</summary>
    public IReadOnlyList<Recommendation> ColdStart(int count = 10, RecommendationFilter? filter = null)
    {
        var scores = new float[Catalog.Count];
        for (var m = 0; m < scores.Length; m++) scores[m] = m < RatedMovies ? Ratings.ItemCounts[m] : float.NaN;

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
        if (Ratings.MovieIndex(movieId) < 0) throw new MovieNotFoundException(movieId.ToString(CultureInfo.InvariantCulture), []);
        var title = Catalog.TitleOf(movieId);
        return [.. Space.MostSimilar(movieId, count).Select((s, rank) => Make(rank, Ratings.MovieIndex(s.MovieId), s.Similarity, $"similar to {title}"))];
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
            var row = Ratings.MovieIndex(movieId);
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
        return UserProfile.Build(userId, Ratings.ItemsOf(user).ToArray(), Ratings.RatingsOf(user).ToArray(),
            Catalog, _likeThreshold, _options.Features.ModernYear);
    }

    private float[] SvdScores(int user)
    {
        var scores = new float[Catalog.Count];
        Svd.ScoreDense(user, scores.AsSpan(0, RatedMovies));
        scores.AsSpan(RatedMovies).Fill(float.NaN); // movies nobody rated cannot be scored by collaborative filtering
        return scores;
    }

    private float[] HybridScores(int user)
    {
        var scores = new float[Catalog.Count];
        Hybrid.ScoreDense(user, scores.AsSpan(0, RatedMovies));
        scores.AsSpan(RatedMovies).Fill(float.NaN);
        return scores;
    }

    /// <summary>
    /// <paramref name="engine"/>'s model as an <see cref="IDenseScorer"/> over <see cref="Ratings"/>: what <see cref="Scoring"/>
    /// and <see cref="Evaluation.Evaluator"/> take, so the composed engines are measured exactly as every algorithm is.
    /// </summary>
    /// <remarks>Scores are the engine's (not ratings: <see cref="IScorer.PredictsRatings"/> is false). Movies without a
    /// title score NaN, so they are never ranked.</remarks>
    public IDenseScorer AsScorer(RecommenderEngine engine) => engine switch
    {
        RecommenderEngine.Svd => Hybrid.Component(0),
        RecommenderEngine.Ml => Like,
        RecommenderEngine.Content => Content,
        _ => Hybrid,
    };

    /// <summary>The engine's scores of every catalog row for a known user (NaN where the engine cannot score).</summary>
    internal float[] EngineScores(RecommenderEngine engine, int user) => engine switch
    {
        RecommenderEngine.Svd => SvdScores(user),
        RecommenderEngine.Ml => Like.MovieScores(Ratings.UserIds[user]),
        RecommenderEngine.Content => Content.MovieScores(user),
        _ => HybridScores(user),
    };

    private bool[] Allowed(RecommendationFilter? filter, ReadOnlySpan<int> ratedItems)
    {
        var allowed = new bool[Catalog.Count];
        var genres = filter?.Genres is { Count: > 0 } g ? g.ToHashSet(StringComparer.OrdinalIgnoreCase) : null;
        for (var m = 0; m < allowed.Length; m++)
        {
            allowed[m] = Catalog.Titles[m].Length > 0
                && (filter is null || ((filter.MinYear is null || Catalog.Years[m] >= filter.MinYear) && (filter.MaxYear is null || Catalog.Years[m] <= filter.MaxYear)
                    && (m < RatedMovies ? Ratings.ItemCounts[m] : 0) >= filter.MinRatings))
                && (genres is null || Catalog.Genres[m].Split('|').Any(genres.Contains));
        }

        foreach (var i in ratedItems) allowed[i] = false;
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
            if (ratings[p] >= _likeThreshold) liked.Add(items[p]);
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
                reason = string.Create(CultureInfo.InvariantCulture, $"popular in {FirstGenre(m)} ({(m < RatedMovies ? Ratings.ItemCounts[m] : 0):N0} ratings)");
            }

            result[rank] = Make(rank, m, scores[m], reason);
        }

        return result;
    }

    private string FirstGenre(int row) => Catalog.Genres[row].Split('|')[0];

    private Recommendation Make(int rank, int row, double score, string reason) =>
        new(rank + 1, Catalog.MovieIds[row], Catalog.Titles[row], Catalog.Years[row], Catalog.Genres[row], Catalog.PosterUrls[row], score, reason);
}
