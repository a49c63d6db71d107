using MovieRec.Data.Parsing;
using MovieRec.Features.Text;

namespace MovieRec.Features;

/// <summary>
/// A fitted feature pipeline (see <see cref="FeaturePipeline"/>): per-user and per-movie float32 feature tables learned
/// from the training ratings, which <see cref="Transform"/> joins onto any split's (user, movie) pairs.
/// </summary>
public sealed class FeatureModel
{
    /// <summary>Names of the user block, in order.</summary>
    public static readonly IReadOnlyList<string> UserFeatureNames =
        ["userMean", "userStd", "userCount", "userLikeRatio", "userModernShare", "userStrictness", "userKnown"];

    /// <summary>Names of the (user, movie) pair block, in order.</summary>
    public static readonly IReadOnlyList<string> PairFeatureNames = ["favGenreMatch", "genreAffinity"];

    /// <summary>Names of the numeric movie features, in order (the embeddings follow them).</summary>
    public static readonly IReadOnlyList<string> MovieNumericNames =
        ["movieMean", "movieBayesMean", "movieCount", "movieLogPopularity", "movieLikeRatio", "movieYear", "movieAge", "movieTrending", "movieRecentShare"];

    private readonly TrainingStatistics _stats;
    private readonly float[] _userTable;   // users × UserWidth
    private readonly float[] _unknownUser;
    private readonly float[] _movieTable;  // movies × MovieWidth
    private readonly float[] _unknownMovie;

    internal FeatureModel(FeatureOptions options, RatingDataset train, TrainingStatistics stats, TextEmbeddingModel? text, float[]? textVectors, bool[]? hasText, GenomeEmbedding? genome)
    {
        Options = options;
        Train = train;
        var catalog = Catalog;
        _stats = stats;
        Text = text;
        Genome = genome;
        var k = text?.Factors ?? 0;
        var g = genome?.Factors ?? 0;
        // The genome by movie index (the dataset's view), unless the embedding reads another genome matrix than the dataset's.
        var genomeRows = genome is not null && ReferenceEquals(genome.Matrix, train.Genome) ? train.GenomeRows : null;
        var movieNames = new List<string>(MovieNumericNames);
        if (text is not null)
        {
            movieNames.Add("hasText");
            movieNames.AddRange(text.ColumnNames);
        }

        if (genome is not null)
        {
            movieNames.Add("hasGenome");
            movieNames.AddRange(Enumerable.Range(0, g).Select(c => string.Create(CultureInfo.InvariantCulture, $"genome{c}")));
        }

        MovieFeatureNames = movieNames;
        FeatureNames = [.. UserFeatureNames, .. PairFeatureNames, .. movieNames];

        var uw = UserFeatureNames.Count;
        _userTable = new float[train.UserIds.Count * uw];
        for (var u = 0; u < train.UserIds.Count; u++)
        {
            var r = _userTable.AsSpan(u * uw, uw);
            r[0] = stats.UserMean[u];
            r[1] = stats.UserStd[u];
            r[2] = stats.UserCount[u];
            r[3] = stats.UserLikeRatio[u];
            r[4] = stats.UserModernShare[u];
            r[5] = stats.UserStrictness[u];
            r[6] = 1f;
        }

        _unknownUser = [(float)stats.GlobalMean, (float)stats.GlobalStd, 0f, (float)stats.GlobalLikeRatio, (float)stats.GlobalModernShare, 0f, 0f];

        var mw = MovieWidth;
        _movieTable = new float[catalog.Count * mw];
        for (var m = 0; m < catalog.Count; m++)
        {
            var r = _movieTable.AsSpan(m * mw, mw);
            var year = catalog.Years[m];
            r[0] = stats.MovieMean[m];
            r[1] = stats.MovieBayesMean[m];
            r[2] = stats.MovieCount[m];
            r[3] = (float)Math.Log(1 + stats.MovieCount[m]);
            r[4] = stats.MovieLikeRatio[m];
            r[5] = year;
            r[6] = year > 0 ? Math.Max(0, stats.ReferenceYear - year) : 0;
            r[7] = stats.MovieTrending[m] ? 1f : 0f;
            r[8] = stats.MovieRecentShare[m];
            var at = MovieNumericNames.Count;
            if (text is not null)
            {
                r[at] = hasText![m] ? 1f : 0f;
                textVectors.AsSpan(m * k, k).CopyTo(r.Slice(at + 1, k));
                at += 1 + k;
            }

            if (genome is not null)
            {
                r[at] = genome.EmbedRow(genomeRows is null ? genome.Matrix.RowOf(catalog.MovieIds[m]) : genomeRows[m], r.Slice(at + 1, g)) ? 1f : 0f;
            }
        }

        _unknownMovie = new float[mw];
        _unknownMovie[0] = _unknownMovie[1] = (float)stats.GlobalMean;
        _unknownMovie[4] = (float)stats.GlobalLikeRatio;
        _unknownMovie[5] = stats.ReferenceYear;
    }

