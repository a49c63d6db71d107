namespace MovieRec.Data;

/// <summary>
/// The one dataset every learner fits on: user and movie vocabularies (raw ID ↔ dense index, numbered 0..n-1 in
/// ascending ID order), each rating as (user index, item index, rating, time), a CSR view of each user's ratings (items
/// ascending) and, built on first use, a CSR view of each movie's ratings (users ascending). Built with the movies table
/// (<see cref="From(DataFrame, DataFrame?, DataFrame?, GenomeMatrix?)"/>, <see cref="WithMovies"/>), it also carries the
/// <see cref="Movies"/> catalog, tags and genome that the feature pipeline, the classifiers, the similarity space and the
/// recommender read: one movie index for every stage.
/// </summary>
/// <remarks>Movie indexes: 0 … <c>ItemIds.Count</c> − 1 are the rated movies (ascending ID), the item indexes every
/// algorithm scores; the catalog's further rows are the movies of the table nobody rated (ascending ID), which only the
/// content-based stages can score.</remarks>
public sealed class RatingDataset
{
    private readonly Dictionary<int, int> _userIndex;
    private readonly Dictionary<int, int> _itemIndex;
    private readonly Lazy<ItemView> _byItem;

    private RatingDataset(int[] userIds, int[] itemIds, int[] users, int[] items, float[] ratings, long[] times)
    {
        UserIds = userIds;
        ItemIds = itemIds;
        Users = users;
        Items = items;
        Ratings = ratings;
        Times = times;
        _userIndex = Index(userIds);
        _itemIndex = Index(itemIds);
        _byItem = new Lazy<ItemView>(BuildItemView, LazyThreadSafetyMode.ExecutionAndPublication);

        // CSR by user, items ascending within a user.
        UserStart = new int[userIds.Length + 1];
        foreach (var u in users) UserStart[u + 1]++;
        for (var u = 0; u < userIds.Length; u++) UserStart[u + 1] += UserStart[u];
        var next = UserStart[..^1].ToArray();
        UserItems = new int[users.Length];
        UserRatings = new float[users.Length];
        for (var r = 0; r < users.Length; r++)
        {
            var slot = next[users[r]]++;
            UserItems[slot] = items[r];
            UserRatings[slot] = ratings[r];
        }

        for (var u = 0; u < userIds.Length; u++)
        {
            var range = new Range(UserStart[u], UserStart[u + 1]);
            UserItems.AsSpan(range).Sort(UserRatings.AsSpan(range));
        }

        ItemCounts = new int[itemIds.Length];
        foreach (var i in items) ItemCounts[i]++;
        double sum = 0;
        float min = float.MaxValue, max = float.MinValue;
        foreach (var r in ratings)
        {
            sum += r;
            min = Math.Min(min, r);
            max = Math.Max(max, r);
        }

        GlobalMean = ratings.Length > 0 ? sum / ratings.Length : double.NaN;
        MinRating = min;
        MaxRating = max;
    }

    /// <summary>The same ratings (every array shared) with a movie side.</summary>
    private RatingDataset(RatingDataset ratings, MovieCatalog movies, DataFrame? tags, GenomeMatrix? genome)
    {
        UserIds = ratings.UserIds;
        ItemIds = ratings.ItemIds;
        Users = ratings.Users;
        Items = ratings.Items;
        Ratings = ratings.Ratings;
        Times = ratings.Times;
        _userIndex = ratings._userIndex;
        _itemIndex = movies.RowMap; // one movie map: the rated movies are its first ItemIds.Count rows
        _byItem = ratings._byItem;
        UserStart = ratings.UserStart;
        UserItems = ratings.UserItems;
        UserRatings = ratings.UserRatings;
        ItemCounts = ratings.ItemCounts;
        GlobalMean = ratings.GlobalMean;
        MinRating = ratings.MinRating;
        MaxRating = ratings.MaxRating;
        Movies = movies;
        Tags = tags;
        Genome = genome;
    }

