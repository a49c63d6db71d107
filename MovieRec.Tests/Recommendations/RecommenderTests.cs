namespace MovieRec.Tests.Recommendations;

/// <summary>
/// A fixed world with a known right answer: 30 action movies and 30 romances; 40 users love one kind (5 stars) and
/// dislike the other (1–2 stars). User 1 loves action and has not seen action movies 25–30.
/// </summary>
public sealed class RecommenderTests : IClassFixture<RecommenderTests.World>
{
    private readonly World _world;

    public RecommenderTests(World world) => _world = world;

    public sealed class World
    {
        public World()
        {
            var ids = Enumerable.Range(1, 60).ToArray();
            Movies = new DataFrame(
                new Int32DataFrameColumn(Columns.MovieId, ids),
                new StringDataFrameColumn(Columns.Title, ids.Select(i => i <= 30 ? $"Explosion {i} (2001)" : $"Love Letter {i} (1999)")),
                new StringDataFrameColumn(Columns.Genres, ids.Select(i => i <= 30 ? "Action|Thriller" : "Romance|Drama")),
                new Int32DataFrameColumn(Columns.ReleaseYear, ids.Select(i => i <= 30 ? 2001 : 1999)),
                new StringDataFrameColumn(Columns.Overview, ids.Select(i => i <= 30 ? "A commando fights through explosions and a car chase to stop the bomb." : "Two lovers exchange letters and fall in love one summer.")));
            var rng = new Random(3);
            var users = new List<int>();
            var movies = new List<int>();
            var ratings = new List<double>();
            var times = new List<long>();
            for (var u = 1; u <= 40; u++)
            {
                var action = u % 2 == 1;
                foreach (var m in ids)
                {
                    if (u == 1 && m is >= 25 and <= 30) continue;     // user 1's unseen action movies
                    if (rng.NextDouble() < 0.35 && u != 1) continue;  // sparsity
                    var liked = (m <= 30) == action;
                    users.Add(u);
                    movies.Add(m);
                    ratings.Add(liked ? (rng.NextDouble() < 0.8 ? 5.0 : 4.5) : (rng.NextDouble() < 0.5 ? 1.0 : 2.0));
                    times.Add(1_000_000_000L + (u * 1000) + m);
                }
            }

            Ratings = new DataFrame(new Int32DataFrameColumn(Columns.UserId, users), new Int32DataFrameColumn(Columns.MovieId, movies),
                new DoubleDataFrameColumn(Columns.Rating, ratings), new Int64DataFrameColumn(Columns.Timestamp, times));
            Options = new RecommenderOptions { Features = new FeatureOptions { Text = new() { Factors = 4 }, GenomeFactors = 0 }, Svd = new() { CenterByUserMean = false, Factors = 4 } };
            Recommender = MovieRecommender.Build(RatingDataset.From(Ratings, Movies), Options);
        }

        public DataFrame Movies { get; }

        public DataFrame Ratings { get; }

        public RecommenderOptions Options { get; }

        public MovieRecommender Recommender { get; }
    }

    [Theory]
    [InlineData(RecommenderEngine.Svd)]
    [InlineData(RecommenderEngine.Ml)]
    [InlineData(RecommenderEngine.Content)]
    [InlineData(RecommenderEngine.Hybrid)]
    public void Each_engine_recommends_the_unseen_movies_of_the_loved_kind(RecommenderEngine engine)
    {
        var recs = _world.Recommender.Recommend(1, engine, 6);
        Assert.Equal(6, recs.Count);
        Assert.All(recs, r => Assert.InRange(r.MovieId, 25, 30));
        Assert.Equal([1, 2, 3, 4, 5, 6], recs.Select(r => r.Rank));
        Assert.True(recs.Zip(recs.Skip(1)).All(p => p.First.Score >= p.Second.Score), "best first");
    }

