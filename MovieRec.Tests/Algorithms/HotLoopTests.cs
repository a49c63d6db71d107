using MovieRec.LinearAlgebra;

namespace MovieRec.Tests.Algorithms;

/// <summary>The vectorized and parallel hot loops against plain references: same numbers on any thread count.</summary>
public sealed class HotLoopTests
{
    private static readonly RatingDataset Data = RatingDataset.From(
        SyntheticDataGenerator.Generate(new SyntheticOptions { Users = 301, Movies = 405, Ratings = 20_000, GenomeMovies = 10, Seed = 11 }).Ratings);

    [Theory]
    [InlineData(32)]
    [InlineData(20)]
    [InlineData(3)]
    public void The_vectorized_bpr_and_svdpp_steps_are_the_scalar_expressions_to_the_bit(int k)
    {
        var rng = new Random(k);
        float[] Draw() => [.. Enumerable.Range(0, k).Select(_ => (float)((rng.NextDouble() * 2) - 1))];
        float g = 0.37f, err = -1.3f, lr = 0.05f, reg = 0.02f, decay = 1 - (lr * reg);

        // BPR: p_u, q_i, q_j from the old values, each in the scalar expression's order (no fused multiply-adds).
        var (pu, qi, qj) = (Draw(), Draw(), Draw());
        var (p0, i0, j0) = ((float[])pu.Clone(), (float[])qi.Clone(), (float[])qj.Clone());
        Bpr.Step(pu, qi, qj, g, lr, reg);
        for (var f = 0; f < k; f++)
        {
            Assert.Equal(BitConverter.SingleToInt32Bits(p0[f] + (lr * ((g * (i0[f] - j0[f])) - (reg * p0[f])))), BitConverter.SingleToInt32Bits(pu[f]));
            Assert.Equal(BitConverter.SingleToInt32Bits(i0[f] + (lr * ((g * p0[f]) - (reg * i0[f])))), BitConverter.SingleToInt32Bits(qi[f]));
            Assert.Equal(BitConverter.SingleToInt32Bits(j0[f] + (lr * ((-g * p0[f]) - (reg * j0[f])))), BitConverter.SingleToInt32Bits(qj[f]));
        }

        // SVD++: p_u, q_i, the carried z and the decayed gradient.
        var (p, q, z, gradient) = (Draw(), Draw(), Draw(), Draw());
        var (ps, qs, zs, gs) = ((float[])p.Clone(), (float[])q.Clone(), (float[])z.Clone(), (float[])gradient.Clone());
        SvdPlusPlus.Step(p, q, z, gradient, err, lr, reg, decay);
        for (var f = 0; f < k; f++)
        {
            float qf = qs[f], pf = ps[f], implicitPart = zs[f] - pf;
            var pNew = pf + (lr * ((err * qf) - (reg * pf)));
            Assert.Equal(BitConverter.SingleToInt32Bits(pNew), BitConverter.SingleToInt32Bits(p[f]));
            Assert.Equal(BitConverter.SingleToInt32Bits(qf + (lr * ((err * zs[f]) - (reg * qf)))), BitConverter.SingleToInt32Bits(q[f]));
            Assert.Equal(BitConverter.SingleToInt32Bits(pNew + (decay * implicitPart) + (lr * err * qf)), BitConverter.SingleToInt32Bits(z[f]));
            Assert.Equal(BitConverter.SingleToInt32Bits((decay * gs[f]) + (err * qf)), BitConverter.SingleToInt32Bits(gradient[f]));
        }
    }

