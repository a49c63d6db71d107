using Microsoft.ML;
using MovieRec.Data.Parsing;

namespace MovieRec.Features;

/// <summary>
/// One row per (user, movie) rating of a split: the fitted user, pair and movie features, the rating, and the target
/// <c>like</c> = rating ≥ the like threshold.
/// </summary>
/// <remarks>
/// Rows are not materialized: the dataset keeps each row's user and movie index (9 bytes a row) and composes the
/// feature vector from the model's per-user and per-movie tables on demand. A 25-million-rating split therefore takes
/// ~225 MB, not 25M × features × 4 bytes. <see cref="ToDataFrame"/> materializes float32 columns (for inspection and
/// small data); <see cref="AsDataView"/> streams rows to ML.NET trainers with a <c>Features</c> vector column.
/// </remarks>
public sealed class InteractionDataset
{
    private readonly int[] _userRows;
    private readonly int[] _movieRows;

    internal InteractionDataset(FeatureModel model, int[] userIds, int[] movieIds, int[] userRows, int[] movieRows, float[] ratings, bool[] likes, bool leaveOneOut = false)
    {
        LeaveOneOut = leaveOneOut;
        Model = model;
        UserIds = userIds;
        MovieIds = movieIds;
        _userRows = userRows;
        _movieRows = movieRows;
        Ratings = ratings;
        Likes = likes;
    }

    /// <summary>True for <see cref="FeatureModel.TransformTraining"/>'s rows: statistics exclude each row's own rating.</summary>
    public bool LeaveOneOut { get; }

    /// <summary>The fitted model whose tables the rows come from.</summary>
    public FeatureModel Model { get; }

    /// <summary>Number of rows.</summary>
    public int Count => UserIds.Count;

    /// <summary>The feature names, in vector order.</summary>
    public IReadOnlyList<string> FeatureNames => Model.FeatureNames;

    /// <summary>userId of each row.</summary>
    public IReadOnlyList<int> UserIds { get; }

    /// <summary>movieId of each row.</summary>
    public IReadOnlyList<int> MovieIds { get; }

    /// <summary>The rating of each row (not a feature).</summary>
    public IReadOnlyList<float> Ratings { get; }

    /// <summary>The target: rating ≥ the like threshold.</summary>
    public IReadOnlyList<bool> Likes { get; }

    /// <summary>The share of rows that are likes.</summary>
    public double LikeRate => Count == 0 ? double.NaN : Likes.Count(l => l) / (double)Count;

    /// <summary>Writes row <paramref name="row"/>'s feature vector into <paramref name="destination"/> (length FeatureNames.Count).</summary>
    public void FillFeatures(int row, Span<float> destination)
    {
        Model.FillRow(_userRows[row], _movieRows[row], destination);
        if (LeaveOneOut) Model.LeaveOneOut(_userRows[row], _movieRows[row], Ratings[row], destination);
    }

    /// <summary>The feature vector of row <paramref name="row"/>.</summary>
    public float[] Features(int row)
    {
        var result = new float[FeatureNames.Count];
        FillFeatures(row, result);
        return result;
    }

    /// <summary>Materializes the rows (optionally only the first <paramref name="maxRows"/>): userId, movieId, rating, like, then one Single column per feature.</summary>
    public DataFrame ToDataFrame(int? maxRows = null)
    {
        var n = Math.Min(Count, maxRows ?? Count);
        var d = FeatureNames.Count;
        var columns = new PrimitiveColumnBuilder<float>[d];
        for (var c = 0; c < d; c++) columns[c] = new PrimitiveColumnBuilder<float>(n);
        var row = new float[d];
        for (var i = 0; i < n; i++)
        {
            FillFeatures(i, row);
            for (var c = 0; c < d; c++) columns[c].Add(row[c]);
        }

        var users = new PrimitiveColumnBuilder<int>(n);
        var movies = new PrimitiveColumnBuilder<int>(n);
        var ratings = new PrimitiveColumnBuilder<float>(n);
        var likes = new PrimitiveColumnBuilder<bool>(n);
        for (var i = 0; i < n; i++)
        {
            users.Add(UserIds[i]);
            movies.Add(MovieIds[i]);
            ratings.Add(Ratings[i]);
            likes.Add(Likes[i]);
        }

        var frame = new DataFrame(users.ToColumn(Columns.UserId), movies.ToColumn(Columns.MovieId), ratings.ToColumn(Columns.Rating), likes.ToColumn("like"));
        for (var c = 0; c < d; c++) frame.Columns.Add(columns[c].ToColumn(FeatureNames[c]));
        return frame;
    }

    /// <summary>
    /// The rows as an ML.NET <see cref="IDataView"/> with columns <c>Label</c> (Boolean), <c>Features</c> (vector of
    /// Single, slot names = <see cref="FeatureNames"/>), <c>Rating</c> (Single), <c>UserId</c> and <c>MovieId</c> (Int32).
    /// Feature vectors are composed as the cursor moves; nothing is copied up front.
    /// </summary>
    public IDataView AsDataView() => new VectorDataView(Count, FeatureNames, i => Likes[i], FillFeatures,
        [("Rating", i => Ratings[i])], [("UserId", i => UserIds[i]), ("MovieId", i => MovieIds[i])]);
}
