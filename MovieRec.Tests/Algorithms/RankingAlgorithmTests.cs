using MathNet.Numerics.LinearAlgebra;
using MovieRec.LinearAlgebra;

namespace MovieRec.Tests.Algorithms;

/// <summary>EASE, implicit ALS, BPR, SVD++ and the blend on the planted data (<see cref="AlgorithmTests.Planted"/>).</summary>
public sealed class RankingAlgorithmTests : IClassFixture<AlgorithmTests.Planted>
{
    private readonly AlgorithmTests.Planted _data;

    public RankingAlgorithmTests(AlgorithmTests.Planted data) => _data = data;

    [Fact]
    public void The_blocked_sweep_inverts_an_spd_matrix_identically_for_any_thread_count()
    {
        const int n = 250; // several 96-row blocks and a partial last one
        var rng = new Random(3);
        var b = Matrix<double>.Build.Dense(n, n, (_, _) => rng.NextDouble() - 0.5);
        var a = (b * b.Transpose()) + (0.5 * Matrix<double>.Build.DenseIdentity(n));
        var rowMajor = a.ToRowMajorArray();
        var one = (double[])rowMajor.Clone();
        var two = (double[])rowMajor.Clone();
        SpdInverse.Invert(one, n, threads: 1);
        SpdInverse.Invert(two, n, threads: 2);
        Assert.Equal(one, two);
        var product = a * Matrix<double>.Build.DenseOfRowMajor(n, n, one);
        Assert.True((product - Matrix<double>.Build.DenseIdentity(n)).Enumerate().Max(Math.Abs) < 1e-8);
        Assert.Throws<ArgumentException>(() => SpdInverse.Invert([1, 2, 2, 1], 2, 1)); // indefinite
    }

    [Fact]
    public void Ease_equals_the_closed_form_over_its_most_rated_movies()
    {
        var train = _data.Train;
        var options = new EaseOptions { Regularization = 40, MaxItems = 150 };
        var model = new Ease(options).Fit(train);

        // Reference: B = I − P diag(1/diag P), P = (XᵀX + λI)⁻¹ over the 150 most-rated movies, by MathNet.
        var kept = Enumerable.Range(0, train.ItemIds.Count).OrderByDescending(i => train.ItemCounts[i]).ThenBy(i => i).Take(150).Order().ToArray();
        var column = kept.Select((item, c) => (item, c)).ToDictionary(p => p.item, p => p.c);
        var x = Matrix<double>.Build.Dense(train.UserIds.Count, kept.Length);
        for (var u = 0; u < train.UserIds.Count; u++)
        {
            foreach (var i in train.ItemsOf(u))
            {
                if (column.TryGetValue(i, out var c)) x[u, c] = 1;
            }
        }

        var p = ((x.Transpose() * x) + (40 * Matrix<double>.Build.DenseIdentity(kept.Length))).Inverse();
        var weights = Matrix<double>.Build.Dense(kept.Length, kept.Length, (i, j) => i == j ? 0 : -p[i, j] / p[j, j]);
        var scores = new float[train.ItemIds.Count];
        foreach (var u in new[] { 0, 17, 123 })
        {
            model.ScoreDense(u, scores);
            var expected = x.Row(u) * weights;
            for (var c = 0; c < kept.Length; c++) Assert.Equal(expected[c], scores[kept[c]], 4);
            Assert.Equal(train.ItemIds.Count - kept.Length, scores.Count(float.IsNaN)); // the rest is not scored
        }

        var movies = Scoring.Recommend(model, train.UserIds.Take(50), 10).ToArray<int>(Columns.MovieId);
        Assert.All(movies, m => Assert.Contains(train.ItemIndex(m), kept));
    }