    /// <summary>The movies (rows = movie indexes; see the remarks), or null when the dataset was built from ratings alone.</summary>
    public MovieCatalog? Movies { get; }

    /// <summary>User tags (userId, movieId, tag), if given with the movies.</summary>
    public DataFrame? Tags { get; }

    /// <summary>The tag genome, if given with the movies.</summary>
    public GenomeMatrix? Genome { get; }

    private int[]? _genomeRows;

    /// <summary>The <see cref="Genome"/> row of each movie index (−1 for a movie the genome does not cover; the movies of
    /// <see cref="Movies"/>, or the rated ones without a table), or null without a genome: the genome read by the movie
    /// index every stage uses, mapped once.</summary>
    internal int[]? GenomeRows => Genome is not { } genome ? null : LazyInitializer.EnsureInitialized(ref _genomeRows, () =>
    {
        var ids = Movies?.MovieIds ?? ItemIds;
        var rows = new int[ids.Count];
        for (var m = 0; m < rows.Length; m++) rows[m] = genome.RowOf(ids[m]);
        return rows;
    });

    /// <summary>The same ratings with the movies table (cleaned, merged: every rated movie must be in it), tags and genome:
    /// the rating arrays are shared, the rated movies keep their item indexes, and the table's unrated movies follow.</summary>
    /// <exception cref="ArgumentException">A rated movie is missing from <paramref name="movies"/>, or a movieId appears twice.</exception>
    public RatingDataset WithMovies(DataFrame movies, DataFrame? tags = null, GenomeMatrix? genome = null)
    {
        ArgumentNullException.ThrowIfNull(movies);
        var tableIds = movies.ToArray<int>(Columns.MovieId);
        var tableRow = new Dictionary<int, int>(tableIds.Length);
        for (var r = 0; r < tableIds.Length; r++)
        {
            if (!tableRow.TryAdd(tableIds[r], r)) throw new ArgumentException($"movieId {tableIds[r]} appears twice in the movies table; clean the data first.", nameof(movies));
        }

        var order = new int[ItemIds.Count + tableIds.Count(id => ItemIndex(id) < 0)];
        for (var i = 0; i < ItemIds.Count; i++)
        {
            if (!tableRow.TryGetValue(ItemIds[i], out order[i])) throw new ArgumentException($"Movie {ItemIds[i]} is rated but not in the movies table; clean the data first.", nameof(movies));
        }

        var next = ItemIds.Count;
        foreach (var id in tableIds.Where(id => ItemIndex(id) < 0).Order()) order[next++] = tableRow[id];
        return new RatingDataset(this, new MovieCatalog(movies, order), tags, genome);
    }

    /// <summary>The same ratings with a catalog already in this dataset's movie order (a saved recommender's): its first
    /// rows are the rated movies in item order, the rest unrated movies in ascending ID order.</summary>
    /// <exception cref="InvalidDataException">The catalog's rows are not in that order.</exception>
    internal RatingDataset WithCatalog(MovieCatalog movies)
    {
        var ids = movies.MovieIds;
        if (ids.Count < ItemIds.Count) throw new InvalidDataException($"the catalog has {ids.Count} movies, fewer than the {ItemIds.Count} rated ones");
        for (var i = 0; i < ids.Count; i++)
        {
            var inOrder = i < ItemIds.Count ? ids[i] == ItemIds[i] : ItemIndex(ids[i]) < 0 && (i == ItemIds.Count || ids[i] > ids[i - 1]);
            if (!inOrder) throw new InvalidDataException($"movie {ids[i]} is out of place in the catalog (row {i})");
        }

        return new RatingDataset(this, movies, null, null);
    }

    /// <summary>The movie side, or an error naming the stage that needs it.</summary>
    internal MovieCatalog RequireMovies(string stage) => Movies
        ?? throw new ArgumentException($"{stage} needs the movies table: build the dataset with RatingDataset.From(ratings, movies) or dataset.WithMovies(movies).");