    [Theory]
    [InlineData(RecommenderEngine.Svd)]
    [InlineData(RecommenderEngine.Ml)]
    [InlineData(RecommenderEngine.Content)]
    [InlineData(RecommenderEngine.Hybrid)]
    public void Each_engine_honours_the_scorer_contract_and_ranks_as_the_recommender_does(RecommenderEngine engine)
    {
        var recommender = _world.Recommender;
        var scorer = recommender.AsScorer(engine);
        Assert.Same(recommender.Ratings, scorer.Train);
        Assert.False(scorer.PredictsRatings);
        Assert.Equal(PredictionSource.Model, scorer.Predict(1, 27).Source);
        Assert.Equal(PredictionSource.UnknownUser, scorer.Predict(-5, 27).Source);
        Assert.Equal(PredictionSource.UnknownItem, scorer.Predict(1, -5).Source);

        // Same order as Recommend: the scorer ranks the training movies, Recommend the catalog.
        var expected = recommender.Recommend(1, engine, 20).Select(r => r.MovieId).Where(m => recommender.Ratings.ItemIndex(m) >= 0).Take(6);
        Assert.Equal(expected, Scoring.TopMovies(scorer, 1, 6));

        // And the Evaluator measures it like any algorithm: held-out likes of user 1 are the unseen action movies.
        var truth = new DataFrame(new Int32DataFrameColumn(Columns.UserId, Enumerable.Repeat(1, 6)), new Int32DataFrameColumn(Columns.MovieId, Enumerable.Range(25, 6)),
            new DoubleDataFrameColumn(Columns.Rating, Enumerable.Repeat(5.0, 6)));
        var result = Evaluator.Evaluate(scorer, truth, new EvaluationOptions { K = 6 });
        Assert.Equal(1.0, result.Ranking!.Precision, 12);
    }

    [Fact]
    public void Each_component_fitted_alone_scores_exactly_as_the_recommender_engine_it_is()
    {
        var recommender = _world.Recommender;
        var data = recommender.Ratings;
        var options = _world.Options;
        IDenseScorer[] alone =
        [
            new ContentRanker(new ContentRankerOptions { Features = options.Features, Space = options.Space }).Fit(data),
            new LikeRanker(new LikeRankerOptions { Features = options.Features, Classifiers = options.Like.Classifiers, Seed = options.Seed }).Fit(data),
            new HybridRanker(options).Fit(data),
        ];
        RecommenderEngine[] engines = [RecommenderEngine.Content, RecommenderEngine.Ml, RecommenderEngine.Hybrid];
        for (var e = 0; e < engines.Length; e++)
        {
            Assert.Same(data, alone[e].Train);
            foreach (var user in new[] { 0, 7, data.UserIds.Count - 1 })
            {
                float[] expected = new float[data.ItemIds.Count], actual = new float[data.ItemIds.Count];
                recommender.AsScorer(engines[e]).ScoreDense(user, expected);
                alone[e].ScoreDense(user, actual);
                Assert.Equal(expected, actual);
            }
        }

        // Without the movie side, a component says what it needs.
        var bare = RatingDataset.From(_world.Ratings);
        Assert.Contains("needs the movies table", Assert.Throws<ArgumentException>(() => new ContentRanker().Fit(bare)).Message);
        Assert.Contains("needs the movies table", Assert.Throws<ArgumentException>(() => new FeaturePipeline().Fit(bare)).Message);
    }

