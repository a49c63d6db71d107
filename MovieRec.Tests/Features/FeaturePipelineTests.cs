using Microsoft.ML;
using Microsoft.ML.Data;

namespace MovieRec.Tests.Features;

/// <summary>Every user, movie and pair feature against a fixture computed by hand (values in the comments).</summary>
public sealed class FeaturePipelineTests
{
    private const long T0 = 1_000_000_000;
    private const long Day = 86_400;

    // Movies: 1 Comedy|Drama 1995, 2 Drama 2005, 3 Action 2010, 4 Comedy 1980 (never rated in training).
    private static DataFrame Movies() => new(
        new Int32DataFrameColumn(Columns.MovieId, new[] { 1, 2, 3, 4 }),
        new StringDataFrameColumn(Columns.Title, new[] { "A (1995)", "B (2005)", "C (2010)", "D (1980)" }),
        new StringDataFrameColumn(Columns.Genres, new[] { "Comedy|Drama", "Drama", "Action", "Comedy" }),
        new Int32DataFrameColumn(Columns.ReleaseYear, new[] { 1995, 2005, 2010, 1980 }));

    // u1: m1 5.0, m2 4.0, m3 2.0; u2: m1 3.0, m2 2.0 (day 400); u3: m3 4.5 (day 500).
    private static DataFrame Train() => Ratings([1, 1, 1, 2, 2, 3], [1, 2, 3, 1, 2, 3], [5, 4, 2, 3, 2, 4.5], [T0, T0 + Day, T0 + (2 * Day), T0, T0 + (400 * Day), T0 + (500 * Day)]);

    private static DataFrame Ratings(int[] u, int[] m, double[] r, long[] t) => new(
        new Int32DataFrameColumn(Columns.UserId, u), new Int32DataFrameColumn(Columns.MovieId, m),
        new DoubleDataFrameColumn(Columns.Rating, r), new Int64DataFrameColumn(Columns.Timestamp, t));

    private static readonly FeatureOptions NumericOnly = new() { Text = null, GenomeFactors = 0, TrendingMinRatings = 1 };

    [Fact]
    public void Options_saved_before_the_factors_rename_read_with_the_same_sizes()
    {
        // Bundles and saved models store the options as JSON under the names they had when written: the text and genome
        // sizes were Components and GenomeComponents before they became Factors and GenomeFactors.
        var options = new FeatureOptions { Text = new() { Factors = 7 }, GenomeFactors = 5 };
        var json = System.Text.Json.JsonSerializer.Serialize(options, FeatureJson.Default.FeatureOptions);
        Assert.Contains("\"GenomeComponents\":5", json, StringComparison.Ordinal);
        Assert.Contains("\"Components\":7", json, StringComparison.Ordinal);
        var read = System.Text.Json.JsonSerializer.Deserialize("{\"GenomeComponents\":5,\"Text\":{\"Components\":7}}", FeatureJson.Default.FeatureOptions)!;
        Assert.Equal((7, 5), (read.Text!.Factors, read.GenomeFactors));
    }

    [Fact]
    public void User_features_match_the_hand_computed_fixture()
    {
        var users = new FeaturePipeline(NumericOnly).Fit(RatingDataset.From(Train(), Movies())).UserFeatures();
        float F(int row, string column) => (float)users[column][row]!;

        Assert.Equal([1, 2, 3], users.ToArray<int>(Columns.UserId));
        // u1: mean 11/3, sample std sqrt(14/3 / 2), like 2/3, modern (m2, m3) 2/3, strictness ((4-5)+(3-4)+(3.25-2))/3 = -0.25
        Assert.Equal(11f / 3, F(0, "userMean"), 5);
        Assert.Equal(Math.Sqrt(7.0 / 3), F(0, "userStd"), 1e-6);
        Assert.Equal(3f, F(0, "userCount"));
        Assert.Equal(2f / 3, F(0, "userLikeRatio"), 5);
        Assert.Equal(2f / 3, F(0, "userModernShare"), 5);
        Assert.Equal(-0.25f, F(0, "userStrictness"), 5);
        // u2: mean 2.5, std 0.707107, no likes, modern 1/2, strictness ((4-3)+(3-2))/2 = 1
        Assert.Equal(Math.Sqrt(0.5), F(1, "userStd"), 1e-6);
        Assert.Equal(0f, F(1, "userLikeRatio"));
        Assert.Equal(0.5f, F(1, "userModernShare"));
        Assert.Equal(1f, F(1, "userStrictness"), 5);
        // u3: one rating: std 0, strictness 3.25 - 4.5
        Assert.Equal(0f, F(2, "userStd"));
        Assert.Equal(-1.25f, F(2, "userStrictness"), 5);
        // Affinity Σ(r - mean)/(n + 5): u1 Action -5/3/6, Comedy (4/3)/6, Drama (4/3 + 1/3)/7
        Assert.Equal(-0.277778f, F(0, "affinityAction"), 5);
        Assert.Equal(0.222222f, F(0, "affinityComedy"), 5);
        Assert.Equal(0.238095f, F(0, "affinityDrama"), 5);
        // Favourite: most liked genre (u1 Drama: 2 likes), else most rated (u2 Drama), u3 Action.
        Assert.Equal(["Drama", "Drama", "Action"], users.ToStringArray("favoriteGenre"));
    }

