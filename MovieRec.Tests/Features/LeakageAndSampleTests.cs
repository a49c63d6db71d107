namespace MovieRec.Tests.Features;

/// <summary>No leakage, determinism and planted structure, on the committed sample with text and genome.</summary>
public sealed class LeakageAndSampleTests : IClassFixture<LeakageAndSampleTests.Sample>
{
    private readonly Sample _sample;

    public LeakageAndSampleTests(Sample sample) => _sample = sample;

    /// <summary>data/sample cleaned and split 80/20 by row (every fifth rating is test).</summary>
    public sealed class Sample
    {
        public Sample()
        {
            Dataset = MovieLensLoader.Load(TestPaths.Sample);
            Clean = DataCleaning.Clean(Dataset);
            var n = (int)Clean.Ratings.Rows.Count;
            Train = Rows(Clean.Ratings, i => i % 5 != 0);
            Test = Rows(Clean.Ratings, i => i % 5 == 0);
            Model = Fit(Train);
        }

        public MovieLensDataset Dataset { get; }

        public CleanResult Clean { get; }

        public DataFrame Train { get; }

        public DataFrame Test { get; }

        public FeatureModel Model { get; }

        public FeatureModel Fit(DataFrame train) => new FeaturePipeline().Fit(RatingDataset.From(train, Clean.Movies, Dataset.Tags, Dataset.Genome));

        public static DataFrame Rows(DataFrame frame, Func<int, bool> keep)
        {
            var mask = new BooleanDataFrameColumn("keep", Enumerable.Range(0, (int)frame.Rows.Count).Select(keep));
            return frame.Filter(mask);
        }
    }

    [Fact]
    public void Changing_or_removing_test_ratings_leaves_every_feature_of_every_row_unchanged()
    {
        var before = All(_sample.Model.Transform(_sample.Test));
        var trainBefore = All(_sample.Model.Transform(_sample.Train));

        // Flip the first test rating across the like threshold and drop the second test rating, then refit on the same training split.
        var test = _sample.Test.Clone();
        var ratings = (DoubleDataFrameColumn)test[Columns.Rating];
        ratings[0] = ratings[0] >= 4 ? 0.5 : 5.0;
        test = Sample.Rows(test, i => i != 1);
        var model = _sample.Fit(_sample.Train);
        var after = All(model.Transform(test));
        var trainAfter = All(model.Transform(_sample.Train));

        Assert.Equal(before.Count - 1, after.Count);
        Assert.Equal(before[0], after[0]);
        for (var i = 2; i < before.Count; i++) Assert.Equal(before[i], after[i - 1]);
        Assert.Equal(trainBefore.Count, trainAfter.Count);
        for (var i = 0; i < trainBefore.Count; i++) Assert.Equal(trainBefore[i], trainAfter[i]);
        Assert.NotEqual(model.Transform(test).Likes[0], _sample.Model.Transform(_sample.Test).Likes[0]); // only the label moved
    }

    [Fact]
    public void Changing_a_training_rating_does_change_features()
    {
        // The other side of the leakage test: the features do depend on the training split.
        var train = _sample.Train.Clone();
        var ratings = (DoubleDataFrameColumn)train[Columns.Rating];
        ratings[0] = ratings[0] >= 4 ? 0.5 : 5.0;
        var changed = _sample.Fit(train).Transform(_sample.Test);
        var original = _sample.Model.Transform(_sample.Test);
        var user = train.ToArray<int>(Columns.UserId)[0];
        var row = Enumerable.Range(0, original.Count).First(i => original.UserIds[i] == user);
        Assert.NotEqual(original.Features(row), changed.Features(row));
    }

    [Fact]
    public void Same_seed_gives_identical_features_to_the_digit()
    {
        var again = _sample.Fit(_sample.Train).Transform(_sample.Test);
        var first = _sample.Model.Transform(_sample.Test);
        for (var i = 0; i < first.Count; i += 97) Assert.Equal(first.Features(i), again.Features(i));
        Assert.Equal(_sample.Model.Text!.SingularValues, _sample.Fit(_sample.Train).Text!.SingularValues);
    }

    [Fact]
    public void Sample_features_have_the_documented_shape()
    {
        var model = _sample.Model;
        Assert.Equal(100, model.Text!.Factors);
        Assert.Equal(32, model.Genome!.Factors);
        Assert.Equal(7 + 2 + 9 + 1 + 100 + 1 + 32, model.FeatureNames.Count);
        var movies = model.MovieFeatures();
        var hasText = movies.ToArray<float>("hasText");
        Assert.Equal(3_000, hasText.Length);
        Assert.True(hasText.All(h => h == 1f), "every sample movie has genres, so every one has text");
        Assert.Equal(800, movies.ToArray<float>("hasGenome").Count(h => h == 1f));
        var ratio = model.Text.ExplainedVarianceRatio;
        Assert.InRange(ratio.Sum(), 0.2, 1.0);
    }