    [Fact]
    public void The_classifier_is_chosen_by_validation_and_reported_and_kept_by_the_bundle()
    {
        var selection = _world.Recommender.ClassifierSelection;
        Assert.Equal(_world.Options.Like.Classifiers.Select(c => c.Name), selection.Scores.Select(s => s.Candidate));
        Assert.All(selection.Scores, s => Assert.InRange(s.ValidationAuc, 0.5, 1.0));
        Assert.Equal(selection.Scores.MaxBy(s => s.ValidationAuc)!.Candidate, selection.Chosen.Name);
        Assert.Equal(selection.Chosen.Kind, _world.Recommender.Classifier.Kind);
        Assert.Equal(selection.Chosen.Name, _world.Recommender.Info.Classifier);
        Assert.Equal([true], selection.ToDataFrame().ToArray<bool>("chosen").Where(c => c).Distinct());

        using var temp = new Support.TempFolder();
        _world.Recommender.Save(temp.File("m.movierec"));
        var loaded = MovieRecommender.Load(temp.File("m.movierec"));
        Assert.Equal(selection.Scores, loaded.ClassifierSelection.Scores);
        Assert.Equal(selection.Chosen, loaded.ClassifierSelection.Chosen);
        Assert.Equal(_world.Recommender.HybridSelection, loaded.HybridSelection);

        var single = MovieRecommender.Build(RatingDataset.From(_world.Ratings, _world.Movies), _world.Options with { Like = _world.Options.Like with { Classifiers = [ClassifierCandidate.LightGbmRegularized] } });
        Assert.Equal(ClassifierCandidate.LightGbmRegularized, single.ClassifierSelection.Chosen);
        Assert.True(double.IsNaN(single.ClassifierSelection.Scores.Single().ValidationAuc), "one candidate: nothing to validate");
    }

    [Fact]
    public void The_ml_score_is_the_like_probability_times_the_popularity_prior()
    {
        var plain = MovieRecommender.Build(RatingDataset.From(_world.Ratings, _world.Movies), _world.Options with { Like = _world.Options.Like with { PopularityPrior = 0 } });
        var probabilities = plain.Recommend(1, RecommenderEngine.Ml, 60).ToDictionary(r => r.MovieId, r => r.Score);
        double users = _world.Recommender.Ratings.UserIds.Count;
        foreach (var r in _world.Recommender.Recommend(1, RecommenderEngine.Ml, 60))
        {
            var n = _world.Recommender.Ratings.ItemCounts[_world.Recommender.Ratings.ItemIndex(r.MovieId)];
            Assert.Equal(probabilities[r.MovieId] * ((n + 1) / users), r.Score, 1e-6);
        }
    }

    [Fact]
    public void Explanations_name_a_movie_the_user_actually_liked()
    {
        var liked = _world.Ratings.ToArray<int>(Columns.UserId).Zip(_world.Ratings.ToArray<int>(Columns.MovieId), _world.Ratings.ToArray<double>(Columns.Rating))
            .Where(t => t.First == 1 && t.Third >= 4).Select(t => $"because you liked Explosion {t.Second} (2001)").ToHashSet();
        Assert.All(_world.Recommender.Recommend(1, RecommenderEngine.Svd, 5), r => Assert.Contains(r.Reason, liked));
    }

    [Fact]
    public void Unknown_users_get_labelled_popularity_within_genre_and_new_users_get_fold_in()
    {
        var cold = _world.Recommender.Recommend(999, RecommenderEngine.Ml, 5, new RecommendationFilter { Genres = ["Romance"] });
        Assert.Equal(5, cold.Count);
        Assert.All(cold, r => Assert.StartsWith("cold start: popular in Romance", r.Reason));
        Assert.All(cold, r => Assert.Contains("Romance", r.Genres));

        var newUser = _world.Recommender.RecommendForNewUser([(31, 5.0), (32, 5.0), (33, 4.5), (1, 1.0)], 5);
        Assert.All(newUser, r => Assert.InRange(r.MovieId, 34, 60));   // unseen romances, nothing already rated
        Assert.All(newUser, r => Assert.StartsWith("because you liked Love Letter", r.Reason));
    }

    [Fact]
    public void Similar_movies_by_forgiving_title_and_clear_errors_for_unknown_ones()
    {
        var similar = _world.Recommender.Similar("explosion 3", 5);
        Assert.All(similar, r => Assert.Contains("Action", r.Genres));
        Assert.DoesNotContain(similar, r => r.MovieId == 3);
        Assert.Equal(_world.Recommender.Similar(3, 5), similar);
        var e = Assert.Throws<MovieNotFoundException>(() => _world.Recommender.Similar("Explosoin 7", 3));
        Assert.Contains("Explosion 7 (2001)", e.Suggestions);
        Assert.Throws<MovieNotFoundException>(() => _world.Recommender.Similar(12345, 3));
        Assert.Throws<ArgumentException>(() => _world.Recommender.Profile(999));
    }