    /// <summary>Restores a model from its fitted tables (<see cref="FeatureModelSerializer"/>).</summary>
    internal FeatureModel(FeatureOptions options, RatingDataset train, TrainingStatistics stats, TextEmbeddingModel? text, IReadOnlyList<string> movieNames,
        float[] userTable, float[] unknownUser, float[] movieTable, float[] unknownMovie)
    {
        Options = options;
        Train = train;
        _stats = stats;
        Text = text;
        MovieFeatureNames = movieNames;
        FeatureNames = [.. UserFeatureNames, .. PairFeatureNames, .. movieNames];
        _userTable = userTable;
        _unknownUser = unknownUser;
        _movieTable = movieTable;
        _unknownMovie = unknownMovie;
    }

    /// <summary>The options it was fitted with.</summary>
    public FeatureOptions Options { get; }

    /// <summary>The fitted text embedding, if text was used.</summary>
    public TextEmbeddingModel? Text { get; }

    /// <summary>The fitted genome embedding, if a genome was used.</summary>
    public GenomeEmbedding? Genome { get; }

    /// <summary>Every interaction feature, in vector order: user block, pair block, movie block.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>The movie block's names: numeric features, then hasText, text*, hasGenome, genome*.</summary>
    public IReadOnlyList<string> MovieFeatureNames { get; }

    /// <summary>The genre vocabulary (alphabetical).</summary>
    public IReadOnlyList<string> Genres => Catalog.GenreNames;

    /// <summary>The training mean rating μ.</summary>
    public double GlobalMean => _stats.GlobalMean;

    /// <summary>The training share of likes.</summary>
    public double GlobalLikeRatio => _stats.GlobalLikeRatio;

    /// <summary>The last training rating's time (Unix seconds): the "now" of ages and trending.</summary>
    public long ReferenceTime => _stats.ReferenceTime;

    /// <summary>The dataset the model was fitted on: its user and movie indexes are the tables' rows.</summary>
    public RatingDataset Train { get; }

    /// <summary>The movies of <see cref="Train"/>: the movie table's rows.</summary>
    public MovieCatalog Catalog => Train.Movies!;

    internal TrainingStatistics Statistics => _stats;

    /// <summary>The user table row of <paramref name="userId"/>, or -1 for a user not in training.</summary>
    internal int UserRowOf(int userId) => Train.UserIndex(userId);

    internal float[] UserTableArray => _userTable;

    internal float[] UnknownUser => _unknownUser;

    internal float[] MovieTableArray => _movieTable;

    internal float[] UnknownMovie => _unknownMovie;

    internal int MovieWidth => MovieFeatureNames.Count;