    [Fact]
    public void Movie_features_match_the_hand_computed_fixture()
    {
        var movies = new FeaturePipeline(NumericOnly).Fit(RatingDataset.From(Train(), Movies())).MovieFeatures();
        float F(int row, string column) => (float)movies[column][row]!;
        const float mu = 20.5f / 6;

        // m1: ratings 5, 3 -> mean 4, Bayes (10 mu + 8) / 12, log(1 + 2), like 1/2, age 2003 - 1995 (last rating is in 2003)
        Assert.Equal(4f, F(0, "movieMean"), 5);
        Assert.Equal(((10 * mu) + 8) / 12, F(0, "movieBayesMean"), 5);
        Assert.Equal(2f, F(0, "movieCount"));
        Assert.Equal((float)Math.Log(3), F(0, "movieLogPopularity"), 5);
        Assert.Equal(0.5f, F(0, "movieLikeRatio"));
        Assert.Equal(1995f, F(0, "movieYear"));
        Assert.Equal(8f, F(0, "movieAge"));
        // Recent window: day 135..500; m2 and m3 each have 1 of the 2 recent ratings: lift (1/2)/(2/6) = 1.5 -> trending.
        Assert.Equal(0f, F(0, "movieTrending"));
        Assert.Equal(1f, F(1, "movieTrending"));
        Assert.Equal(0.5f, F(1, "movieRecentShare"));
        Assert.Equal(1f, F(2, "movieTrending"));
        // m4 never rated: global mean, global like ratio, count 0, Bayes = mu.
        Assert.Equal(mu, F(3, "movieMean"), 5);
        Assert.Equal(mu, F(3, "movieBayesMean"), 5);
        Assert.Equal(0f, F(3, "movieCount"));
        Assert.Equal(0.5f, F(3, "movieLikeRatio"));
        Assert.Equal(23f, F(3, "movieAge"));
    }

    [Fact]
    public void Interaction_rows_join_user_pair_and_movie_blocks_and_fall_back_for_unknown_ids()
    {
        var model = new FeaturePipeline(NumericOnly).Fit(RatingDataset.From(Train(), Movies()));
        var data = model.Transform(Ratings([1, 1, 99], [1, 3, 4], [4.0, 3.5, 1.0], [0, 0, 0]));
        Assert.Equal(7 + 2 + 9, data.FeatureNames.Count);
        Assert.Equal([true, false, false], data.Likes);

        var r0 = data.Features(0);
        Assert.Equal(11f / 3, r0[0], 5);                          // userMean of u1
        Assert.Equal(1f, r0[Index(data, "favGenreMatch")]);      // Drama is in Comedy|Drama
        Assert.Equal((0.222222f + 0.238095f) / 2, r0[Index(data, "genreAffinity")], 5);
        Assert.Equal(4f, r0[Index(data, "movieMean")], 5);

        var r1 = data.Features(1);
        Assert.Equal(0f, r1[Index(data, "favGenreMatch")]);
        Assert.Equal(-0.277778f, r1[Index(data, "genreAffinity")], 5);

        var unknown = data.Features(2);                             // user 99 was never seen
        Assert.Equal(20.5f / 6, unknown[0], 5);
        Assert.Equal(1.281275f, unknown[Index(data, "userStd")], 5);
        Assert.Equal(0f, unknown[Index(data, "userCount")]);
        Assert.Equal(0f, unknown[Index(data, "userKnown")]);
        Assert.Equal(0f, unknown[Index(data, "genreAffinity")]);

        var frame = data.ToDataFrame();
        Assert.Equal(3, frame.Rows.Count);
        Assert.IsType<SingleDataFrameColumn>(frame["movieMean"]);
        Assert.Equal(r1[Index(data, "genreAffinity")], (float)frame["genreAffinity"][1]!);
    }

    [Fact]
    public void Data_view_streams_the_same_rows_with_slot_names()
    {
        var data = new FeaturePipeline(NumericOnly).Fit(RatingDataset.From(Train(), Movies())).Transform(Train());
        var view = data.AsDataView();
        Assert.Equal(6, view.GetRowCount());
        VBuffer<ReadOnlyMemory<char>> slots = default;
        view.Schema["Features"].GetSlotNames(ref slots);
        Assert.Equal(data.FeatureNames, slots.DenseValues().Select(s => s.ToString()));

        using var cursor = view.GetRowCursor(view.Schema);
        var features = cursor.GetGetter<VBuffer<float>>(view.Schema["Features"]);
        var label = cursor.GetGetter<bool>(view.Schema["Label"]);
        var row = 0;
        VBuffer<float> vector = default;
        var like = false;
        while (cursor.MoveNext())
        {
            features(ref vector);
            label(ref like);
            Assert.Equal(data.Features(row), vector.DenseValues());
            Assert.Equal(data.Likes[row], like);
            row++;
        }

        Assert.Equal(6, row);
        var ml = new MLContext(seed: 1);
        var fitted = ml.BinaryClassification.Trainers.LbfgsLogisticRegression().Fit(view); // a real trainer consumes it
        Assert.NotNull(fitted.Model);
    }

    private static int Index(InteractionDataset data, string name) => data.FeatureNames.ToList().IndexOf(name);
}