    [Fact]
    public void Title_lookup_forgives_case_articles_years_and_alternative_titles()
    {
        var catalog = RatingDataset.From(new DataFrame(
                new Int32DataFrameColumn(Columns.UserId, [1]), new Int32DataFrameColumn(Columns.MovieId, [1]), new DoubleDataFrameColumn(Columns.Rating, [4.0])),
            new DataFrame(
                new Int32DataFrameColumn(Columns.MovieId, [1, 2, 3, 4]),
                new StringDataFrameColumn(Columns.Title, ["Toy Story (1995)", "American President, The (1995)", "Seven (a.k.a. Se7en) (1995)", "Heat (1995)"]),
                new StringDataFrameColumn(Columns.Genres, ["Animation", "Drama", "Thriller", "Action"]))).Movies!;
        Assert.Equal(1, catalog.Find("toy story"));
        Assert.Equal(2, catalog.Find("the american president"));
        Assert.Equal(3, catalog.Find("se7en"));
        Assert.Equal(4, catalog.Find("heat 1995"));
        Assert.Equal(4, catalog.Find("4"));
    }

    [Fact]
    public void Profile_reports_behaviour_taste_and_deterministic_results()
    {
        var profile = _world.Recommender.Profile(1);
        Assert.Equal(54, profile.Ratings);
        Assert.Equal(["Action", "Thriller"], profile.TopGenres.Take(2).Order());
        Assert.Equal(UserProfile.BehaviourOf(profile.Mean), profile.Behaviour);
        Assert.Equal("very generous", UserProfile.BehaviourOf(4.2));
        Assert.Equal("slightly generous", UserProfile.BehaviourOf(3.6));
        Assert.Equal("balanced", UserProfile.BehaviourOf(3.0));
        Assert.Equal("strict", UserProfile.BehaviourOf(2.99));
        Assert.Equal(1.0, profile.ModernLikeRatio);                    // every action movie is from 2001
        Assert.Equal([2000], profile.FavouriteDecades);
        Assert.Equal(54, profile.RatingDistribution.ToArray<int>("count").Sum());

        var again = MovieRecommender.Build(RatingDataset.From(_world.Ratings, _world.Movies), _world.Options);
        foreach (var engine in Enum.GetValues<RecommenderEngine>())
        {
            Assert.Equal(_world.Recommender.Recommend(3, engine, 10), again.Recommend(3, engine, 10));
        }
    }

    [Fact]
    public void A_saved_recommender_loads_and_answers_exactly_as_the_fitted_one()
    {
        using var temp = new Support.TempFolder();
        var path = temp.File("world.movierec");
        _world.Recommender.Save(path);
        var loaded = MovieRecommender.Load(path);

        foreach (var user in new[] { 1, 2, 3, 40, 999 })
        {
            foreach (var engine in Enum.GetValues<RecommenderEngine>())
            {
                Assert.Equal(_world.Recommender.Recommend(user, engine, 10), loaded.Recommend(user, engine, 10));
            }
        }

        Assert.Equal(_world.Recommender.Similar(5, 10), loaded.Similar(5, 10));
        Assert.Equal(_world.Recommender.Similar("love letter 40", 5), loaded.Similar("love letter 40", 5));
        Assert.Equal(_world.Recommender.RecommendForNewUser([(40, 5.0), (41, 5.0)], 5), loaded.RecommendForNewUser([(40, 5.0), (41, 5.0)], 5));
        Assert.Equal(_world.Recommender.Profile(1).ToDataFrame().ToString(), loaded.Profile(1).ToDataFrame().ToString());
        Assert.Equal(_world.Recommender.Info, loaded.Info);
        Assert.Equal(_world.Ratings.Rows.Count, loaded.Info.Ratings);
        Assert.Equal(60, loaded.Info.Movies);

        // Saving the loaded one and loading that again still answers the same: nothing is lost on the way.
        loaded.Save(temp.File("again.movierec"));
        var again = MovieRecommender.Load(temp.File("again.movierec"));
        Assert.Equal(_world.Recommender.Recommend(3, RecommenderEngine.Hybrid, 10), again.Recommend(3, RecommenderEngine.Hybrid, 10));
        Assert.Equal(_world.Recommender.Info, again.Info);
    }