    [Theory]
    [InlineData(ItemSimilarity.Cosine)]
    [InlineData(ItemSimilarity.AdjustedCosine)]
    public void Item_knn_neighbours_are_those_of_a_pairwise_reference(ItemSimilarity similarity)
    {
        var options = new ItemKnnOptions { Neighbors = 15, Similarity = similarity };
        var neighbors = new ItemKnn(options).Neighbors(Data);
        int nu = Data.UserIds.Count, ni = Data.ItemIds.Count;

        // x_ui as the model sees it (centred by the user's mean for adjusted cosine), as a dense users × movies table.
        var x = new float[nu, ni];
        var rated = new bool[nu, ni];
        for (var u = 0; u < nu; u++)
        {
            var mean = similarity == ItemSimilarity.AdjustedCosine ? Data.RatingsOf(u).ToArray().Average() : 0;
            for (var p = 0; p < Data.ItemsOf(u).Length; p++)
            {
                x[u, Data.ItemsOf(u)[p]] = (float)(Data.RatingsOf(u)[p] - mean);
                rated[u, Data.ItemsOf(u)[p]] = true;
            }
        }

        var norm = Enumerable.Range(0, ni).Select(i => Math.Sqrt(Enumerable.Range(0, nu).Sum(u => (double)x[u, i] * x[u, i]))).ToArray();
        foreach (var i in new[] { 0, 7, 100, ni - 1 })
        {
            var expected = new List<(float Similarity, int Item)>();
            for (var j = 0; j < ni; j++)
            {
                if (j == i) continue;
                double dot = 0;
                var co = 0;
                for (var u = 0; u < nu; u++)
                {
                    if (!rated[u, i] || !rated[u, j]) continue;
                    co++;
                    dot += x[u, i] * x[u, j];
                }

                var sim = co >= options.MinSupport && norm[i] > 0 && norm[j] > 0 ? dot / (norm[i] * norm[j]) * co / (co + options.Shrinkage) : 0;
                if (sim > 0) expected.Add(((float)sim, j));
            }

            var top = expected.OrderByDescending(e => e.Similarity).ThenBy(e => e.Item).Take(options.Neighbors).ToArray();
            Assert.Equal(top.Select(e => e.Item), neighbors.Of(i).ToArray());
            Assert.Equal(top.Select(e => (double)e.Similarity), neighbors.SimilaritiesOf(i).ToArray().Select(v => (double)v), (a, b) => Math.Abs(a - b) <= 1e-6);
        }
    }

    [Fact]
    public void Neighbourhood_models_are_the_same_on_one_thread_and_on_all()
    {
        IRecommenderAlgorithm<IDenseScorer>[] one = [new ItemKnn(new ItemKnnOptions { Threads = 1 }), new SequenceKnn(new SequenceKnnOptions { Threads = 1 })];
        IRecommenderAlgorithm<IDenseScorer>[] all = [new ItemKnn(new ItemKnnOptions { Threads = 4 }), new SequenceKnn(new SequenceKnnOptions { Threads = 4 })];
        for (var a = 0; a < one.Length; a++)
        {
            IDenseScorer x = one[a].Fit(Data), y = all[a].Fit(Data);
            var (sx, sy) = (new float[Data.ItemIds.Count], new float[Data.ItemIds.Count]);
            for (var u = 0; u < Data.UserIds.Count; u += 17)
            {
                x.ScoreDense(u, sx);
                y.ScoreDense(u, sy);
                Assert.Equal(sx, sy);
            }
        }
    }

