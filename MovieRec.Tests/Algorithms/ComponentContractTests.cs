using MovieRec.Features.Text;

namespace MovieRec.Tests.Algorithms;

/// <summary>
/// The component contract, checked once for every algorithm <see cref="AlgorithmRegistry"/> registers: it fits, scores
/// raw IDs, falls back (flagged, never thrown) for unknown ones, ranks through the DataFrame seam, and is deterministic
/// per seed. A new algorithm added to the catalog is covered without a line here.
/// </summary>
/// <remarks>The contract holds on any data, so it is checked on a small planted set (a quarter of the ratings of
/// <see cref="AlgorithmTests.Planted"/>, which the quality tests use): the composed engines fit in a fraction of the time.</remarks>
public sealed class ComponentContractTests : IClassFixture<ComponentContractTests.Small>
{
    private readonly Small _data;

    public ComponentContractTests(Small data) => _data = data;

    /// <summary>The smallest planted set on which every algorithm still has unseen movies to rank for every user.</summary>
    public sealed class Small() : AlgorithmTests.Planted(200, 300, 10_000);

    public static TheoryData<string> Names() => [.. AlgorithmRegistry.Descriptions.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_registered_algorithm_honours_the_contract(string name)
    {
        var algorithm = AlgorithmRegistry.Create(name, seed: 7, _data.Movies);
        var model = algorithm.Fit(_data.Train);
        // The model's training set holds the very ratings it was fitted on (an engine given the movie side separately
        // reports them with that side attached: the same arrays, the same indexes).
        Assert.Same(_data.Train.Ratings, model.Train.Ratings);
        Assert.Same(_data.Train.UserItems, model.Train.UserItems);
        Assert.Equal(_data.Train.ItemIds, model.Train.ItemIds);
        if (algorithm is IRatingPredictor) Assert.True(model.PredictsRatings, $"{name} is marked a rating predictor, but its model ranks only");

        // Raw IDs for a known pair: the model answers, unflagged, with a finite value.
        var user = _data.Train.UserIds[5];
        var movie = _data.Train.ItemIds[9];
        var known = model.Predict(user, movie);
        Assert.Equal(PredictionSource.Model, known.Source);
        Assert.True(double.IsFinite(known.Value), $"{name}: {known.Value}");

        // Unknown IDs: the documented fallback, flagged, never an exception.
        Assert.Equal(PredictionSource.UnknownUser, model.Predict(-999, movie).Source);
        Assert.Equal(PredictionSource.UnknownItem, model.Predict(user, -999).Source);
        Assert.Equal(PredictionSource.UnknownUserAndItem, model.Predict(-999, -998).Source);
        Assert.All(new[] { model.Predict(-999, movie), model.Predict(user, -999), model.Predict(-999, -998) }, p => Assert.True(double.IsFinite(p.Value)));

        // The batch form agrees with the ranking seam, and unseen movies only.
        var top = Scoring.Recommend(model, [user, -999], k: 10);
        Assert.Equal(10, top.Rows.Count); // the unknown user gets no rows
        Assert.Equal(Enumerable.Range(1, 10), top.ToArray<int>(Columns.Rank));
        var seen = _data.Train.ItemsOf(_data.Train.UserIndex(user)).ToArray().Select(i => _data.Train.ItemIds[i]).ToHashSet();
        Assert.DoesNotContain(top.ToArray<int>(Columns.MovieId), seen.Contains);
        var scores = top.ToArray<double>(Columns.Score);
        Assert.True(scores.Zip(scores.Skip(1)).All(p => p.First >= p.Second), $"{name}: scores not descending");
        Assert.Equal(Scoring.TopMovies(model, user, 10), top.ToArray<int>(Columns.MovieId));

        // Deterministic per seed: a second fit gives the same scores to the digit.
        var again = AlgorithmRegistry.Create(name, seed: 7, _data.Movies).Fit(_data.Train);
        var a = new float[_data.Train.ItemIds.Count];
        var b = new float[_data.Train.ItemIds.Count];
        model.ScoreDense(3, a);
        again.ScoreDense(3, b);
        Assert.Equal(a, b);
        Assert.Equal(Scoring.Predict(model, _data.Split.Test).ToArray<double>(Columns.Prediction), Scoring.Predict(again, _data.Split.Test).ToArray<double>(Columns.Prediction));
    }

    /// <summary>The learned steps besides the ranking algorithms, each through the same contract (<see cref="IFittable{TModel}"/>).</summary>
    public static TheoryData<string> Steps() => ["features", "text", "genome", "space", "selection", "recommender"];

    [Theory]
    [MemberData(nameof(Steps))]
    public void Every_learned_step_fits_a_dataset_deterministically_and_flags_what_it_does_not_know(string step)
    {
        var train = RatingDataset.From(_data.Split.Train, _data.Movies, _data.Data.Tags, GenomeMatrix.From(_data.Data.GenomeScores, _data.Data.GenomeTags));
        var features = new FeatureOptions { Text = new() { Factors = 4 }, GenomeFactors = 3, Seed = 7 };
        IFittable<object> component = step switch
        {
            "features" => new FeaturePipeline(features),
            "text" => new TextEmbedder(features.Text),
            "genome" => new GenomeEmbedder(new GenomeEmbeddingOptions { Factors = 3, Seed = 7 }),
            "space" => new MovieSpaceBuilder(features: features),
            "selection" => new ClassifierSelector(new LikeRankerOptions { Features = features, Seed = 7 }),
            _ => new RecommenderBuilder(new RecommenderOptions { Features = features, Seed = 7, Svd = new() { Factors = 4, CenterByUserMean = false } }),
        };
        var (first, second) = (component.Fit(train), component.Fit(train));
        var movies = _data.Train.ItemIds.Take(40).ToArray();
        var texts = TextEmbedding.MovieTexts(_data.Movies);
        var pipeline = new FeaturePipeline(features).Fit(train);
        switch (first, second)
        {
            case (FeatureModel a, FeatureModel b):
                // The DataFrame seam: a ratings frame in, one feature row per rating out; an unknown pair gets the
                // training-wide values, flagged by userKnown = 0.
                var frame = _data.Split.Test.Head(50);
                Assert.Equal(FeatureTable.From(a.Transform(frame)).Values, FeatureTable.From(b.Transform(frame)).Values);
                Assert.Equal(50, a.Transform(frame).ToDataFrame().Rows.Count);
                var unknown = a.Transform(new DataFrame(new Int32DataFrameColumn(Columns.UserId, [-999]), new Int32DataFrameColumn(Columns.MovieId, [-998]), new DoubleDataFrameColumn(Columns.Rating, [3.0])));
                Assert.Equal(0f, unknown.Features(0)[a.FeatureNames.ToList().IndexOf("userKnown")]);
                break;
            case (TextEmbeddingModel a, TextEmbeddingModel b):
                Assert.Equal(a.Transform(texts, out _), b.Transform(texts, out _));
                Assert.Equal(pipeline.Text!.Transform(texts, out _), a.Transform(texts, out _)); // as the pipeline fits it
                var none = a.Transform(["zzzq wwwx"], out var has); // no known term: flagged, zeros
                Assert.Equal([false], has);
                Assert.All(none, v => Assert.Equal(0f, v));
                Assert.Equal(4, a.ExplainedVariance().Rows.Count);
                break;
            case (GenomeEmbedding a, GenomeEmbedding b):
                var (va, vb, vp) = (new float[3], new float[3], new float[3]);
                foreach (var movie in movies)
                {
                    Assert.Equal(a.Embed(movie, va), b.Embed(movie, vb));
                    pipeline.Genome!.Embed(movie, vp);
                    Assert.Equal(va, vb);
                    Assert.Equal(vp, va); // as the pipeline fits it
                }

                Assert.False(a.Embed(-999, va)); // a movie outside the genome: flagged, zeros
                Assert.All(va, v => Assert.Equal(0f, v));
                break;
            case (MovieEmbeddingSpace a, MovieEmbeddingSpace b):
                Assert.Equal(a.Vectors, b.Vectors);
                Assert.Equal(a.MostSimilar(movies[0], 5), b.MostSimilar(movies[0], 5));
                Assert.Equal(-1, a.RowOf(-999));
                Assert.Empty(a.MostSimilar(-999, 5)); // an unknown movie has no neighbours, never an exception
                break;
            case (ClassifierSelection a, ClassifierSelection b):
                Assert.Equal(a.Scores, b.Scores);
                Assert.Equal(a.Chosen, b.Chosen);
                Assert.Equal(RecommenderOptions.DefaultClassifiers.Select(c => c.Name), a.Scores.Select(c => c.Candidate));
                Assert.Equal(a.Scores.Select(c => c.Candidate), a.ToDataFrame().Columns[0].Cast<string>()); // the DataFrame view
                break;
            case (MovieRecommender a, MovieRecommender b):
                foreach (var user in _data.Train.UserIds.Take(5))
                {
                    Assert.Equal(a.Recommend(user, RecommenderEngine.Hybrid, 10), b.Recommend(user, RecommenderEngine.Hybrid, 10));
                }

                Assert.Equal(a.HybridSelection, b.HybridSelection);
                var list = a.Recommend(_data.Train.UserIds[0], RecommenderEngine.Hybrid, 10);
                Assert.Equal(list.Select(r => r.MovieId), Recommendation.ToDataFrame(list).ToArray<int>(Columns.MovieId)); // the DataFrame view
                Assert.Equal(PredictionSource.UnknownUser, a.Hybrid.Predict(-999, movies[0]).Source);
                Assert.StartsWith("cold start", a.Recommend(-999, RecommenderEngine.Hybrid, 3)[0].Reason, StringComparison.Ordinal);
                break;
            default:
                Assert.Fail($"{step}: an unexpected model {first.GetType().Name}");
                break;
        }
    }

    [Fact]
    public void The_dataframe_seam_round_trips_into_the_metrics_and_agrees_with_the_evaluator()
    {
        var algorithm = new BiasedMF(new BiasedMFOptions { Factors = 8, Epochs = 10, Seed = 3 });
        BiasedMFModel model = algorithm.Fit(RatingDataset.From(_data.Split.Train)); // typed: no cast

        var predictions = Scoring.Predict(model, _data.Split.Test);
        Assert.Equal([Columns.UserId, Columns.MovieId, Columns.Prediction, Columns.Fallback], predictions.Columns.Select(c => c.Name));
        Assert.Equal(_data.Split.Test.Rows.Count, predictions.Rows.Count);
        Assert.Equal(_data.Split.Test.ToArray<int>(Columns.MovieId), predictions.ToArray<int>(Columns.MovieId));

        var users = _data.Split.Test.ToArray<int>(Columns.UserId).Distinct().Order().ToArray();
        var top = Scoring.Recommend(model, users, k: 5);
        Assert.Equal([Columns.UserId, Columns.MovieId, Columns.Rank, Columns.Score], top.Columns.Select(c => c.Name));
        var ranking = RankingMetrics.Evaluate(_data.Split.Test, top, k: 5, catalogSize: model.Train.ItemIds.Count, train: _data.Split.Train);

        var result = Evaluator.Evaluate(algorithm, _data.Split, new EvaluationOptions { K = 5 });
        Assert.Equal(result.Rmse, RatingMetrics.Rmse(_data.Split.Test, predictions), 12);
        Assert.Equal(result.Mae, RatingMetrics.Mae(_data.Split.Test, predictions), 12);
        Assert.Equal(result.Ranking!.Ndcg, ranking.Ndcg, 12);
        Assert.Equal(result.Ranking.Novelty, ranking.Novelty, 12);
        Assert.Equal(result.Ranking.Coverage, ranking.Coverage, 12);

        // Column names are arguments: renamed frames give the same numbers.
        var renamed = new DataFrame(
            new Int32DataFrameColumn("u", _data.Split.Test.ToArray<int>(Columns.UserId)),
            new Int32DataFrameColumn("i", _data.Split.Test.ToArray<int>(Columns.MovieId)),
            new DoubleDataFrameColumn("r", _data.Split.Test.ToArray<double>(Columns.Rating)));
        var renamedPredictions = Scoring.Predict(model, renamed, "u", "i");
        Assert.Equal(result.Rmse, RatingMetrics.Rmse(renamed, renamedPredictions, "u", "i", "r", Columns.Prediction), 12);
    }

    [Fact]
    public void The_dataset_indexes_ratings_by_user_and_by_movie_consistently()
    {
        var train = _data.Train;
        Assert.Equal(train.Count, train.ItemUsers.Length);
        for (var i = 0; i < train.ItemIds.Count; i++)
        {
            var users = train.UsersOf(i).ToArray();
            Assert.Equal(train.ItemCounts[i], users.Length);
            Assert.Equal(users.Order(), users);
            for (var q = train.ItemStart[i]; q < train.ItemStart[i + 1]; q++)
            {
                var p = train.ItemPositions[q];
                Assert.Equal(i, train.UserItems[p]);
                Assert.Equal(train.UserRatings[p], train.ItemRatings[q]);
                Assert.InRange(p, train.UserStart[train.ItemUsers[q]], train.UserStart[train.ItemUsers[q] + 1] - 1);
            }
        }
    }

    [Fact]
    public void A_movies_statistics_are_its_ratings_count_and_mean_from_the_ratings_frame()
    {
        var train = _data.Train;
        var frame = train.ToDataFrame();
        var byMovie = frame.ToArray<int>(Columns.MovieId).Zip(frame.ToArray<double>(Columns.Rating)).GroupBy(p => p.First).ToDictionary(g => g.Key, g => g.Select(p => p.Second).ToList());
        foreach (var movieId in train.ItemIds.Take(200))
        {
            var (count, mean) = train.MovieStatistics(movieId);
            Assert.Equal(byMovie[movieId].Count, count);
            Assert.Equal(byMovie[movieId].Average(), mean!.Value, 9);
        }

        Assert.Equal((0, (double?)null), train.MovieStatistics(-5)); // unknown: no ratings, no mean
    }
}