    [Fact]
    public void Ease_with_sessions_equals_the_closed_form_with_a_row_per_session_on_any_thread_count()
    {
        var train = _data.Train;
        const int length = 7;
        const double gamma = 1.5;
        var options = new EaseOptions { Regularization = 40, MaxItems = 150, SessionLength = length, SessionWeight = gamma, Threads = 1 };
        var model = new Ease(options).Fit(train);
        var twoThreads = new Ease(options with { Threads = 2 }).Fit(train);

        // Reference: G = XᵀX + γ SᵀS + λI by MathNet, S with one row per run of `length` consecutive ratings of a user,
        // ordered here by (timestamp, movie index) from the raw rating arrays.
        var kept = Enumerable.Range(0, train.ItemIds.Count).OrderByDescending(i => train.ItemCounts[i]).ThenBy(i => i).Take(150).Order().ToArray();
        var column = kept.Select((item, c) => (item, c)).ToDictionary(p => p.item, p => p.c);
        var x = Matrix<double>.Build.Dense(train.UserIds.Count, kept.Length);
        var sessions = new List<int[]>();
        for (var u = 0; u < train.UserIds.Count; u++)
        {
            foreach (var i in train.ItemsOf(u))
            {
                if (column.TryGetValue(i, out var c)) x[u, c] = 1;
            }

            var ordered = Enumerable.Range(0, train.Count).Where(r => train.Users[r] == u).OrderBy(r => train.Times[r]).ThenBy(r => train.Items[r]).Select(r => train.Items[r]).ToArray();
            sessions.AddRange(ordered.Chunk(length));
        }

        Assert.Contains(sessions, session => session.Length < length); // users' last sessions are shorter
        var sessionRows = Matrix<double>.Build.Dense(sessions.Count, kept.Length);
        for (var r = 0; r < sessions.Count; r++)
        {
            foreach (var i in sessions[r])
            {
                if (column.TryGetValue(i, out var c)) sessionRows[r, c] = 1;
            }
        }

        var gram = (x.Transpose() * x) + (gamma * sessionRows.Transpose() * sessionRows) + (40 * Matrix<double>.Build.DenseIdentity(kept.Length));
        var p = gram.Inverse();
        var weights = Matrix<double>.Build.Dense(kept.Length, kept.Length, (i, j) => i == j ? 0 : -p[i, j] / p[j, j]);
        var plain = new Ease(options with { SessionLength = 0 }).Fit(train);
        var scores = new float[train.ItemIds.Count];
        var other = new float[train.ItemIds.Count];
        var differs = false;
        foreach (var u in new[] { 0, 17, 123 })
        {
            model.ScoreDense(u, scores);
            var expected = x.Row(u) * weights;
            for (var c = 0; c < kept.Length; c++) Assert.Equal(expected[c], scores[kept[c]], 4);
            twoThreads.ScoreDense(u, other);
            Assert.Equal(scores, other);
            plain.ScoreDense(u, other);
            differs |= !scores.AsSpan().SequenceEqual(other);
        }

        Assert.True(differs, "the session rows changed nothing");
        Assert.Throws<ArgumentOutOfRangeException>(() => new Ease(options with { SessionWeight = -1 }).Fit(train));
        var timeless = _data.Split.Train.Clone();
        timeless.Columns.Remove(Columns.Timestamp);
        var error = Assert.Throws<ArgumentException>(() => new Ease(options).Fit(RatingDataset.From(timeless)));
        Assert.Contains("same timestamp", error.Message);
    }

    [Fact]
    public void Als_is_identical_for_any_thread_count()
    {
        var one = new ImplicitAls(new ImplicitAlsOptions { Factors = 16, Epochs = 4, Threads = 1 }).Fit(_data.Train);
        var two = new ImplicitAls(new ImplicitAlsOptions { Factors = 16, Epochs = 4, Threads = 2 }).Fit(_data.Train);
        var a = new float[_data.Train.ItemIds.Count];
        var b = new float[_data.Train.ItemIds.Count];
        for (var u = 0; u < 20; u++)
        {
            one.ScoreDense(u, a);
            two.ScoreDense(u, b);
            Assert.Equal(a, b);
        }
    }