    [Theory]
    [InlineData(40, 3000)]
    [InlineData(400, 3000)]
    [InlineData(40, 25)]
    [InlineData(1, 10)]
    [InlineData(0, 10)]
    public void Neighbour_rows_are_the_head_of_the_fully_sorted_candidates(int perItem, int candidates)
    {
        var rng = new Random(perItem + candidates);

        // Few distinct similarities, so many ties are broken by the movie index.
        var list = Enumerable.Range(0, candidates).Select(j => ((float)rng.Next(50) / 7, j)).ToArray();
        rng.Shuffle(list);
        var neighbors = new ItemNeighbors(3, perItem);
        neighbors.Keep(1, list);
        var expected = list.OrderByDescending(c => c.Item1).ThenBy(c => c.j).Take(perItem).ToArray();
        Assert.Equal(expected.Select(c => c.j), neighbors.Of(1).ToArray());
        Assert.Equal(expected.Select(c => c.Item1), neighbors.SimilaritiesOf(1).ToArray());
        Assert.Empty(neighbors.Of(0).ToArray());
        Assert.Empty(neighbors.Of(2).ToArray());
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    public void Biased_mf_is_the_same_to_the_bit_on_any_thread_count(int threads)
    {
        var options = new BiasedMFOptions { Factors = 20, Epochs = 4, Seed = 3 };
        var one = new BiasedMF(options with { Threads = 1 }).Fit(Data);
        var many = new BiasedMF(options with { Threads = threads }).Fit(Data);
        Assert.True(one.UserFactors.SequenceEqual(many.UserFactors));
        Assert.True(one.ItemFactors.SequenceEqual(many.ItemFactors));
        Assert.Equal(one.Predict(Data.UserIds[5], Data.ItemIds[7]).Value, many.Predict(Data.UserIds[5], Data.ItemIds[7]).Value);
    }

    [Fact]
    public void The_blocks_are_part_of_the_model_and_every_block_count_learns()
    {
        var a = new BiasedMF(new BiasedMFOptions { Factors = 8, Epochs = 3, Blocks = 1 }).Fit(Data);
        var b = new BiasedMF(new BiasedMFOptions { Factors = 8, Epochs = 3, Blocks = 5 }).Fit(Data);
        Assert.False(a.ItemFactors.SequenceEqual(b.ItemFactors));
        var mean = (float)Data.GlobalMean;
        foreach (var model in new[] { a, b })
        {
            double before = 0, after = 0;
            for (var r = 0; r < Data.Count; r++)
            {
                var actual = Data.Ratings[r];
                before += (actual - mean) * (actual - mean);
                var e = actual - model.Predict(Data.UserIds[Data.Users[r]], Data.ItemIds[Data.Items[r]]).Value;
                after += e * e;
            }

            Assert.True(after < 0.8 * before, $"training error {after / Data.Count:F3} against the mean's {before / Data.Count:F3}");
        }
    }

    [Fact]
    public void The_sgd_kernel_matches_a_scalar_reference()
    {
        const int k = 13;
        var stride = SgdKernel.Stride(k);
        Assert.Equal(16, stride);
        var rng = new Random(4);
        int users = 5, items = 7, n = 60;
        var p = Randomness.NormalRows(rng, users, k, stride, 0, 0.3);
        var q = Randomness.NormalRows(rng, items, k, stride, 0, 0.3);
        var u = Enumerable.Range(0, n).Select(_ => rng.Next(users)).ToArray();
        var i = Enumerable.Range(0, n).Select(_ => rng.Next(items)).ToArray();
        var r = Enumerable.Range(0, n).Select(_ => (float)(1 + rng.Next(9) * 0.5)).ToArray();
        var (bu, bi) = (new float[users], new float[items]);
        var (pd, qd) = (Array.ConvertAll(p, x => (double)x), Array.ConvertAll(q, x => (double)x));
        var (bud, bid) = (new double[users], new double[items]);
        SgdKernel.Run(u, i, r, 3.5f, bu, bi, p, q, stride, 0.05f, 0.1f);
        for (var x = 0; x < n; x++)
        {
            double dot = 0;
            for (var f = 0; f < k; f++) dot += pd[(u[x] * stride) + f] * qd[(i[x] * stride) + f];
            var e = r[x] - (3.5 + bud[u[x]] + bid[i[x]] + dot);
            bud[u[x]] += 0.05 * (e - (0.1 * bud[u[x]]));
            bid[i[x]] += 0.05 * (e - (0.1 * bid[i[x]]));
            for (var f = 0; f < k; f++)
            {
                double pf = pd[(u[x] * stride) + f], qf = qd[(i[x] * stride) + f];
                pd[(u[x] * stride) + f] += 0.05 * ((e * qf) - (0.1 * pf));
                qd[(i[x] * stride) + f] += 0.05 * ((e * pf) - (0.1 * qf));
            }
        }

        for (var x = 0; x < p.Length; x++) Assert.Equal(pd[x], p[x], 4);
        for (var x = 0; x < q.Length; x++) Assert.Equal(qd[x], q[x], 4);
        for (var x = 0; x < users; x++) Assert.Equal(bud[x], bu[x], 4);
        Assert.All(Enumerable.Range(0, items * stride).Where(x => x % stride >= k), x => Assert.Equal(0f, q[x]));
    }

    [Theory]
    [InlineData("puresvd", 10, true)]
    [InlineData("als", 7, true)]
    [InlineData("bpr", 25, false)]
    [InlineData("puresvd-raw", 10, true)] // puresvd: user offsets; bpr: item offsets; raw: none
    [InlineData("puresvd", 1, false)]
    public void Blocked_top_n_equals_one_score_row_and_one_selection_per_user(string name, int k, bool excludeSeen)
    {
        var model = AlgorithmRegistry.Create(name).Fit(Data);
        Assert.IsAssignableFrom<ILatentScorer>(model);
        Assert.NotEqual(0, Data.ItemIds.Count % BlockedTopN.PanelItems); // a ragged last panel
        var users = Data.UserIds.Where((_, x) => x % 3 != 1).Append(-42).ToArray(); // not a multiple of the tiles, one unknown
        var frame = Scoring.Recommend(model, users, k, excludeSeen);
        var got = frame.ToArray<int>(MovieRec.Data.Columns.MovieId);
        var scores = frame.ToArray<double>(MovieRec.Data.Columns.Score);
        var row = new float[Data.ItemIds.Count];
        var at = 0;
        foreach (var userId in users.Where(u => u != -42))
        {
            var u = Data.UserIndex(userId);
            model.ScoreDense(u, row);
            foreach (var i in TopK.Select(row, k, excludeSeen ? Data.ItemsOf(u) : default))
            {
                Assert.Equal(Data.ItemIds[i], got[at]);
                Assert.Equal(row[i], (float)scores[at]); // the same numbers to the bit
                at++;
            }
        }

        Assert.Equal(at, got.Length);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(21)]
    [InlineData(40)] // two scatter blocks, the second with one part
    public void Sparse_products_by_column_blocks_equal_one_dot_per_column_to_the_bit(int k)
    {
        var rng = new Random(k);
        int rows = 97, columns = 61;
        var (start, cols, vals) = RandomSparse(rng, rows, columns);
        var a = new CsrMatrix(rows, columns, start, cols, vals);
        var x = Enumerable.Range(0, columns * k).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var y = new double[rows * k];
        a.Multiply(x, y, k);
        var xt = Enumerable.Range(0, rows * k).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var z = new double[columns * k];
        a.TransposeMultiply(xt, z, k);
        for (var j = 0; j < k; j++)
        {
            var zj = new double[columns];
            for (var i = 0; i < rows; i++)
            {
                var sum = 0.0;
                for (var p = start[i]; p < start[i + 1]; p++)
                {
                    sum += vals[p] * x[(j * columns) + cols[p]];
                    zj[cols[p]] += vals[p] * xt[(j * rows) + i];
                }

                Assert.Equal(sum, y[(j * rows) + i]);
            }

            for (var c = 0; c < columns; c++) Assert.Equal(zj[c], z[(j * columns) + c]);
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(40)]
    public void Single_precision_products_agree_with_the_double_ones_and_a_given_transpose_changes_no_bit(int k)
    {
        var rng = new Random(100 + k);
        int rows = 300, columns = 700; // 700 × k outputs, each a sum of ~60 terms
        var (start, cols, vals) = RandomSparse(rng, rows, columns);
        var a = new CsrMatrix(rows, columns, start, cols, vals);
        var x = Enumerable.Range(0, columns * k).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var xt = Enumerable.Range(0, rows * k).Select(_ => rng.NextDouble() - 0.5).ToArray();
        double[] y = new double[rows * k], ySingle = new double[rows * k], z = new double[columns * k], zSingle = new double[columns * k];
        a.Multiply(x, y, k);
        a.MultiplySingle(x, ySingle, k, transpose: false);
        a.TransposeMultiply(xt, z, k);
        a.MultiplySingle(xt, zSingle, k, transpose: true);
        for (var i = 0; i < y.Length; i++) Assert.True(Math.Abs(y[i] - ySingle[i]) <= 1e-5 * (1 + Math.Abs(y[i])), $"A·X entry {i}: {y[i]} vs {ySingle[i]}");
        for (var i = 0; i < z.Length; i++) Assert.True(Math.Abs(z[i] - zSingle[i]) <= 1e-5 * (1 + Math.Abs(z[i])), $"AᵀX entry {i}: {z[i]} vs {zSingle[i]}");
        Assert.NotEqual(y, ySingle); // the float path really is float32

        // The same matrix handed over in float32 with its transpose (as PureSVD does from a RatingDataset): the same bits.
        var single = Array.ConvertAll(vals, v => (float)v);
        var tStart = new int[columns + 1];
        foreach (var c in cols) tStart[c + 1]++;
        for (var c = 0; c < columns; c++) tStart[c + 1] += tStart[c];
        var next = tStart[..^1];
        var tIndex = new int[cols.Length];
        var tValues = new float[cols.Length];
        for (var i = 0; i < rows; i++)
        {
            for (var p = start[i]; p < start[i + 1]; p++)
            {
                var slot = next[cols[p]]++;
                tIndex[slot] = i;
                tValues[slot] = single[p];
            }
        }

        var given = new CsrMatrix(rows, columns, start, cols, single, tStart, tIndex, tValues);
        double[] yGiven = new double[rows * k], zGiven = new double[columns * k];
        given.MultiplySingle(x, yGiven, k, transpose: false);
        given.MultiplySingle(xt, zGiven, k, transpose: true);
        Assert.Equal(ySingle, yGiven);
        Assert.Equal(zSingle, zGiven);
        Assert.Equal(Array.ConvertAll(single, v => (double)v), given.Values);
    }

    /// <summary>A rows × columns CSR matrix with about a fifth of its entries set, uniform in [−0.5, 0.5).</summary>
    private static (int[] Start, int[] Columns, double[] Values) RandomSparse(Random rng, int rows, int columns)
    {
        var start = new int[rows + 1];
        var cols = new List<int>();
        var vals = new List<double>();
        for (var i = 0; i < rows; i++)
        {
            for (var c = 0; c < columns; c++)
            {
                if (rng.NextDouble() < 0.2)
                {
                    cols.Add(c);
                    vals.Add(rng.NextDouble() - 0.5);
                }
            }

            start[i + 1] = cols.Count;
        }

        return (start, [.. cols], [.. vals]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Cholesky_qr_orthonormalizes_and_falls_back_on_a_rank_deficient_block(bool deficient)
    {
        int rows = 1_300, cols = 20; // three row chunks, the last one short
        var rng = new Random(2);
        var x = Enumerable.Range(0, rows * cols).Select(_ => rng.NextDouble() - 0.5).ToArray();
        if (deficient)
        {
            for (var i = 0; i < rows; i++) x[(5 * rows) + i] = 3 * x[(2 * rows) + i];
        }

        var before = (double[])x.Clone();
        var r = RandomizedSvd.Orthonormalize(x, rows, cols);
        for (var a = 0; a < cols; a++)
        {
            for (var b = 0; b < cols; b++)
            {
                var dot = 0.0;
                for (var i = 0; i < rows; i++) dot += x[(a * rows) + i] * x[(b * rows) + i];
                var expected = a == b && !(deficient && a == 5) ? 1.0 : 0.0;
                Assert.Equal(expected, dot, 10);
            }
        }

        for (var j = 0; j < cols; j++)
        {
            for (var i = 0; i < rows; i += 97)
            {
                var qr = 0.0;
                for (var p = 0; p <= j; p++) qr += x[(p * rows) + i] * r[(j * cols) + p];
                Assert.Equal(before[(j * rows) + i], qr, 10);
            }
        }
    }

    [Fact]
    public void Ziggurat_draws_are_standard_normal_and_the_same_on_any_thread_count()
    {
        var draws = Randomness.NormalRows(new Random(9), 4_000, 250, 250, 0, 1);
        var threaded = Randomness.NormalRows(new Random(9), 4_000, 250, 250, 0, 1, threads: 3);
        Assert.True(draws.AsSpan().SequenceEqual(threaded));
        double n = draws.Length, mean = draws.Average(x => (double)x);
        var variance = draws.Sum(x => (x - mean) * (x - mean)) / n;
        var kurtosis = draws.Sum(x => Math.Pow(x - mean, 4)) / n / (variance * variance);
        Assert.InRange(mean, -0.005, 0.005);
        Assert.InRange(variance, 0.99, 1.01);
        Assert.InRange(kurtosis, 2.95, 3.05);

        // Tail and centre masses against Φ: P(|x| > 2) = 0.0455, P(|x| > 3) = 0.0027, P(|x| < 0.5) = 0.3829.
        Assert.InRange(draws.Count(x => Math.Abs(x) > 2) / n, 0.0445, 0.0465);
        Assert.InRange(draws.Count(x => Math.Abs(x) > 3) / n, 0.0025, 0.0029);
        Assert.InRange(draws.Count(x => Math.Abs(x) < 0.5) / n, 0.3809, 0.3849);
        Assert.InRange(draws.Count(x => x > 0) / n, 0.498, 0.502);
    }

    [Fact]
    public void Ids_far_apart_get_the_same_vocabulary_as_dense_ones()
    {
        var dense = Ratings([3, 1, 3, 2], [10, 30, 20, 10]);
        var sparse = Ratings([int.MaxValue, -7, int.MaxValue, 0], [10, 30, 20, 10]);
        Assert.Equal([1, 2, 3], dense.UserIds);
        Assert.Equal([-7, 0, int.MaxValue], sparse.UserIds);
        Assert.Equal(dense.Users, sparse.Users);
        Assert.Equal([10, 20, 30], sparse.ItemIds);
        Assert.Equal([2, 0, 2, 1], dense.Users);
    }

    private static RatingDataset Ratings(int[] users, int[] movies) => RatingDataset.From(new Microsoft.Data.Analysis.DataFrame(
        new Microsoft.Data.Analysis.Int32DataFrameColumn(MovieRec.Data.Columns.UserId, users),
        new Microsoft.Data.Analysis.Int32DataFrameColumn(MovieRec.Data.Columns.MovieId, movies),
        new Microsoft.Data.Analysis.DoubleDataFrameColumn(MovieRec.Data.Columns.Rating, users.Select(_ => 4.0))));
}