    /// <summary>userId of each user index, ascending.</summary>
    public IReadOnlyList<int> UserIds { get; }

    /// <summary>movieId of each item index, ascending.</summary>
    public IReadOnlyList<int> ItemIds { get; }

    /// <summary>User index of each rating.</summary>
    public int[] Users { get; }

    /// <summary>Item index of each rating.</summary>
    public int[] Items { get; }

    /// <summary>Each rating's value.</summary>
    public float[] Ratings { get; }

    /// <summary>Each rating's timestamp.</summary>
    public long[] Times { get; }

    /// <summary>CSR offsets by user (length users + 1).</summary>
    public int[] UserStart { get; }

    /// <summary>CSR item indices, ascending within each user.</summary>
    public int[] UserItems { get; }

    /// <summary>CSR ratings, aligned with <see cref="UserItems"/>.</summary>
    public float[] UserRatings { get; }

    /// <summary>Ratings per item.</summary>
    public int[] ItemCounts { get; }

    /// <summary>Number of ratings.</summary>
    public int Count => Ratings.Length;

    /// <summary>Mean rating μ.</summary>
    public double GlobalMean { get; }

    /// <summary>Smallest rating; predictions are clipped to [MinRating, MaxRating].</summary>
    public float MinRating { get; }

    /// <summary>Largest rating.</summary>
    public float MaxRating { get; }

    /// <summary>CSR offsets by item (length items + 1), for <see cref="ItemUsers"/>, <see cref="ItemRatings"/> and <see cref="ItemPositions"/>.</summary>
    public int[] ItemStart => _byItem.Value.Start;

    /// <summary>CSR user indices by item, ascending within each item.</summary>
    public int[] ItemUsers => _byItem.Value.Users;

    /// <summary>CSR ratings by item, aligned with <see cref="ItemUsers"/>.</summary>
    public float[] ItemRatings => _byItem.Value.Ratings;

    /// <summary>For each by-item entry, its position in the by-user arrays (<see cref="UserItems"/>, <see cref="UserRatings"/>),
    /// so values computed per user position can be read by item.</summary>
    public int[] ItemPositions => _byItem.Value.Positions;

    /// <summary>User indices who rated item index <paramref name="item"/>, ascending.</summary>
    public ReadOnlySpan<int> UsersOf(int item) => ItemUsers.AsSpan(ItemStart[item], ItemStart[item + 1] - ItemStart[item]);

    /// <summary>A movie's number of ratings and their mean, by raw movie ID; (0, null) for a movie without ratings.</summary>
    /// <remarks>mean_i = (Σ_u r_ui) / n_i over the users u who rated movie i, summed in user order.</remarks>
    public (int Count, double? Mean) MovieStatistics(int movieId)
    {
        var item = ItemIndex(movieId);
        if (item < 0 || ItemCounts[item] == 0) return (0, null);
        var values = ItemRatings.AsSpan(ItemStart[item], ItemStart[item + 1] - ItemStart[item]);
        double sum = 0;
        foreach (var v in values) sum += v;
        return (values.Length, sum / values.Length);
    }

    /// <summary>Index of <paramref name="userId"/>, or -1.</summary>
    public int UserIndex(int userId) => _userIndex.TryGetValue(userId, out var u) ? u : -1;

    /// <summary>Item index of <paramref name="movieId"/> (a rated movie), or -1.</summary>
    public int ItemIndex(int movieId) => _itemIndex.TryGetValue(movieId, out var i) && i < ItemIds.Count ? i : -1;

    /// <summary>Movie index of <paramref name="movieId"/> among all the dataset's movies, or -1: its item index when rated,
    /// its row of <see cref="Movies"/> when only the movies table has it (without a movies table, <see cref="ItemIndex"/>).</summary>
    /// <remarks>One map serves both lookups: with movies attached, the dataset reads the catalog's rows, whose first
    /// <c>ItemIds.Count</c> are the rated movies in item order, so an item index and a movie index never disagree.</remarks>
    public int MovieIndex(int movieId) => _itemIndex.TryGetValue(movieId, out var i) ? i : -1;