    [Fact]
    public void Svd_content_similar_and_profiles_do_not_depend_on_the_classifier_choice_or_the_hybrid_weights()
    {
        // What the tool fits for a query without the classifier (no validation fits): the same answers as the full fit.
        var full = _world.Recommender;
        var partial = MovieRecommender.Build(RatingDataset.From(_world.Ratings, _world.Movies),
            _world.Options with { Like = _world.Options.Like with { Classifiers = [ClassifierCandidate.LogisticRegression] }, HybridWeights = HybridWeights.SvdOnly });
        Assert.NotEqual(full.HybridSelection, partial.HybridSelection); // the full fit learned its weights on a validation split
        foreach (var user in new[] { 1, 2, 3, 40 })
        {
            Assert.Equal(full.Recommend(user, RecommenderEngine.Svd, 10), partial.Recommend(user, RecommenderEngine.Svd, 10));
            Assert.Equal(full.Recommend(user, RecommenderEngine.Content, 10), partial.Recommend(user, RecommenderEngine.Content, 10));
            Assert.Equal(full.Profile(user).ToDataFrame().ToString(), partial.Profile(user).ToDataFrame().ToString());
        }

        Assert.Equal(full.Similar(5, 10), partial.Similar(5, 10));
        Assert.Equal(full.Similar(45, 10), partial.Similar(45, 10));
    }