    [Theory]
    [InlineData("ease")]
    [InlineData("ease-sessions")]
    [InlineData("als")]
    [InlineData("bpr")]
    [InlineData("blend")]
    public void Each_ranker_personalizes_lists_toward_the_planted_taste(string name)
    {
        var truth = _data.Data.Truth;
        var position = truth.MovieIds.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        double Taste(int userId, int movieId)
        {
            var i = position[movieId];
            var dot = 0.0;
            for (var f = 0; f < truth.Factors; f++) dot += truth.UserFactors[((userId - 1) * truth.Factors) + f] * truth.MovieFactors[(i * truth.Factors) + f];
            return dot; // the planted user-movie interaction, without the popularity a most-popular list already has
        }

        var ranker = AlgorithmRegistry.Create(name).Fit(_data.Train);
        var popular = new MostPopular().Fit(_data.Train);
        var users = _data.Train.UserIds.Take(100).ToArray();
        var personal = users.Average(u => Scoring.TopMovies(ranker, u, 10).Average(m => Taste(u, m)));
        var crowd = users.Average(u => Scoring.TopMovies(popular, u, 10).Average(m => Taste(u, m)));
        Assert.True(personal > crowd + 0.05, $"{name}: planted taste of its lists {personal:F3}, of most-popular lists {crowd:F3}");

        var report = Evaluator.Evaluate(ranker, _data.Split.Test).Ranking!;
        var (low, high) = report.NdcgInterval();
        Assert.True(low < report.Ndcg && report.Ndcg < high);
        Assert.Equal((low, high), report.NdcgInterval()); // seeded
        Assert.Equal(report.Users, report.UserNdcg.Count);
    }

