namespace MovieRec.Tests.Algorithms;

/// <summary>CF algorithms on synthetic data with planted factors (noise σ = 0.5 plus half-star rounding).</summary>
public sealed class AlgorithmTests : IClassFixture<AlgorithmTests.Planted>
{
    private readonly Planted _data;

    public AlgorithmTests(Planted data) => _data = data;

    /// <summary>400 users, 600 movies, 40,000 ratings; 80/20 per-user split.</summary>
    public class Planted
    {
        public Planted()
            : this(400, 600, 40_000)
        {
        }

        /// <summary>A planted set of another size (<see cref="ComponentContractTests.Small"/>).</summary>
        protected Planted(int users, int movies, long ratings)
        {
            Data = SyntheticDataGenerator.Generate(new SyntheticOptions { Users = users, Movies = movies, Ratings = ratings, GenomeMovies = 10, Seed = 5 });
            Split = Splitters.RandomPerUser(Data.Ratings, 0.2, seed: 5);
            Train = RatingDataset.From(Split.Train);
            Movies = DataCleaning.Clean(Data.Ratings, Data.Movies).Movies;
        }

        /// <summary>The cleaned movies table, for the engines of the recommender (<see cref="AlgorithmRegistry.NeedMovies"/>).</summary>
        public DataFrame Movies { get; }

        public SyntheticDataset Data { get; }

        public TrainTestSplit Split { get; }

        public RatingDataset Train { get; }
    }

    [Fact]
    public void Biased_mf_recovers_the_planted_structure_near_the_noise_floor()
    {
        var mf = Evaluator.Evaluate(new BiasedMF(new BiasedMFOptions { Factors = 16, Epochs = 40, LearningRate = 0.01, Regularization = 0.05 }), _data.Split, new EvaluationOptions { Ranking = false });
        var bias = Evaluator.Evaluate(new Bias(), _data.Split, new EvaluationOptions { Ranking = false });
        var mean = Evaluator.Evaluate(new GlobalMean(), _data.Split, new EvaluationOptions { Ranking = false });

        // Floor: sqrt(0.5² + 0.5²/12) ≈ 0.52 (noise plus half-star rounding), before clipping at 0.5 and 5.
        Assert.True(mf.Rmse < 0.70, $"biased MF RMSE {mf.Rmse:F4} (bias {bias.Rmse:F4}, global mean {mean.Rmse:F4})");
        Assert.True(mf.Rmse < bias.Rmse - 0.05, $"biased MF {mf.Rmse:F4} vs bias {bias.Rmse:F4}");
        Assert.True(bias.Rmse < mean.Rmse, $"bias {bias.Rmse:F4} vs global mean {mean.Rmse:F4}");
    }

    [Fact]
    public void Seeded_fits_reproduce_to_the_digit()
    {
        foreach (var algorithm in new IRecommenderAlgorithm<IDenseScorer>[] { new BiasedMF(new BiasedMFOptions { Factors = 8, Epochs = 5 }), new PureSvd(new PureSvdOptions { Factors = 8 }), new ItemKnn() })
        {
            var a = algorithm.Fit(_data.Train);
            var b = algorithm.Fit(_data.Train);
            var sa = new float[_data.Train.ItemIds.Count];
            var sb = new float[_data.Train.ItemIds.Count];
            a.ScoreDense(3, sa);
            b.ScoreDense(3, sb);
            Assert.Equal(sa, sb);
            Assert.Equal(a.Predict(_data.Train.UserIds[7], _data.Train.ItemIds[11]), b.Predict(_data.Train.UserIds[7], _data.Train.ItemIds[11]));
        }
    }

    [Fact]
    public void Unknown_users_and_movies_fall_back_and_are_flagged()
    {
        var model = new BiasedMF(new BiasedMFOptions { Factors = 4, Epochs = 3 }).Fit(_data.Train);
        var user = _data.Train.UserIds[0];
        var movie = _data.Train.ItemIds[0];
        Assert.Equal(PredictionSource.Model, model.Predict(user, movie).Source);
        Assert.Equal(PredictionSource.UnknownUser, model.Predict(-1, movie).Source);
        Assert.Equal(PredictionSource.UnknownItem, model.Predict(user, -1).Source);
        var both = model.Predict(-1, -1);
        Assert.Equal(PredictionSource.UnknownUserAndItem, both.Source);
        Assert.Equal(_data.Train.GlobalMean, both.Value, 5);
        // Every other registered algorithm's fallbacks (flagged and finite) are checked by the contract, on smaller data:
        // ComponentContractTests.Every_registered_algorithm_honours_the_contract.
    }

    [Fact]
    public void The_recommender_engines_need_the_movies_table_and_say_so()
    {
        Assert.Equal(AlgorithmRegistry.NeedMovies, new HashSet<string>(["ml", "content", "hybrid"]));
        foreach (var name in AlgorithmRegistry.NeedMovies)
        {
            var error = Assert.Throws<ArgumentException>(() => AlgorithmRegistry.Create(name));
            Assert.Contains("needs the movies table", error.Message);
        }
    }