    /// <summary>Item indices rated by user index <paramref name="user"/>, ascending.</summary>
    public ReadOnlySpan<int> ItemsOf(int user) => UserItems.AsSpan(UserStart[user], UserStart[user + 1] - UserStart[user]);

    /// <summary>Ratings of user index <paramref name="user"/>, aligned with <see cref="ItemsOf"/>.</summary>
    public ReadOnlySpan<float> RatingsOf(int user) => UserRatings.AsSpan(UserStart[user], UserStart[user + 1] - UserStart[user]);

    /// <summary>
    /// Holds out <paramref name="fraction"/> of each user's ratings (seeded, as <c>Splitters.RandomPerUser</c>): the rest as a dataset with this one's movies, tags and genome, and the held-out ratings as a frame. Every
    /// validation split carved from training ratings (blends, classifier selection, sanity, tuning) is made here.
    /// </summary>
    /// <remarks>The split <c>Splitters.RandomPerUser(ToDataFrame(), fraction, seed)</c> makes (<see cref="PerUserHoldOut"/>),
    /// without the frame: the kept ratings, in this dataset's order, become the new dataset directly.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fraction"/> is not strictly between 0 and 1.</exception>
    internal (RatingDataset Train, DataFrame HeldOut) HoldOut(double fraction, int seed)
    {
        var held = HeldOutRows(fraction, seed);
        return (Subset(Array.ConvertAll(held, h => !h)), Rows(held));
    }

    /// <summary>Which ratings <see cref="HoldOut"/> holds out: one flag per rating, in the order the dataset was built from.</summary>
    internal bool[] HeldOutRows(double fraction, int seed)
    {
        PerUserHoldOut.CheckFraction(fraction);
        return PerUserHoldOut.Mark(Array.ConvertAll(Users, u => UserIds[u]), fraction, seed);
    }

    /// <summary>The dataset of the ratings where <paramref name="keep"/> is true (one flag per rating, in the order the
    /// dataset was built from), with this dataset's movies, tags and genome: a split's training part without a trip
    /// through a DataFrame.</summary>
    internal RatingDataset Subset(bool[] keep)
    {
        var n = keep.Count(k => k);
        int[] users = new int[n], items = new int[n];
        float[] ratings = new float[n];
        long[] times = new long[n];
        for (int r = 0, a = 0; r < keep.Length; r++)
        {
            if (!keep[r]) continue;
            (users[a], items[a], ratings[a], times[a]) = (UserIds[Users[r]], ItemIds[Items[r]], Ratings[r], Times[r]);
            a++;
        }

        var subset = From(users, items, ratings, times);
        return Movies is null ? subset : subset.WithMovies(Movies.Table, Tags, Genome);
    }

    /// <summary>The ratings where <paramref name="rows"/> is true as a frame (<see cref="ToDataFrame"/>'s columns and order).</summary>
    internal DataFrame Rows(bool[] rows)
    {
        var picked = Enumerable.Range(0, rows.Length).Where(r => rows[r]).ToArray();
        return new DataFrame(
            new Int32DataFrameColumn(Columns.UserId, picked.Select(r => UserIds[Users[r]])),
            new Int32DataFrameColumn(Columns.MovieId, picked.Select(r => ItemIds[Items[r]])),
            new DoubleDataFrameColumn(Columns.Rating, picked.Select(r => (double)Ratings[r])),
            new Int64DataFrameColumn(Columns.Timestamp, picked.Select(r => Times[r])));
    }

