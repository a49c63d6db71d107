using MovieRec.Data.Parsing;

namespace MovieRec.Synthetic;

/// <summary>
/// A deterministic generator of MovieLens-like data with planted structure that later stages can recover: user and
/// movie biases, latent taste factors tied to genres and themes, a long-tailed popularity, release years, overviews whose
/// words depend on the movie's genres and themes, actors and directors with genre affinity, and a tag genome derived from
/// the latent factors.
/// </summary>
/// <remarks>
/// The generative model is described on <see cref="SyntheticOptions"/>; the planted parameters come back in
/// <see cref="SyntheticDataset.Truth"/>. Everything is drawn from one <see cref="Random"/> seeded with
/// <see cref="SyntheticOptions.Seed"/>, so the same options give byte-identical files. It runs over arrays (no per-rating
/// objects) and scales to the 25M size: 162,000 users × 59,000 movies × 25,000,000 ratings.
/// </remarks>
public static class SyntheticDataGenerator
{
    private const long SecondsPerDay = 86_400;

    /// <summary>Bumped whenever the same options start producing different data (caches of generated data key on it).</summary>
    public const int Version = 2;

    /// <summary>Generates a dataset in memory.</summary>
    public static SyntheticDataset Generate(SyntheticOptions? options = null)
    {
        options ??= new SyntheticOptions();
        options.Validate();
        RequireMemory(options);
        var rng = new Random(options.Seed);
        var k = options.Factors;
        var genreCount = Vocabulary.Genres.Length;

        // Genre latent vectors: movies of a genre share a direction in taste space.
        var genreVectors = new double[genreCount * k];
        for (var i = 0; i < genreVectors.Length; i++) genreVectors[i] = Randomness.StandardNormal(rng);

        // Movies: ids with gaps, genres, years, biases, factors, popularity.
        var m = options.Movies;
        var movieIds = new int[m];
        var movieGenres = new int[m][];
        var movieYears = new int[m];
        var movieBias = new float[m];
        var movieFactors = new float[m * k];
        var id = 0;
        for (var i = 0; i < m; i++)
        {
            id += 1 + (rng.NextDouble() < 0.3 ? rng.Next(1, 4) : 0);
            movieIds[i] = id;
            movieGenres[i] = DrawGenres(rng);
            var age = (int)Math.Floor(-Math.Log(1 - rng.NextDouble()) * 15);
            movieYears[i] = Math.Max(options.FirstYear, options.LastYear - age);
            movieBias[i] = (float)(Randomness.StandardNormal(rng) * options.MovieBiasStdDev);
            for (var f = 0; f < k; f++)
            {
                var genreMean = 0.0;
                foreach (var g in movieGenres[i]) genreMean += genreVectors[(g * k) + f];
                genreMean /= movieGenres[i].Length;
                movieFactors[(i * k) + f] = (float)((0.65 * genreMean) + (0.55 * Randomness.StandardNormal(rng)));
            }
        }

        // Popularity: Zipf over a random ranking, nudged towards better movies.
        var popularity = new double[m];
        var ranks = Enumerable.Range(0, m).ToArray();
        rng.Shuffle(ranks);
        for (var i = 0; i < m; i++) popularity[i] = Math.Pow(ranks[i] + 1, -options.PopularityExponent) * Math.Exp(0.8 * movieBias[i]);

        // Users: biases, factors, activity.
        var u = options.Users;
        var userBias = new float[u];
        var userFactors = new float[u * k];
        var activity = new double[u];
        for (var j = 0; j < u; j++)
        {
            userBias[j] = (float)(Randomness.StandardNormal(rng) * options.UserBiasStdDev);
            for (var f = 0; f < k; f++) userFactors[(j * k) + f] = (float)(Randomness.StandardNormal(rng) * options.UserFactorStdDev);
            activity[j] = Math.Exp(1.1 * Randomness.StandardNormal(rng));
        }

        var ratings = DrawRatings(options, rng, movieIds, movieYears, movieBias, movieFactors, popularity, userBias, userFactors, activity);
        var truth = new SyntheticTruth(options.GlobalMean, k, movieIds, userBias, movieBias, userFactors, movieFactors,
            [.. movieGenres.Select(gs => gs.Select(g => Vocabulary.Genres[g].Name).ToArray())], popularity);

        var people = new People(options, rng);
        var movies = BuildMovies(options, rng, movieIds, movieGenres, movieYears, movieFactors, people);
        var tags = BuildTags(options, rng, ratings, movieFactors, movieGenres);
        var (genomeScores, genomeTags) = BuildGenome(options, rng, movieIds, movieGenres, movieFactors, popularity);
        return new SyntheticDataset(options, truth, ratings.ToDataFrame(), movies.Movies, movies.Links, tags, movies.Metadata, genomeScores, genomeTags);
    }

