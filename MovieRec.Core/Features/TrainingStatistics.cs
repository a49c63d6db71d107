namespace MovieRec.Features;

/// <summary>User and movie statistics of the training ratings, computed in a few passes over typed arrays.</summary>
internal sealed class TrainingStatistics
{
    public double GlobalMean { get; private set; }

    public double GlobalStd { get; private set; }

    public double GlobalLikeRatio { get; private set; }

    public double GlobalModernShare { get; private set; }

    /// <summary>The last training rating's time: "now" for movie ages and trending, so features never depend on the clock.</summary>
    public long ReferenceTime { get; private set; }

    public int ReferenceYear { get; private set; }

    public int[] UserCount { get; private set; } = [];

    public float[] UserMean { get; private set; } = [];

    public float[] UserStd { get; private set; } = [];

    public float[] UserLikeRatio { get; private set; } = [];

    public float[] UserModernShare { get; private set; } = [];

    public float[] UserStrictness { get; private set; } = [];

    /// <summary>users × genres, row-major.</summary>
    public float[] UserAffinity { get; private set; } = [];

    /// <summary>Index of the favourite genre, or -1.</summary>
    public int[] UserFavorite { get; private set; } = [];

    public int[] MovieCount { get; private set; } = [];

    public float[] MovieMean { get; private set; } = [];

    public float[] MovieBayesMean { get; private set; } = [];

    public float[] MovieLikeRatio { get; private set; } = [];

    public float[] MovieRecentShare { get; private set; } = [];

    public bool[] MovieTrending { get; private set; } = [];

    /// <summary>Rebuilds the parts a loaded <see cref="FeatureModel"/> needs (see <see cref="FeatureModelSerializer"/>).</summary>
    public static TrainingStatistics Restore(double globalMean, double globalStd, double globalLikeRatio, double globalModernShare, long referenceTime,
        int[] userFavorite, float[] userAffinity) => new()
    {
        GlobalMean = globalMean, GlobalStd = globalStd, GlobalLikeRatio = globalLikeRatio, GlobalModernShare = globalModernShare,
        ReferenceTime = referenceTime, ReferenceYear = DateTimeOffset.FromUnixTimeSeconds(referenceTime).Year,
        UserFavorite = userFavorite, UserAffinity = userAffinity,
    };

    /// <summary>The statistics of <paramref name="train"/>'s ratings: users by the dataset's user index, movies by its movie index.</summary>
    public static TrainingStatistics Compute(RatingDataset train, MovieCatalog catalog, FeatureOptions options)
    {
        var users = train.Users;
        var movieRows = train.Items;
        var ratings = Array.ConvertAll(train.Ratings, r => (double)r);
        var times = train.Times;
        var s = new TrainingStatistics();
        var n = ratings.Length;
        var like = options.LikeThreshold;

        double sum = 0, sumSq = 0;
        long likes = 0, modern = 0, maxTime = long.MinValue;
        for (var i = 0; i < n; i++)
        {
            sum += ratings[i];
            sumSq += ratings[i] * ratings[i];
            if (ratings[i] >= like) likes++;
            if (catalog.Years[movieRows[i]] >= options.ModernYear) modern++;
            if (times[i] > maxTime) maxTime = times[i];
        }

        s.GlobalMean = sum / n;
        s.GlobalStd = n > 1 ? Math.Sqrt(Math.Max(0, (sumSq - (sum * sum / n)) / (n - 1))) : 0;
        s.GlobalLikeRatio = (double)likes / n;
        s.GlobalModernShare = (double)modern / n;
        s.ReferenceTime = maxTime;
        s.ReferenceYear = DateTimeOffset.FromUnixTimeSeconds(maxTime).Year;

        ComputeMovies(s, movieRows, ratings, times, catalog.Count, options);
        ComputeUsers(s, users, train.UserIds.Count, movieRows, ratings, catalog, options);
        return s;
    }