    /// <summary>Builds the set from a ratings DataFrame (userId, movieId, rating, timestamp) and, optionally, the movie side
    /// (<see cref="WithMovies"/>).</summary>
    public static RatingDataset From(DataFrame ratings, DataFrame? movies = null, DataFrame? tags = null, GenomeMatrix? genome = null)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var set = From(ratings);
        return movies is null ? set : set.WithMovies(movies, tags, genome);
    }

    private static RatingDataset From(DataFrame ratings)
    {
        var userIds = ratings.ToArray<int>(Columns.UserId);
        var itemIds = ratings.ToArray<int>(Columns.MovieId);
        var values = Array.ConvertAll(ratings.ToArray<double>(Columns.Rating), v => (float)v);
        var times = ratings.HasColumn(Columns.Timestamp) ? ratings.ToArray<long>(Columns.Timestamp) : new long[values.Length];
        return From(userIds, itemIds, values, times);
    }

    /// <summary>The ratings as a frame (userId, movieId, rating, timestamp), in the order the dataset was built from:
    /// the way back to the DataFrame functions (splitters, metrics) from a dataset.</summary>
    public DataFrame ToDataFrame() => new(
        new Int32DataFrameColumn(Columns.UserId, Array.ConvertAll(Users, u => UserIds[u])),
        new Int32DataFrameColumn(Columns.MovieId, Array.ConvertAll(Items, i => ItemIds[i])),
        new DoubleDataFrameColumn(Columns.Rating, Array.ConvertAll(Ratings, r => (double)r)),
        new Int64DataFrameColumn(Columns.Timestamp, Times));

    /// <summary>The dataset of these ratings (one row per rating: user ID, movie ID, rating, timestamp).</summary>
    internal static RatingDataset From(int[] userIds, int[] itemIds, float[] values, long[] times)
    {
        var (users, u) = Vocabulary(userIds);
        var (items, i) = Vocabulary(itemIds);
        return new RatingDataset(users, items, u, i, values, times);
    }

    /// <summary>The distinct IDs ascending and each value's index among them. IDs spanning a range of at most 64M
    /// (MovieLens: users and movies below 300,000) go through a lookup table, O(n + range); others through a sort.</summary>
    private static (int[] Ids, int[] Indexes) Vocabulary(int[] values)
    {
        var indexes = new int[values.Length];
        if (values.Length == 0) return ([], indexes);
        int min = values.Min(), max = values.Max();
        if ((long)max - min < 1 << 26)
        {
            var slot = new int[max - min + 1];
            foreach (var v in values) slot[v - min] = 1;
            var count = 0;
            for (var x = 0; x < slot.Length; x++) slot[x] = slot[x] == 0 ? -1 : count++;
            var ids = new int[count];
            for (var x = 0; x < slot.Length; x++)
            {
                if (slot[x] >= 0) ids[slot[x]] = x + min;
            }

            for (var k = 0; k < values.Length; k++) indexes[k] = slot[values[k] - min];
            return (ids, indexes);
        }

        var distinct = values.Distinct().Order().ToArray();
        var index = Index(distinct);
        for (var k = 0; k < values.Length; k++) indexes[k] = index[values[k]];
        return (distinct, indexes);
    }

    private ItemView BuildItemView()
    {
        var n = ItemIds.Count;
        var start = new int[n + 1];
        foreach (var i in UserItems) start[i + 1]++;
        for (var i = 0; i < n; i++) start[i + 1] += start[i];
        var users = new int[Count];
        var ratings = new float[Count];
        var positions = new int[Count];
        var next = start[..^1];
        for (var u = 0; u < UserIds.Count; u++)
        {
            for (var p = UserStart[u]; p < UserStart[u + 1]; p++)
            {
                var slot = next[UserItems[p]]++;
                users[slot] = u;
                ratings[slot] = UserRatings[p];
                positions[slot] = p;
            }
        }

        return new ItemView(start, users, ratings, positions);
    }

    private sealed record ItemView(int[] Start, int[] Users, float[] Ratings, int[] Positions);

    private static Dictionary<int, int> Index(IReadOnlyList<int> ids)
    {
        var map = new Dictionary<int, int>(ids.Count);
        for (var k = 0; k < ids.Count; k++) map[ids[k]] = k;
        return map;
    }
}