    /// <summary>Generates a dataset and writes it to <paramref name="folder"/> in the CSV release format.</summary>
    public static SyntheticDataset GenerateTo(string folder, SyntheticOptions? options = null, bool overwrite = false)
    {
        var data = Generate(options);
        data.WriteTo(folder, overwrite);
        return data;
    }

    private static RatingArrays DrawRatings(SyntheticOptions o, Random rng, int[] movieIds, int[] movieYears, float[] movieBias,
        float[] movieFactors, double[] popularity, float[] userBias, float[] userFactors, double[] activity)
    {
        var k = o.Factors;
        var m = movieIds.Length;
        var cumulative = new double[m];
        var total = 0.0;
        for (var i = 0; i < m; i++) cumulative[i] = total += popularity[i];

        var extra = o.Ratings - ((long)o.Users * o.MinRatingsPerUser);
        var activitySum = activity.Sum();
        var maxPerUser = m / 2;
        var result = new RatingArrays(o.Ratings + o.Users);
        var chosen = new HashSet<int>();
        var picks = new List<int>();
        var start = new DateTimeOffset(1996, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        var end = new DateTimeOffset(o.LastYear, 12, 31, 23, 59, 59, TimeSpan.Zero).ToUnixTimeSeconds();
        for (var j = 0; j < o.Users; j++)
        {
            var n = (int)Math.Min(maxPerUser, o.MinRatingsPerUser + Math.Round(extra * activity[j] / activitySum));
            chosen.Clear();
            picks.Clear();
            var taste = userFactors.AsSpan(j * k, k);
            while (picks.Count < n)
            {
                var target = rng.NextDouble() * total;
                var i = Array.BinarySearch(cumulative, target);
                if (i < 0) i = ~i;
                if (i >= m) i = m - 1;
                if (chosen.Contains(i)) continue;
                if (o.TasteSelection > 0)
                {
                    var affinity = 0.0;
                    var qc = movieFactors.AsSpan(i * k, k);
                    for (var f = 0; f < k; f++) affinity += taste[f] * qc[f];
                    var keep = Math.Max(0.05, 1 / (1 + Math.Exp(-o.TasteSelection * affinity)));
                    if (rng.NextDouble() >= keep) continue;
                }

                chosen.Add(i);
                picks.Add(i);
            }

            picks.Sort(); // MovieLens orders each user's ratings by movieId; ids increase with the index
            var userStart = start + (long)(rng.NextDouble() * (end - start - (30 * SecondsPerDay)));
            var span = (long)Math.Min(-Math.Log(1 - rng.NextDouble()) * 400 * SecondsPerDay, end - userStart);
            var pu = userFactors.AsSpan(j * k, k);
            foreach (var i in picks)
            {
                var qi = movieFactors.AsSpan(i * k, k);
                var dot = 0.0;
                for (var f = 0; f < k; f++) dot += pu[f] * qi[f];
                var raw = o.GlobalMean + userBias[j] + movieBias[i] + dot + (Randomness.StandardNormal(rng) * o.NoiseStdDev);
                var rating = RatingScale.HalfStars.Snap(raw);
                var released = new DateTimeOffset(movieYears[i], 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds() + (long)(rng.NextDouble() * 180 * SecondsPerDay);
                var t = userStart + (long)(rng.NextDouble() * span);
                if (t < released) t = Math.Min(end, released + (long)(rng.NextDouble() * 365 * SecondsPerDay));
                result.Add(j + 1, movieIds[i], i, rating, t);
            }
        }

        return result;
    }

    private static int[] DrawGenres(Random rng)
    {
        var genres = new List<int>(3);
        for (var g = 0; g < Vocabulary.Genres.Length; g++)
        {
            if (rng.NextDouble() < Vocabulary.Genres[g].Share * 0.85) genres.Add(g);
        }

        if (genres.Count == 0) genres.Add(rng.NextDouble() < 0.5 ? 0 : 1);
        while (genres.Count > 4) genres.RemoveAt(rng.Next(genres.Count));
        return [.. genres];
    }

    private static (DataFrame Movies, DataFrame Links, DataFrame Metadata) BuildMovies(SyntheticOptions o, Random rng, int[] movieIds,
        int[][] movieGenres, int[] movieYears, float[] movieFactors, People people)
    {
        var m = movieIds.Length;
        var k = o.Factors;
        var titles = new string[m];
        var genres = new string[m];
        var imdb = new PrimitiveColumnBuilder<int>(m);
        var tmdb = new PrimitiveColumnBuilder<int>(m);
        var metaYears = new PrimitiveColumnBuilder<int>(m);
        var overviews = new string[m];
        var metaGenres = new string[m];
        var actors = new string[m];
        var directors = new string[m];
        var usedTitles = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < m; i++)
        {
            var name = $"{Pick(rng, Vocabulary.TitleAdjectives)} {Pick(rng, Vocabulary.TitleNouns)}";
            if (rng.NextDouble() < 0.08) name += ", The"; // MovieLens' article style; exercises CSV quoting
            var title = $"{name} ({movieYears[i].ToString(CultureInfo.InvariantCulture)})";
            for (var sequel = 2; !usedTitles.Add(title); sequel++) title = $"{name} {sequel.ToString(CultureInfo.InvariantCulture)} ({movieYears[i].ToString(CultureInfo.InvariantCulture)})";
            titles[i] = title;
            genres[i] = string.Join('|', movieGenres[i].Order().Select(g => Vocabulary.Genres[g].Name));
            metaGenres[i] = string.Join('|', movieGenres[i].Select(g => Vocabulary.Genres[g].TmdbName));
            imdb.Add(1_000_000 + movieIds[i]);
            if (rng.NextDouble() < 0.02) tmdb.AddNull();
            else tmdb.Add(500_000 + movieIds[i]);
            if (rng.NextDouble() < o.MissingYearRate) metaYears.AddNull();
            else metaYears.Add(movieYears[i]);
            var themes = TopThemes(movieFactors.AsSpan(i * k, k), 2);
            overviews[i] = rng.NextDouble() < o.MissingOverviewRate ? string.Empty : Overview(rng, movieGenres[i], themes);
            actors[i] = string.Join('|', people.CastFor(rng, movieGenres[i]));
            directors[i] = string.Join('|', people.DirectorsFor(rng, movieGenres[i]));
        }

        var movieIdColumn = new Int32DataFrameColumn(Columns.MovieId, movieIds);
        var movies = new DataFrame(movieIdColumn, new StringDataFrameColumn(Columns.Title, titles), new StringDataFrameColumn(Columns.Genres, genres));
        var tmdbColumn = tmdb.ToColumn(Columns.TmdbId);
        var links = new DataFrame(movieIdColumn.Clone(), imdb.ToColumn(Columns.ImdbId), tmdbColumn);
        var metadata = new DataFrame(
            movieIdColumn.Clone(),
            new StringDataFrameColumn(Columns.Title, titles),
            tmdbColumn.Clone(),
            new StringDataFrameColumn(Columns.Overview, overviews),
            new StringDataFrameColumn(Columns.PosterUrl, Enumerable.Repeat(string.Empty, m)),
            new StringDataFrameColumn(Columns.GenresMeta, metaGenres),
            metaYears.ToColumn(Columns.ReleaseYear),
            new StringDataFrameColumn(Columns.Actors, actors),
            new StringDataFrameColumn(Columns.Directors, directors));
        return (movies, links, metadata);
    }

    private static string Overview(Random rng, int[] genres, int[] themes)
    {
        var sb = new StringBuilder();
        var sentences = rng.Next(2, 4);
        for (var s = 0; s < sentences; s++)
        {
            var genreWords = Vocabulary.GenreWords[genres[rng.Next(genres.Length)]];
            var themeWords = Vocabulary.Themes[themes[rng.Next(themes.Length)] % Vocabulary.Themes.Length].Words;
            if (s > 0) sb.Append(' ');
            switch (rng.Next(3))
            {
                case 0:
                    sb.Append(CultureInfo.InvariantCulture, $"{Pick(rng, Vocabulary.Subjects)} {Pick(rng, Vocabulary.Verbs)} a {Pick(rng, genreWords)} {Pick(rng, themeWords)} {Pick(rng, Vocabulary.Connectors)} the {Pick(rng, genreWords)} ends.");
                    break;
                case 1:
                    sb.Append(CultureInfo.InvariantCulture, $"Caught between {Pick(rng, themeWords)} and {Pick(rng, genreWords)}, everything changes when a {Pick(rng, genreWords)} brings the {Pick(rng, themeWords)} back.");
                    break;
                default:
                    sb.Append(CultureInfo.InvariantCulture, $"A story of {Pick(rng, genreWords)}, {Pick(rng, themeWords)} and the \"{Pick(rng, themeWords)}\" that nobody saw coming.");
                    break;
            }
        }

        return sb.ToString();
    }

    private static DataFrame BuildTags(SyntheticOptions o, Random rng, RatingArrays ratings, float[] movieFactors, int[][] movieGenres)
    {
        var k = o.Factors;
        var users = new PrimitiveColumnBuilder<int>();
        var movies = new PrimitiveColumnBuilder<int>();
        var texts = new List<string>();
        var times = new PrimitiveColumnBuilder<long>();
        for (var r = 0; r < ratings.Count; r++)
        {
            if (ratings.Rating[r] < 4 || rng.NextDouble() >= o.TagRate) continue;
            var i = ratings.MovieIndex[r];
            string tag;
            if (rng.NextDouble() < 0.5)
            {
                tag = Vocabulary.Genres[movieGenres[i][rng.Next(movieGenres[i].Length)]].Name.ToLowerInvariant();
            }
            else
            {
                var theme = TopThemes(movieFactors.AsSpan(i * k, k), 1)[0] % Vocabulary.Themes.Length;
                tag = Pick(rng, Vocabulary.Themes[theme].Tags);
            }

            users.Add(ratings.User[r]);
            movies.Add(ratings.Movie[r]);
            texts.Add(tag);
            times.Add(ratings.Time[r] + rng.Next(1, 600));
        }

        return new DataFrame(users.ToColumn(Columns.UserId), movies.ToColumn(Columns.MovieId), new StringDataFrameColumn(Columns.Tag, texts), times.ToColumn(Columns.Timestamp));
    }

    /// <summary>Fails, before anything is allocated, when the dataset the options describe cannot fit in the memory this
    /// process may use (<see cref="GCMemoryInfo.TotalAvailableMemoryBytes"/>).</summary>
    /// <remarks>The estimate counts each rating twice (the drawn arrays and the DataFrame, about 48 bytes), each movie's
    /// factors, texts and metadata (about 512 bytes), each user's factors, and the genome (about 128 tags × 24 bytes per
    /// genome movie); it errs high.</remarks>
    private static void RequireMemory(SyntheticOptions o)
    {
        var bytes = (o.Ratings + o.Users) * 48.0 + (double)o.Movies * (512 + 8 * o.Factors) + (double)o.Users * (16 + 8 * o.Factors) + o.GenomeMovies * 128.0 * 24;
        var limit = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        if (bytes > limit)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"these options need about {bytes / (1L << 30):N1} GiB of memory to generate ({o.Ratings:N0} ratings, {o.Users:N0} users, {o.Movies:N0} movies, {o.GenomeMovies:N0} genome movies), more than the {limit / (double)(1L << 30):N1} GiB this process may use; ask for fewer ratings, users, movies or genome movies"));
        }
    }

    private static (DataFrame Scores, DataFrame Tags) BuildGenome(SyntheticOptions o, Random rng, int[] movieIds, int[][] movieGenres, float[] movieFactors, double[] popularity)
    {
        var k = o.Factors;
        var tagNames = new List<string>();
        var tagGenre = new List<int>();
        var tagFactor = new List<int>();
        for (var g = 0; g < Vocabulary.Genres.Length; g++)
        {
            tagNames.Add(Vocabulary.Genres[g].Name.ToLowerInvariant());
            tagGenre.Add(g);
            tagFactor.Add(-1);
        }

        for (var f = 0; f < k; f++)
        {
            foreach (var t in Vocabulary.Themes[f % Vocabulary.Themes.Length].Tags)
            {
                tagNames.Add(f < Vocabulary.Themes.Length ? t : $"{t} {f / Vocabulary.Themes.Length + 1}");
                tagGenre.Add(-1);
                tagFactor.Add(f);
            }
        }

        var covered = Enumerable.Range(0, movieIds.Length).OrderByDescending(i => popularity[i]).Take(o.GenomeMovies).Order().ToArray();
        var movies = new PrimitiveColumnBuilder<int>((long)covered.Length * tagNames.Count);
        var tags = new PrimitiveColumnBuilder<int>((long)covered.Length * tagNames.Count);
        var relevance = new PrimitiveColumnBuilder<float>((long)covered.Length * tagNames.Count);
        foreach (var i in covered)
        {
            for (var t = 0; t < tagNames.Count; t++)
            {
                double logit = tagGenre[t] >= 0
                    ? (movieGenres[i].Contains(tagGenre[t]) ? 2.2 : -2.6) + (0.6 * Randomness.StandardNormal(rng))
                    : (2.4 * movieFactors[(i * k) + tagFactor[t]]) - 1.2 + (0.5 * Randomness.StandardNormal(rng));
                movies.Add(movieIds[i]);
                tags.Add(t + 1);
                relevance.Add((float)Math.Round(1 / (1 + Math.Exp(-logit)), 3));
            }
        }

        var scores = new DataFrame(movies.ToColumn(Columns.MovieId), tags.ToColumn(Columns.TagId), relevance.ToColumn(Columns.Relevance));
        var tagTable = new DataFrame(new Int32DataFrameColumn(Columns.TagId, Enumerable.Range(1, tagNames.Count)), new StringDataFrameColumn(Columns.Tag, tagNames));
        return (scores, tagTable);
    }

    private static int[] TopThemes(ReadOnlySpan<float> factors, int count)
    {
        var order = new int[factors.Length];
        for (var f = 0; f < order.Length; f++) order[f] = f;
        var values = factors.ToArray();
        Array.Sort(values, order);
        Array.Reverse(order);
        return order[..Math.Min(count, order.Length)];
    }

    private static T Pick<T>(Random rng, T[] items) => items[rng.Next(items.Length)];

    /// <summary>Actor and director pools, each person with a home genre.</summary>
    private sealed class People
    {
        private readonly string[] _actors;
        private readonly List<int>[] _actorsByGenre;
        private readonly string[] _directors;
        private readonly List<int>[] _directorsByGenre;

        public People(SyntheticOptions o, Random rng)
        {
            (_actors, _actorsByGenre) = Pool(rng, o.Actors, 0);
            (_directors, _directorsByGenre) = Pool(rng, o.Directors, 7);
        }

        public IEnumerable<string> CastFor(Random rng, int[] genres) => Draw(rng, genres, _actors, _actorsByGenre, rng.Next(3, 6));

        public IEnumerable<string> DirectorsFor(Random rng, int[] genres) => Draw(rng, genres, _directors, _directorsByGenre, rng.NextDouble() < 0.1 ? 2 : 1);

        private static IEnumerable<string> Draw(Random rng, int[] genres, string[] names, List<int>[] byGenre, int count)
        {
            var picked = new List<int>(count);
            for (var attempt = 0; picked.Count < count && attempt < count * 10; attempt++)
            {
                var pool = byGenre[genres[rng.Next(genres.Length)]];
                var person = rng.NextDouble() < 0.8 && pool.Count > 0 ? pool[rng.Next(pool.Count)] : rng.Next(names.Length);
                if (!picked.Contains(person)) picked.Add(person);
            }

            return picked.Select(p => names[p]);
        }

        private static (string[] Names, List<int>[] ByGenre) Pool(Random rng, int size, int offset)
        {
            var names = new string[size];
            var byGenre = Enumerable.Range(0, Vocabulary.Genres.Length).Select(_ => new List<int>()).ToArray();
            var first = Vocabulary.FirstNames;
            var last = Vocabulary.LastNames;
            for (var p = 0; p < size; p++)
            {
                var n = (p * 7) + offset; // distinct (first, last) pairs for pools up to first × last
                var name = $"{first[n % first.Length]} {last[(n / first.Length + n) % last.Length]}";
                names[p] = p < first.Length * last.Length ? name : $"{name} {(p / (first.Length * last.Length)) + 1}";
                var genre = 0;
                var draw = rng.NextDouble() * Vocabulary.Genres.Sum(g => g.Share);
                while (genre < Vocabulary.Genres.Length - 1 && (draw -= Vocabulary.Genres[genre].Share) > 0) genre++;
                byGenre[genre].Add(p);
            }

            return (names, byGenre);
        }
    }

    /// <summary>Ratings as parallel arrays while generating.</summary>
    private sealed class RatingArrays(long capacity)
    {
        private readonly PrimitiveColumnBuilder<int> _user = new(capacity);
        private readonly PrimitiveColumnBuilder<int> _movie = new(capacity);
        private readonly PrimitiveColumnBuilder<int> _movieIndex = new(capacity);
        private readonly PrimitiveColumnBuilder<double> _rating = new(capacity);
        private readonly PrimitiveColumnBuilder<long> _time = new(capacity);

        public int Count => _user.Count;

        public Span<int> User => _user.Values;

        public Span<int> Movie => _movie.Values;

        public Span<int> MovieIndex => _movieIndex.Values;

        public Span<double> Rating => _rating.Values;

        public Span<long> Time => _time.Values;

        public void Add(int user, int movie, int movieIndex, double rating, long time)
        {
            _user.Add(user);
            _movie.Add(movie);
            _movieIndex.Add(movieIndex);
            _rating.Add(rating);
            _time.Add(time);
        }

        public DataFrame ToDataFrame() => new(_user.ToColumn(Columns.UserId), _movie.ToColumn(Columns.MovieId), _rating.ToColumn(Columns.Rating), _time.ToColumn(Columns.Timestamp));
    }
}