    /// <summary>Builds the interaction dataset of <paramref name="ratings"/> (any split): features from the fitted tables, <c>like</c> from each rating.</summary>
    /// <remarks>Use for validation, test and serving. For the training ratings themselves use <see cref="TransformTraining"/>.</remarks>
    public InteractionDataset Transform(DataFrame ratings)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var users = ratings.ToArray<int>(Columns.UserId);
        var movies = ratings.ToArray<int>(Columns.MovieId);
        var values = ratings.ToArray<double>(Columns.Rating);
        var userRows = new int[users.Length];
        var movieRows = new int[users.Length];
        var labels = new float[users.Length];
        var likes = new bool[users.Length];
        for (var i = 0; i < users.Length; i++)
        {
            userRows[i] = Train.UserIndex(users[i]);
            movieRows[i] = Train.MovieIndex(movies[i]);
            labels[i] = (float)values[i];
            likes[i] = values[i] >= Options.LikeThreshold;
        }

        return new InteractionDataset(this, users, movies, userRows, movieRows, labels, likes);
    }

    /// <summary>
    /// The interaction dataset of the training ratings the model was fitted on (<see cref="Train"/>, in its order), with
    /// leave-one-out statistics: each row's user and movie statistics exclude that row's own rating.
    /// </summary>
    /// <remarks>
    /// Without this, a training row's <c>userLikeRatio</c>, <c>movieLikeRatio</c>, means and counts contain its own label
    /// (for a movie with one rating, <c>movieLikeRatio</c> is the label), so a classifier learns to trust them and, served on
    /// unseen pairs, ranks obscure movies with a single like first. Leave-one-out makes a training row look like a held-out
    /// one: mean' = (n·mean − r)/(n − 1), like ratio' = (n·ratio − [r ≥ t])/(n − 1), count' = n − 1, Bayes mean
    /// (C·μ + n·mean − r)/(C + n − 1), and likewise for the standard deviation, modern share and strictness; a user or movie
    /// left with no other rating gets the training-wide values. Genre affinity and trending keep the full statistics.
    /// </remarks>
    public InteractionDataset TransformTraining()
    {
        var n = Train.Count;
        var users = new int[n];
        var movies = new int[n];
        var labels = new float[n];
        var likes = new bool[n];
        for (var i = 0; i < n; i++)
        {
            users[i] = Train.UserIds[Train.Users[i]];
            movies[i] = Train.ItemIds[Train.Items[i]];
            labels[i] = Train.Ratings[i];
            likes[i] = labels[i] >= Options.LikeThreshold;
        }

        return new InteractionDataset(this, users, movies, Train.Users, Train.Items, labels, likes, leaveOneOut: true);
    }

    /// <summary>Removes one rating <paramref name="r"/> of (userRow, movieRow) from the row's user and movie statistics.</summary>
    internal void LeaveOneOut(int userRow, int movieRow, float r, Span<float> destination)
    {
        var like = r >= Options.LikeThreshold ? 1f : 0f;
        var user = destination[..UserFeatureNames.Count];
        var n = user[2];
        if (n > 1)
        {
            var mean = user[0];
            var sumSq = ((n - 1) * user[1] * user[1]) + (n * mean * mean) - (r * r);
            var newMean = ((n * mean) - r) / (n - 1);
            user[1] = n > 2 ? MathF.Sqrt(MathF.Max(0, (sumSq - ((n - 1) * newMean * newMean)) / (n - 2))) : 0f;
            user[0] = newMean;
            user[3] = ((n * user[3]) - like) / (n - 1);
            user[4] = ((n * user[4]) - (Catalog.Years[movieRow] >= Options.ModernYear ? 1f : 0f)) / (n - 1);
            user[5] = ((n * user[5]) - (_movieTable[movieRow * MovieWidth] - r)) / (n - 1);
            user[2] = n - 1;
        }
        else
        {
            _unknownUser.AsSpan(0, 6).CopyTo(user);
            user[6] = 1f;
        }

        var movie = destination[(UserFeatureNames.Count + PairFeatureNames.Count)..];
        var k = movie[2];
        var mu = (float)_stats.GlobalMean;
        var c = (float)Options.BayesianPriorWeight;
        movie[1] = ((c * mu) + (k * movie[0]) - r) / (c + k - 1);
        movie[0] = k > 1 ? ((k * movie[0]) - r) / (k - 1) : mu;
        movie[4] = k > 1 ? ((k * movie[4]) - like) / (k - 1) : (float)_stats.GlobalLikeRatio;
        movie[2] = k - 1;
        movie[3] = MathF.Log(k);
    }

    /// <summary>Writes the feature vector of (userRow, movieRow) into <paramref name="destination"/> (length FeatureNames.Count); -1 means unknown.</summary>
    internal void FillRow(int userRow, int movieRow, Span<float> destination)
    {
        var uw = UserFeatureNames.Count;
        var user = userRow >= 0 ? _userTable.AsSpan(userRow * uw, uw) : _unknownUser;
        var movie = movieRow >= 0 ? _movieTable.AsSpan(movieRow * MovieWidth, MovieWidth) : _unknownMovie;
        user.CopyTo(destination);
        float match = 0, affinity = 0;
        if (userRow >= 0 && movieRow >= 0)
        {
            var genres = Catalog.GenreIndices[movieRow];
            var g = Catalog.GenreNames.Count;
            var favorite = _stats.UserFavorite[userRow];
            foreach (var genre in genres)
            {
                if (genre == favorite) match = 1;
                affinity += _stats.UserAffinity[(userRow * g) + genre];
            }

            if (genres.Length > 0) affinity /= genres.Length;
        }

        destination[uw] = match;
        destination[uw + 1] = affinity;
        movie.CopyTo(destination[(uw + PairFeatureNames.Count)..]);
    }

    /// <summary>One row per training user: userId, the user block, favoriteGenre and <c>affinity<c>affinity_&lt;genre&gt;</c>lt;Genre<c>affinity_&lt;genre&gt;</c>gt;</c> (the genre without punctuation, e.g. affinitySciFi) per genre.</summary>
    public DataFrame UserFeatures()
    {
        var nu = Train.UserIds.Count;
        var uw = UserFeatureNames.Count;
        var g = Catalog.GenreNames.Count;
        var frame = new DataFrame(new Int32DataFrameColumn(Columns.UserId, Train.UserIds));
        for (var c = 0; c < uw; c++) frame.Columns.Add(FloatColumn(UserFeatureNames[c], nu, u => _userTable[(u * uw) + c]));
        frame.Columns.Add(new StringDataFrameColumn("favoriteGenre", _stats.UserFavorite.Select(f => f >= 0 ? Catalog.GenreNames[f] : string.Empty)));
        for (var genre = 0; genre < g; genre++)
        {
            frame.Columns.Add(FloatColumn("affinity" + new string([.. Catalog.GenreNames[genre].Where(char.IsLetterOrDigit)]), nu, u => _stats.UserAffinity[(u * g) + genre]));
        }

        return frame;
    }

    /// <summary>One row per movie of the movies table: movieId and the movie block (numeric features and embeddings).</summary>
    public DataFrame MovieFeatures()
    {
        var nm = Catalog.Count;
        var mw = MovieWidth;
        var frame = new DataFrame(new Int32DataFrameColumn(Columns.MovieId, Catalog.MovieIds));
        for (var c = 0; c < mw; c++) frame.Columns.Add(FloatColumn(MovieFeatureNames[c], nm, m => _movieTable[(m * mw) + c]));
        return frame;
    }

    /// <summary>The movie block of every movie, row-major (movies × movie block), in movies-table order.</summary>
    internal ReadOnlySpan<float> MovieTable => _movieTable;

    internal static SingleDataFrameColumn FloatColumn(string name, int rows, Func<int, float> value)
    {
        var builder = new PrimitiveColumnBuilder<float>(rows);
        for (var i = 0; i < rows; i++) builder.Add(value(i));
        return (SingleDataFrameColumn)builder.ToColumn(name);
    }
}