    /// <summary>Every user rates all 40 movies (co-occurrence says nothing), pairs (2k, 2k+1) one after the other in
    /// time, the pairs in a random order; probe users rated only movie 2k.</summary>
    private static DataFrame PairedSessions(int seed, bool shuffleRows)
    {
        var rng = new Random(seed);
        var rows = new List<(int User, int Movie, long Time)>();
        for (var u = 1; u <= 60; u++)
        {
            var pairs = Enumerable.Range(0, 20).ToArray();
            rng.Shuffle(pairs);
            var t = 1_000_000L * u;
            foreach (var k in pairs)
            {
                var first = rng.Next(2);
                rows.Add((u, (2 * k) + first + 1, t += 60));
                rows.Add((u, (2 * k) + (1 - first) + 1, t += 60));
            }
        }

        for (var k = 0; k < 20; k++) rows.Add((1000 + k, (2 * k) + 1, 5_000_000_000L));
        if (shuffleRows) rng.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(rows));
        return new DataFrame(
            new Int32DataFrameColumn(Columns.UserId, rows.Select(r => r.User)),
            new Int32DataFrameColumn(Columns.MovieId, rows.Select(r => r.Movie)),
            new DoubleDataFrameColumn(Columns.Rating, rows.Select(_ => 4.0)),
            new Int64DataFrameColumn(Columns.Timestamp, rows.Select(r => r.Time)));
    }

    [Fact]
    public void Ease_with_sessions_learns_from_the_time_order_what_co_occurrence_cannot_see()
    {
        // Sessions of 4 ratings hold two whole pairs each: a movie shares every one of its sessions with its partner, and
        // any other movie only now and then.
        var train = RatingDataset.From(PairedSessions(3, shuffleRows: false));
        var sessions = new Ease(new EaseOptions { Regularization = 10, SessionLength = 4 }).Fit(train);
        var plain = new Ease(new EaseOptions { Regularization = 10 }).Fit(train);
        var plainHits = 0;
        for (var k = 0; k < 20; k++)
        {
            Assert.Equal([(2 * k) + 2], Scoring.TopMovies(sessions, 1000 + k, 1)); // the partner of movie 2k+1, among 39 candidates
            if (Scoring.TopMovies(plain, 1000 + k, 1)[0] == (2 * k) + 2) plainHits++;
        }

        Assert.True(plainHits <= 3, $"EASE without sessions found {plainHits} of 20 partners"); // by chance: 1 in 39 per probe
    }

    [Fact]
    public void Sequence_knn_learns_from_the_time_order_what_co_occurrence_cannot_see()
    {
        var train = RatingDataset.From(PairedSessions(3, shuffleRows: false));
        var model = new SequenceKnn(new SequenceKnnOptions { Window = 3 }).Fit(train);
        var knn = new ItemKnn().Fit(train);
        var knnHits = 0;
        for (var k = 0; k < 20; k++)
        {
            Assert.Equal([(2 * k) + 2], Scoring.TopMovies(model, 1000 + k, 1)); // the partner of movie 2k+1, among 39 candidates
            if (Scoring.TopMovies(knn, 1000 + k, 1)[0] == (2 * k) + 2) knnHits++;
        }

        Assert.True(knnHits <= 3, $"plain co-occurrence found {knnHits} of 20 partners"); // by chance: 1 in 39 per probe

        // The rows' order does not matter: time order, ties by movie.
        var shuffled = new SequenceKnn(new SequenceKnnOptions { Window = 3 }).Fit(RatingDataset.From(PairedSessions(3, shuffleRows: true)));
        var a = new float[40];
        var b = new float[40];
        for (var u = 0; u < train.UserIds.Count; u++)
        {
            model.ScoreDense(u, a);
            shuffled.ScoreDense(u, b);
            Assert.Equal(a, b);
            for (var i = 0; i < a.Length; i++) Assert.Equal(a[i], (float)model.Predict(train.UserIds[u], train.ItemIds[i]).Value); // one pair, the same sum
        }

        Assert.Equal(PredictionSource.UnknownUser, model.Predict(-5, 1).Source);
        Assert.Equal(0, model.Predict(1, 999_999).Value);
    }

    [Fact]
    public void Svd_plus_plus_predicts_ratings_better_than_the_bias_baseline()
    {
        var options = new EvaluationOptions { Ranking = false };
        var svdpp = Evaluator.Evaluate(new SvdPlusPlus(), _data.Split, options);
        var bias = Evaluator.Evaluate(new Bias(), _data.Split, options);
        Assert.True(svdpp.Rmse < bias.Rmse - 0.02, $"SVD++ {svdpp.Rmse:F4}, bias {bias.Rmse:F4}");
    }

    [Fact]
    public void The_blend_weighs_an_informative_component_over_an_uninformative_one_and_reports_its_weights()
    {
        // globalmean scores every movie alike: standardized, it carries nothing, so the search must leave it at 0.
        var model = new Blend(new BlendOptions { Components = ["globalmean", "ease"] }).Fit(_data.Train);
        Assert.Equal(["globalmean", "ease"], model.Components);
        Assert.Equal(0, model.Weights[0]);
        Assert.True(model.Weights[1] > model.Weights[0], string.Join(", ", model.Weights));
        var table = model.ToDataFrame();
        Assert.Equal(2, table.Rows.Count);
        Assert.True(model.ValidationNdcg >= table.ToArray<double>("validationNdcg").Max() - 1e-12); // never worse than its best component on validation

        // A one-component blend ranks exactly as its component.
        var alone = new Blend(new BlendOptions { Components = ["ease"] }).Fit(_data.Train);
        var ease = new Ease().Fit(_data.Train);
        foreach (var user in _data.Train.UserIds.Take(20)) Assert.Equal(Scoring.TopMovies(ease, user, 10), Scoring.TopMovies(alone, user, 10));
        Assert.Throws<ArgumentException>(() => new Blend(new BlendOptions { Components = ["blend"] }).Fit(_data.Train));
    }

    [Fact]
    public void The_rating_blend_beats_each_component_and_never_fits_on_a_held_out_rating()
    {
        // Every dataset a component is fitted on: the validation fits and the final refits.
        var fitted = new List<RatingDataset>();
        var options = new RatingBlendOptions
        {
            Components = ["svd++", "itemknn", "bias"],
            Create = (name, seed) => new Recording(AlgorithmRegistry.Create(name, seed), fitted),
        };
        var model = new RatingBlend(options).Fit(_data.Train);
        Assert.Equal(6, fitted.Count);
        var test = _data.Split.Test;
        var testPairs = test.ToArray<int>(Columns.UserId).Zip(test.ToArray<int>(Columns.MovieId)).ToHashSet();
        foreach (var dataset in fitted)
        {
            for (var u = 0; u < dataset.UserIds.Count; u++)
            {
                foreach (var i in dataset.ItemsOf(u)) Assert.DoesNotContain((dataset.UserIds[u], dataset.ItemIds[i]), testPairs);
            }
        }

        // The weights were learned on ratings the first fits did not see: those fits had fewer ratings than training.
        Assert.All(fitted.Take(3), d => Assert.Equal(_data.Train.Count - model.ValidationRatings, d.Count));
        Assert.All(fitted.Skip(3), d => Assert.Same(_data.Train, d));

        var evaluation = new EvaluationOptions { Ranking = false };
        var blend = Evaluator.Evaluate(model, test, evaluation).Rmse;
        foreach (var name in options.Components)
        {
            var alone = Evaluator.Evaluate(AlgorithmRegistry.Create(name).Fit(_data.Train), test, evaluation).Rmse;
            Assert.True(blend < alone, $"blend {blend:F4}, {name} {alone:F4}");
        }

        // Dense scores are the predictions; an unknown user gets the blended fallbacks, flagged and in range.
        var scores = new float[_data.Train.ItemIds.Count];
        model.ScoreDense(3, scores);
        for (var i = 0; i < 50; i++) Assert.Equal(model.Predict(_data.Train.UserIds[3], _data.Train.ItemIds[i]).Value, scores[i], 4);
        var unknown = model.Predict(-1, _data.Train.ItemIds[0]);
        Assert.True(unknown.IsFallback);
        Assert.InRange(unknown.Value, _data.Train.MinRating, _data.Train.MaxRating);
        Assert.Equal(["svd++", "itemknn", "bias", "(intercept)"], model.ToDataFrame().Columns["component"].Cast<string>());
        Assert.Throws<ArgumentException>(() => new RatingBlend(new RatingBlendOptions { Components = ["popular"] }).Fit(_data.Train));
    }

    [Fact]
    public void Rating_predictors_read_by_index_as_by_id_and_the_rating_blends_dense_scores_are_its_predictions_to_the_bit()
    {
        var train = _data.Train;
        foreach (var name in new[] { "bias", "biasedmf", "svd++", "itemknn" })
        {
            var model = Assert.IsAssignableFrom<IKnownPairPredictor>(AlgorithmRegistry.Create(name, seed: 3).Fit(train));
            var row = new double[train.ItemIds.Count];
            for (var u = 0; u < train.UserIds.Count; u += 7)
            {
                model.PredictKnownRow(u, row);
                for (var i = 0; i < train.ItemIds.Count; i += 3)
                {
                    Assert.Equal(model.Predict(train.UserIds[u], train.ItemIds[i]).Value, model.PredictKnown(u, i));
                    Assert.Equal(model.PredictKnown(u, i), row[i]);
                }
            }
        }

        var blend = new RatingBlend().Fit(train);
        Assert.True(blend.ReadsComponentsByIndex);
        var scores = new float[train.ItemIds.Count];
        foreach (var u in new[] { 0, 5, train.UserIds.Count - 1 })
        {
            blend.ScoreDense(u, scores);
            for (var i = 0; i < scores.Length; i++) Assert.Equal((float)blend.Predict(train.UserIds[u], train.ItemIds[i]).Value, scores[i]);
        }
    }

    /// <summary>An algorithm that records the dataset of every fit.</summary>
    private sealed class Recording(IRecommenderAlgorithm<IDenseScorer> inner, List<RatingDataset> fitted) : IRecommenderAlgorithm<IDenseScorer>
    {
        public string Name => inner.Name;

        public IDenseScorer Fit(RatingDataset train, CancellationToken cancellationToken = default)
        {
            fitted.Add(train);
            return inner.Fit(train, cancellationToken);
        }
    }

    [Fact]
    public void Bootstrap_intervals_are_seeded_contain_the_mean_and_narrow_with_more_users()
    {
        var rng = new Random(1);
        var small = Enumerable.Range(0, 100).Select(_ => rng.NextDouble()).ToList();
        var large = Enumerable.Range(0, 10_000).Select(_ => rng.NextDouble()).ToList();
        var (mean, low, high) = Bootstrap.MeanInterval(small);
        Assert.True(low < mean && mean < high);
        Assert.Equal((mean, low, high), Bootstrap.MeanInterval(small));
        var wide = Bootstrap.MeanInterval(large);
        Assert.True(wide.High - wide.Low < (high - low) / 5);
        var same = small.Select((v, i) => (i, v)).ToDictionary(p => p.i, p => p.v);
        Assert.Equal((0.0, 0.0, 0.0), Bootstrap.PairedDifference(same, same));
        var better = same.ToDictionary(p => p.Key, p => p.Value + 0.1);
        Assert.True(Bootstrap.PairedDifference(better, same).Low > 0.09);
    }
}