    [Fact]
    public void Fold_in_personalizes_a_new_user_without_retraining()
    {
        // Remove one user from training, fold them in from 20 ratings, predict their other ratings.
        var ratings = _data.Data.Ratings;
        var users = ratings.ToArray<int>(Columns.UserId);
        var target = users.GroupBy(u => u).First(g => g.Count() >= 60).Key;
        var rest = ratings.Filter(new BooleanDataFrameColumn("keep", users.Select(u => u != target)));
        var model = new BiasedMF(new BiasedMFOptions { Factors = 16, Epochs = 40, LearningRate = 0.01, Regularization = 0.05 }).Fit(RatingDataset.From(rest));
        var mine = Enumerable.Range(0, users.Length).Where(i => users[i] == target).Select(i => ((int)ratings[Columns.MovieId][i]!, (double)ratings[Columns.Rating][i]!)).ToArray();
        var given = mine.Take(20).ToArray();
        var hidden = mine.Skip(20).ToArray();

        var folded = model.FoldIn(given);
        var bias = new Bias().Fit(RatingDataset.From(rest));
        double Rmse(Func<int, double> predict) => Math.Sqrt(hidden.Average(h => Math.Pow(h.Item2 - predict(h.Item1), 2)));
        var foldedRmse = Rmse(m => folded.Predict(m).Value);
        var itemOnly = Rmse(m => bias.Predict(-1, m).Value); // what an unknown user gets: μ + b_i
        Assert.True(foldedRmse < itemOnly, $"fold-in {foldedRmse:F3} vs item baseline {itemOnly:F3}");
        var recs = folded.Recommend(10);
        Assert.Equal(10, recs.Length);
        Assert.DoesNotContain(recs, m => given.Any(g => g.Item1 == m));
    }

    [Fact]
    public void Personal_top_n_lists_carry_more_planted_preference_than_popular_ones()
    {
        var truth = _data.Data.Truth;
        var k = truth.Factors;
        var position = truth.MovieIds.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        double Planted(int userId, int movieId)
        {
            var i = position[movieId];
            var dot = 0.0;
            for (var f = 0; f < k; f++) dot += truth.UserFactors[((userId - 1) * k) + f] * truth.MovieFactors[(i * k) + f];
            return truth.MovieBias[i] + dot; // the user's own bias does not change their ranking
        }

        var mf = new BiasedMF(new BiasedMFOptions { Factors = 16, Epochs = 40, LearningRate = 0.01, Regularization = 0.05 }).Fit(_data.Train);
        var popular = new MostPopular().Fit(_data.Train);
        var users = _data.Train.UserIds.Take(100).ToArray();
        var personal = users.Average(u => Scoring.TopMovies(mf, u, 10).Average(m => Planted(u, m)));
        var crowd = users.Average(u => Scoring.TopMovies(popular, u, 10).Average(m => Planted(u, m)));
        Assert.True(personal > crowd + 0.3, $"planted preference of biased-MF lists {personal:F3}, of popular lists {crowd:F3}");
    }

    [Fact]
    public void Grid_search_finds_the_known_best_candidate()
    {
        // One epoch cannot fit; a huge regularization cannot either: the best must be 30 epochs with light regularization.
        var grid = new Dictionary<string, double[]> { ["epochs"] = [1, 30], ["reg"] = [0.05, 5] };
        var result = Evaluator.GridSearch(
            p => new BiasedMF(new BiasedMFOptions { Factors = 8, Epochs = (int)p["epochs"], Regularization = p["reg"], LearningRate = 0.01 }),
            grid, _data.Data.Ratings, metric: "rmse", folds: 2);
        Assert.Equal(4, result.Rows.Count);
        Assert.Equal(30.0, result["epochs"][0]);
        Assert.Equal(0.05, result["reg"][0]);
        Assert.True((double)result["rmse"][0]! < (double)result["rmse"][3]!);
    }

    [Fact]
    public void Cross_validate_returns_one_row_per_fold_and_a_mean()
    {
        var frame = Evaluator.CrossValidate(new Bias(), _data.Data.Ratings, folds: 3);
        Assert.Equal(4, frame.Rows.Count);
        Assert.Equal("mean", frame["fold"][3]);
        var rmse = frame.ToArray<double>("rmse");
        Assert.Equal(rmse.Take(3).Average(), rmse[3], 12);
        Assert.Contains("ndcg@10", frame.Columns.Select(c => c.Name));
    }

    [Fact]
    public void TopK_with_a_huge_k_returns_every_scored_index_best_first()
    {
        float[] scores = [0.5f, float.NaN, 2f, 1f];
        Assert.Equal([2, 3, 0], TopK.Select(scores, int.MaxValue));
        Assert.Equal([2, 0], TopK.Select(scores, int.MaxValue, [3]));
        Assert.Empty(TopK.Select(scores, 0));
    }

    [Theory]
    [InlineData(10, 9_742, 0.0)]
    [InlineData(10, 1_000, 0.3)]
    [InlineData(50, 37, 0.1)]
    [InlineData(1, 100, 0.0)]
    [InlineData(3, 3, 0.5)]
    public void TopK_equals_a_full_sort_with_ties_nans_and_exclusions(int k, int n, double excluded)
    {
        var rng = new Random(k + n);

        // Few distinct values, so ties are common; some NaN; an ascending exclusion list.
        var scores = Enumerable.Range(0, n).Select(_ => rng.NextDouble() < 0.05 ? float.NaN : rng.Next(40) / 8f).ToArray();
        var exclude = Enumerable.Range(0, n).Where(_ => rng.NextDouble() < excluded).ToArray();
        var expected = Enumerable.Range(0, n).Where(i => !float.IsNaN(scores[i]) && Array.BinarySearch(exclude, i) < 0)
            .OrderByDescending(i => scores[i]).ThenBy(i => i).Take(k).ToArray();
        Assert.Equal(expected, TopK.Select(scores, k, exclude));

        // Rising scores make every later score enter: the threshold must follow the heap.
        var rising = Enumerable.Range(0, n).Select(i => (float)i).ToArray();
        Assert.Equal(Enumerable.Range(0, n).Reverse().Take(k), TopK.Select(rising, k));
    }
}