    [Fact]
    public void Movies_sharing_a_planted_theme_are_nearer_in_text_space_than_random_pairs()
    {
        var truth = SyntheticDataGenerator.Generate().Truth;
        var textOnly = MovieEmbeddingSpace.Build(
            new FeaturePipeline(new FeatureOptions { Text = new() { IncludeGenres = false }, GenomeFactors = 0 }).Fit(RatingDataset.From(_sample.Train, _sample.Clean.Movies)),
            new MovieSpaceOptions { NumericWeight = 0, GenreWeight = 0, GenomeWeight = 0 });
        var k = truth.Factors;
        var theme = Enumerable.Range(0, truth.MovieIds.Count)
            .Select(i => Enumerable.Range(0, k).MaxBy(f => truth.MovieFactors[(i * k) + f])).ToArray();
        var overview = _sample.Clean.Movies.ToStringArray(Columns.Overview);
        var withText = Enumerable.Range(0, overview.Length).Where(i => overview[i].Length > 0).ToArray();

        var rng = new Random(5);
        double same = 0, random = 0;
        int nSame = 0, nRandom = 0;
        while (nSame < 2_000 || nRandom < 2_000)
        {
            int a = withText[rng.Next(withText.Length)], b = withText[rng.Next(withText.Length)];
            if (a == b) continue;
            var s = textOnly.Similarity(truth.MovieIds[a], truth.MovieIds[b]);
            if (theme[a] == theme[b] && nSame < 2_000)
            {
                same += s;
                nSame++;
            }
            else if (nRandom < 2_000)
            {
                random += s;
                nRandom++;
            }
        }

        // 2,000 pairs each: the standard error of each mean is ~0.003, so a 0.02 margin is ~6 standard errors.
        Assert.True(same / nSame > (random / nRandom) + 0.02, $"same theme {same / nSame:F3}, random {random / nRandom:F3}");
    }

    [Fact]
    public void Similarity_space_is_unit_norm_and_movies_without_overview_are_not_all_identical()
    {
        var space = MovieEmbeddingSpace.Build(_sample.Model);
        var ids = _sample.Clean.Movies.ToArray<int>(Columns.MovieId);
        var overview = _sample.Clean.Movies.ToStringArray(Columns.Overview);
        Assert.Equal(1.0, space.Similarity(ids[0], ids[0]), 5);
        var bare = Enumerable.Range(0, ids.Length).Where(i => overview[i].Length == 0).Take(40).Select(i => ids[i]).ToArray();
        Assert.True(bare.Length > 10);
        var pairs = bare.SelectMany(a => bare.Where(b => b > a).Select(b => space.Similarity(a, b))).ToArray();
        Assert.True(pairs.Count(s => s > 0.999) < pairs.Length / 10, $"{pairs.Count(s => s > 0.999)} of {pairs.Length} overview-less pairs look identical");
        var top = space.MostSimilar(ids[0], 5);
        Assert.Equal(5, top.Count);
        Assert.DoesNotContain(top, t => t.MovieId == ids[0]);
        Assert.True(top[0].Similarity >= top[4].Similarity);
    }

    private static List<float[]> All(InteractionDataset data) => [.. Enumerable.Range(0, data.Count).Select(data.Features)];

    [Fact]
    public void One_seed_reaches_the_text_and_genome_embeddings_and_the_recommenders_seed_reaches_its_features()
    {
        var options = new FeatureOptions { Text = new() { Factors = 8 }, GenomeFactors = 8 };
        var seeded = options.WithSeed(7);
        Assert.Equal((7, 7), (seeded.Seed, seeded.Text!.Seed));
        Assert.Null(new FeatureOptions { Text = null }.WithSeed(7).Text);

        DataFrame Fit(FeatureOptions o) => new FeaturePipeline(o).Fit(RatingDataset.From(_sample.Train, _sample.Clean.Movies, _sample.Dataset.Tags, _sample.Dataset.Genome)).MovieFeatures();
        var (a, b, again) = (Fit(options), Fit(seeded), Fit(options.WithSeed(42)));
        foreach (var column in new[] { "text0", "genome0" })
        {
            Assert.Equal(a.ToArray<float>(column), again.ToArray<float>(column)); // the default seed is 42
            Assert.NotEqual(a.ToArray<float>(column), b.ToArray<float>(column)); // another seed, another random projection
        }

        var recommender = new MovieRec.Recommendations.RecommenderOptions { Seed = 7 };
        Assert.Equal((7, 7, 7), (recommender.SeededLike.Seed, recommender.SeededLike.Features.Seed, recommender.SeededLike.Features.Text!.Seed));
        Assert.Equal(7, recommender.Content.Features.Seed);
        Assert.Equal(7, recommender.SeededFeatures.Text!.Seed);
    }
}
