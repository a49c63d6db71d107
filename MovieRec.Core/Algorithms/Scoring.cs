using MovieRec.Data.Parsing;

namespace MovieRec.Algorithms;

/// <summary>
/// DataFrames in, DataFrames out: the seam between a fitted model and everything after it (metrics, charts, the tool).
/// <see cref="Predict"/> scores given (user, movie) pairs; <see cref="Recommend"/> ranks every unseen training movie for
/// many users at once, on both cores, with results identical whatever the thread count.
/// </summary>
public static class Scoring
{
    /// <summary>
    /// Predicts every (user, movie) pair of <paramref name="pairs"/>: a new frame with the user and movie columns (under
    /// their names in <paramref name="pairs"/>), prediction (Double) and fallback (Boolean: the model's documented fallback answered for an unknown ID), in the
    /// order of <paramref name="pairs"/>.
    /// </summary>
    /// <param name="model">Any fitted model.</param>
    /// <param name="pairs">A frame with user and movie ID columns (Int32), e.g. a test split.</param>
    /// <param name="userColumn">The user ID column of <paramref name="pairs"/>.</param>
    /// <param name="movieColumn">The movie ID column of <paramref name="pairs"/>.</param>
    public static DataFrame Predict(IScorer model, DataFrame pairs, string userColumn = Columns.UserId, string movieColumn = Columns.MovieId)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(pairs);
        var users = pairs.ToArray<int>(userColumn);
        var movies = pairs.ToArray<int>(movieColumn);
        var predicted = new double[users.Length];
        var fallback = new bool[users.Length];
        for (var r = 0; r < users.Length; r++)
        {
            var p = model.Predict(users[r], movies[r]);
            predicted[r] = p.Value;
            fallback[r] = p.IsFallback;
        }

        return new DataFrame(
            PrimitiveColumnBuilder<int>.From(userColumn, users),
            PrimitiveColumnBuilder<int>.From(movieColumn, movies),
            PrimitiveColumnBuilder<double>.From(Columns.Prediction, predicted),
            PrimitiveColumnBuilder<bool>.From(Columns.Fallback, fallback));
    }

    /// <summary>
    /// The top <paramref name="k"/> training movies for each of <paramref name="userIds"/> (each user once, in the order
    /// given): a frame with columns userId, movieId, rank (1-based) and score, best first. Movies the user rated in
    /// training are left out when <paramref name="excludeSeen"/>. Ties go to the lower movieId. Users unknown to the model
    /// get no rows (a ranker has nothing personal to say about them; see the engines' cold start for a fallback list).
    /// </summary>
    public static DataFrame Recommend(IDenseScorer model, IEnumerable<int> userIds, int k = 10, bool excludeSeen = true)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(userIds);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        var train = model.Train;
        var users = userIds.Distinct().ToArray();
        var lists = model is ILatentScorer latent && k <= BlockedTopN.MaxK
            ? BlockedTopN.Select(latent, Array.ConvertAll(users, train.UserIndex), k, excludeSeen)
            : RecommendEach(model, users, k, excludeSeen);
        return ToFrame(train, users, lists);
    }

    /// <summary>One dense score row and one selection per user, on all cores.</summary>
    private static (int[] Items, float[] Scores)[] RecommendEach(IDenseScorer model, int[] users, int k, bool excludeSeen)
    {
        var train = model.Train;
        var lists = new (int[] Items, float[] Scores)[users.Length];
        Parallel.For(0, users.Length, () => new float[train.ItemIds.Count], (t, _, scores) =>
        {
            var u = train.UserIndex(users[t]);
            if (u < 0)
            {
                lists[t] = ([], []);
                return scores;
            }

            model.ScoreDense(u, scores);
            var items = TopK.Select(scores, k, excludeSeen ? train.ItemsOf(u) : default);
            var top = new float[items.Length];
            for (var i = 0; i < items.Length; i++) top[i] = scores[items[i]];
            lists[t] = (items, top);
            return scores;
        }, _ => { });
        return lists;
    }

    private static DataFrame ToFrame(RatingDataset train, int[] users, (int[] Items, float[] Scores)[] lists)
    {
        var rows = lists.Sum(l => l.Items.Length);
        var userColumn = new int[rows];
        var movieColumn = new int[rows];
        var rankColumn = new int[rows];
        var scoreColumn = new double[rows];
        var r = 0;
        for (var t = 0; t < users.Length; t++)
        {
            var (items, top) = lists[t];
            for (var i = 0; i < items.Length; i++, r++)
            {
                userColumn[r] = users[t];
                movieColumn[r] = train.ItemIds[items[i]];
                rankColumn[r] = i + 1;
                scoreColumn[r] = top[i];
            }
        }

        return new DataFrame(
            new Int32DataFrameColumn(Columns.UserId, userColumn),
            new Int32DataFrameColumn(Columns.MovieId, movieColumn),
            new Int32DataFrameColumn(Columns.Rank, rankColumn),
            new DoubleDataFrameColumn(Columns.Score, scoreColumn));
    }

    /// <summary>The top <paramref name="k"/> unseen movieIds for one user, best first (empty for an unknown user): the
    /// one-user form of <see cref="Recommend"/> without a frame, for loops.</summary>
    public static int[] TopMovies(IDenseScorer model, int userId, int k = 10)
    {
        ArgumentNullException.ThrowIfNull(model);
        var train = model.Train;
        var user = train.UserIndex(userId);
        if (user < 0) return [];
        var scores = new float[train.ItemIds.Count];
        model.ScoreDense(user, scores);
        return [.. TopK.Select(scores, k, train.ItemsOf(user)).Select(i => train.ItemIds[i])];
    }
}