    private static void ComputeMovies(TrainingStatistics s, int[] movieRows, double[] ratings, long[] times, int movies, FeatureOptions options)
    {
        var count = new int[movies];
        var sum = new double[movies];
        var likes = new int[movies];
        var recent = new int[movies];
        var since = s.ReferenceTime - (options.TrendingWindowDays * 86_400L);
        var recentTotal = 0;
        for (var i = 0; i < ratings.Length; i++)
        {
            var m = movieRows[i];
            count[m]++;
            sum[m] += ratings[i];
            if (ratings[i] >= options.LikeThreshold) likes[m]++;
            if (times[i] > since)
            {
                recent[m]++;
                recentTotal++;
            }
        }

        s.MovieCount = count;
        s.MovieMean = new float[movies];
        s.MovieBayesMean = new float[movies];
        s.MovieLikeRatio = new float[movies];
        s.MovieRecentShare = new float[movies];
        s.MovieTrending = new bool[movies];
        var c = options.BayesianPriorWeight;
        for (var m = 0; m < movies; m++)
        {
            var k = count[m];
            s.MovieMean[m] = (float)(k > 0 ? sum[m] / k : s.GlobalMean);
            s.MovieBayesMean[m] = (float)(((c * s.GlobalMean) + sum[m]) / (c + k));
            s.MovieLikeRatio[m] = (float)(k > 0 ? (double)likes[m] / k : s.GlobalLikeRatio);
            s.MovieRecentShare[m] = k > 0 ? (float)recent[m] / k : 0f;
            var lift = recentTotal > 0 && k > 0 ? ((double)recent[m] / recentTotal) / ((double)k / ratings.Length) : 0;
            s.MovieTrending[m] = recent[m] >= options.TrendingMinRatings && lift >= options.TrendingLift;
        }
    }

    private static void ComputeUsers(TrainingStatistics s, int[] users, int nu, int[] movieRows, double[] ratings, MovieCatalog catalog, FeatureOptions options)
    {
        var g = catalog.GenreNames.Count;
        var count = new int[nu];
        var sum = new double[nu];
        var sumSq = new double[nu];
        var likes = new int[nu];
        var modern = new int[nu];
        var strict = new double[nu];
        for (var i = 0; i < users.Length; i++)
        {
            var u = users[i];
            var r = ratings[i];
            count[u]++;
            sum[u] += r;
            sumSq[u] += r * r;
            if (r >= options.LikeThreshold) likes[u]++;
            if (catalog.Years[movieRows[i]] >= options.ModernYear) modern[u]++;
            strict[u] += s.MovieMean[movieRows[i]] - r;
        }

        s.UserCount = count;
        s.UserMean = new float[nu];
        s.UserStd = new float[nu];
        s.UserLikeRatio = new float[nu];
        s.UserModernShare = new float[nu];
        s.UserStrictness = new float[nu];
        var mean = new double[nu];
        for (var u = 0; u < nu; u++)
        {
            var k = count[u];
            mean[u] = sum[u] / k;
            s.UserMean[u] = (float)mean[u];
            s.UserStd[u] = k > 1 ? (float)Math.Sqrt(Math.Max(0, (sumSq[u] - (sum[u] * sum[u] / k)) / (k - 1))) : 0f;
            s.UserLikeRatio[u] = (float)likes[u] / k;
            s.UserModernShare[u] = (float)modern[u] / k;
            s.UserStrictness[u] = (float)(strict[u] / k);
        }

        // Per-genre affinity (shrunk mean deviation) and liked/rated counts for the favourite genre.
        var deviation = new double[nu * g];
        var rated = new int[nu * g];
        var liked = new int[nu * g];
        for (var i = 0; i < users.Length; i++)
        {
            var u = users[i];
            var d = ratings[i] - mean[u];
            var isLike = ratings[i] >= options.LikeThreshold;
            foreach (var genre in catalog.GenreIndices[movieRows[i]])
            {
                deviation[(u * g) + genre] += d;
                rated[(u * g) + genre]++;
                if (isLike) liked[(u * g) + genre]++;
            }
        }

        s.UserAffinity = new float[nu * g];
        s.UserFavorite = new int[nu];
        for (var u = 0; u < nu; u++)
        {
            var best = -1;
            var useLikes = false;
            for (var genre = 0; genre < g; genre++)
            {
                var at = (u * g) + genre;
                s.UserAffinity[at] = (float)(deviation[at] / (rated[at] + options.GenreAffinityShrinkage));
                useLikes |= liked[at] > 0;
            }

            var score = useLikes ? liked : rated;
            for (var genre = 0; genre < g; genre++)
            {
                var at = (u * g) + genre;
                if (score[at] == 0) continue;
                if (best < 0 || score[at] > score[(u * g) + best]
                    || (score[at] == score[(u * g) + best] && s.UserAffinity[at] > s.UserAffinity[(u * g) + best]))
                {
                    best = genre; // equal score and affinity keeps the alphabetically first genre
                }
            }

            s.UserFavorite[u] = best;
        }
    }
}