    [Fact]
    public void Threads_reach_every_parallel_part_and_only_logistic_regression_depends_on_them()
    {
        var data = RatingDataset.From(_world.Ratings, _world.Movies);
        var options = _world.Options with { Like = _world.Options.Like with { Classifiers = [ClassifierCandidate.LogisticRegression, ClassifierCandidate.LightGbmRegularized] } };
        var one = MovieRecommender.Build(data, options with { Threads = 1 });
        var three = MovieRecommender.Build(data, options with { Threads = 3 });
        var unset = MovieRecommender.Build(data, options);
        Assert.Equal((1, 1), (one.Features.Options.Threads, one.Features.Options.Text!.Threads));
        Assert.Equal(1, one.Classifier.Options.Threads);
        Assert.Equal(3, three.Classifier.Options.Threads);
        Assert.Equal(unset.Classifier.Kind == ClassifierKind.LogisticRegression ? LogisticRegressionOptions.Defaults.Threads : Environment.ProcessorCount, unset.Classifier.Options.Threads);

        // The SVDs, the features and the tree families give the same answers for any count.
        Assert.Equal(three.ClassifierSelection.Scores.Single(s => s.Kind == nameof(ClassifierKind.LightGbm)), one.ClassifierSelection.Scores.Single(s => s.Kind == nameof(ClassifierKind.LightGbm)));
        // (Logistic regression's model depends on the count: ClassifierTests shows a 1-thread fit differs.)
        foreach (var user in new[] { 1, 2, 40 })
        {
            Assert.Equal(three.Recommend(user, RecommenderEngine.Svd, 10), one.Recommend(user, RecommenderEngine.Svd, 10));
            Assert.Equal(three.Recommend(user, RecommenderEngine.Content, 10), one.Recommend(user, RecommenderEngine.Content, 10));
        }

        Assert.Equal(three.Similar(5, 10), one.Similar(5, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => MovieRecommender.Build(data, options with { Threads = 0 }));
    }

    [Fact]
    public void Predict_scores_one_movie_to_the_value_the_dense_scores_give_it()
    {
        var r = _world.Recommender;
        var dense = new float[r.Ratings.ItemIds.Count];
        foreach (var (name, model) in new (string, IDenseScorer)[] { ("ml", r.Like), ("content", r.Content), ("hybrid", r.Hybrid) })
        {
            foreach (var user in r.Ratings.UserIds.Take(6))
            {
                model.ScoreDense(r.Ratings.UserIndex(user), dense);
                for (var i = 0; i < dense.Length; i++)
                {
                    var predicted = model.Predict(user, r.Ratings.ItemIds[i]);
                    Assert.Equal(PredictionSource.Model, predicted.Source);
                    Assert.True(dense[i].Equals((float)predicted.Value), $"{name}, user {user}, movie {r.Ratings.ItemIds[i]}: {predicted.Value} vs {dense[i]}");
                }
            }
        }
    }

    [Fact]
    public void Without_prefetch_a_bundle_parses_its_classifier_only_for_an_engine_that_needs_it()
    {
        using var temp = new Support.TempFolder();
        var path = temp.File("world.movierec");
        _world.Recommender.Save(path);
        Assert.True(MovieRecommender.Load(path).Classifier.ModelLoaded); // the default parses it beside the rest

        var lazy = MovieRecommender.Load(path, prefetchClassifier: false);
        Assert.Equal(_world.Recommender.Recommend(3, RecommenderEngine.Svd, 10), lazy.Recommend(3, RecommenderEngine.Svd, 10));
        Assert.Equal(_world.Recommender.Recommend(3, RecommenderEngine.Content, 10), lazy.Recommend(3, RecommenderEngine.Content, 10));
        Assert.Equal(_world.Recommender.Similar(5, 10), lazy.Similar(5, 10));
        Assert.Equal(_world.Recommender.Profile(1).ToDataFrame().ToString(), lazy.Profile(1).ToDataFrame().ToString());
        Assert.False(lazy.Classifier.ModelLoaded);

        // Saved before its first use, the classifier's bytes are written back as they were read: the copy answers the same.
        lazy.Save(temp.File("copy.movierec"));
        Assert.False(lazy.Classifier.ModelLoaded);
        Assert.Equal(_world.Recommender.Recommend(3, RecommenderEngine.Ml, 10), MovieRecommender.Load(temp.File("copy.movierec"), prefetchClassifier: false).Recommend(3, RecommenderEngine.Ml, 10));

        Assert.Equal(_world.Recommender.Recommend(3, RecommenderEngine.Hybrid, 10), lazy.Recommend(3, RecommenderEngine.Hybrid, 10));
        Assert.True(lazy.Classifier.ModelLoaded);
    }

    [Fact]
    public void A_damaged_or_foreign_bundle_is_one_clear_error()
    {
        using var temp = new Support.TempFolder();
        var path = temp.File("world.movierec");
        _world.Recommender.Save(path);
        var bytes = File.ReadAllBytes(path);

        var flipped = (byte[])bytes.Clone();
        flipped[bytes.Length / 2] ^= 0x10;
        Assert.Contains("is damaged (checksum mismatch)", Load(temp.WriteBytes("flipped.movierec", flipped)));
        Assert.Contains("is damaged", Load(temp.WriteBytes("truncated.movierec", bytes[..^100])));
        Assert.Contains("is not a MovieRec model", Load(temp.Write("foreign.movierec", "userId,movieId\n")));
        var classifier = temp.File("classifier.movierec-model");
        _world.Recommender.Classifier.Save(classifier);
        Assert.Contains("is not a MovieRec model", Load(classifier));
        var newer = (byte[])bytes.Clone();
        newer[16] = MovieRecommender.BundleFormatVersion + 1;
        Assert.Contains($"was written by format {MovieRecommender.BundleFormatVersion + 1}, this version of MovieRec reads format {MovieRecommender.BundleFormatVersion}",
            Load(temp.WriteBytes("newer.movierec", newer)));

        static string Load(string file) => Assert.Throws<DataFileException>(() => MovieRecommender.Load(file)).Message;
    }
}
