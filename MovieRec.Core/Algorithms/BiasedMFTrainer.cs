using System.Buffers;

namespace MovieRec.Algorithms;

/// <summary>
/// The SGD state of one <see cref="BiasedMF"/> fit, laid out for the kernel and for DSGD (Gemulla et al., KDD 2011):
/// users and movies are split into B blocks of about equal rating counts and renumbered so each block's rows are
/// contiguous; the ratings are stored cell by cell of the B×B grid. An epoch runs B strata; stratum s holds the cells
/// (b, (b + s) mod B), which share no user and no movie, so they run on any number of threads with the same result.
/// </summary>
internal sealed class BiasedMFTrainer
{
    private readonly BiasedMFOptions _options;
    private readonly int _blocks;
    private readonly int[] _cellStart;
    private readonly int[] _users;
    private readonly int[] _items;
    private readonly float[] _ratings;
    private readonly int[] _localUser;
    private readonly int[] _localItem;
    private readonly float[] _bu;
    private readonly float[] _bi;
    private readonly float[] _p;
    private readonly float[] _q;
    private readonly float _mu;

    private BiasedMFTrainer(RatingDataset train, BiasedMFOptions options)
    {
        _options = options;
        Stride = SgdKernel.Stride(options.Factors);
        var b = _blocks = Math.Max(1, options.Blocks);
        var rng = new Random(options.Seed);
        int nu = train.UserIds.Count, ni = train.ItemIds.Count;

        // Users in one seeded order, each user's ratings shuffled (p_u stays in cache across them); movies in a seeded
        // order. Consecutive runs of each order form the blocks, and the order is the training numbering.
        var userOrder = Enumerable.Range(0, nu).ToArray();
        rng.Shuffle(userOrder);
        var itemOrder = Enumerable.Range(0, ni).ToArray();
        rng.Shuffle(itemOrder);
        _localUser = Inverse(userOrder);
        _localItem = Inverse(itemOrder);
        var userBlock = Blocks(userOrder, u => train.UserStart[u + 1] - train.UserStart[u], train.Count, b);
        var itemBlock = Blocks(itemOrder, i => train.ItemCounts[i], train.Count, b);

        // Each user's ratings in a seeded order, then a stable counting sort by cell (computed twice rather than stored:
        // at 25M ratings that saves 200 MB).
        var order = ArrayPool<int>.Shared.Rent(train.Count);
        for (var x = 0; x < nu; x++)
        {
            var u = userOrder[x];
            var span = order.AsSpan(train.UserStart[u], train.UserStart[u + 1] - train.UserStart[u]);
            for (var y = 0; y < span.Length; y++) span[y] = train.UserStart[u] + y;
            rng.Shuffle(span);
        }

        int Cell(int localUser, int position) => (((itemBlock[_localItem[train.UserItems[position]]] - userBlock[localUser] + b) % b) * b) + userBlock[localUser];
        _cellStart = new int[(b * b) + 1];
        for (var lu = 0; lu < nu; lu++)
        {
            var u = userOrder[lu];
            for (var x = train.UserStart[u]; x < train.UserStart[u + 1]; x++) _cellStart[Cell(lu, order[x]) + 1]++;
        }

        for (var c = 0; c < b * b; c++) _cellStart[c + 1] += _cellStart[c];
        var next = _cellStart[..^1];
        // Pooled: a cross-validation fits many of these, and fresh large arrays each time cost gen-2 collections.
        _users = ArrayPool<int>.Shared.Rent(train.Count);
        _items = ArrayPool<int>.Shared.Rent(train.Count);
        _ratings = ArrayPool<float>.Shared.Rent(train.Count);
        for (var lu = 0; lu < nu; lu++)
        {
            var u = userOrder[lu];
            for (var x = train.UserStart[u]; x < train.UserStart[u + 1]; x++)
            {
                var position = order[x];
                var slot = next[Cell(lu, position)]++;
                _users[slot] = lu;
                _items[slot] = _localItem[train.UserItems[position]];
                _ratings[slot] = train.UserRatings[position];
            }
        }

        ArrayPool<int>.Shared.Return(order);
        _p = Randomness.NormalRows(rng, nu, options.Factors, Stride, options.InitMean, options.InitStdDev, options.Threads, ArrayPool<float>.Shared.Rent(nu * Stride));
        _q = Randomness.NormalRows(rng, ni, options.Factors, Stride, options.InitMean, options.InitStdDev, options.Threads, ArrayPool<float>.Shared.Rent(ni * Stride));
        _bu = new float[nu];
        _bi = new float[ni];
        _mu = (float)train.GlobalMean;
        Train = train;
    }

    /// <summary>The padded factor row length.</summary>
    public int Stride { get; }

    /// <summary>The training set.</summary>
    public RatingDataset Train { get; }

    /// <summary>The state before the first epoch.</summary>
    public static BiasedMFTrainer Prepare(RatingDataset train, BiasedMFOptions options) => new(train, options);

    /// <summary>One SGD pass over every rating (<see cref="Run"/> with one epoch).</summary>
    public void Epoch(CancellationToken cancellationToken = default) => Run(1, cancellationToken);

    /// <summary>
    /// <paramref name="epochs"/> SGD passes: B strata each, the cells of a stratum on up to
    /// <see cref="BiasedMFOptions.Threads"/> threads. The threads live for the whole call and meet at a spinning barrier
    /// after each stratum (a stratum is a fraction of a millisecond at ml-latest-small's size, too short to hand to the
    /// thread pool each time); each takes the next unclaimed cell of the stratum, which changes who runs a cell, never the
    /// result.
    /// </summary>
    public void Run(int epochs, CancellationToken cancellationToken = default)
    {
        float lr = (float)_options.LearningRate, reg = (float)_options.Regularization;
        var threads = Math.Clamp(_options.Threads, 1, _blocks);
        if (threads == 1)
        {
            for (var e = 0; e < epochs * _blocks; e++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var first = e % _blocks * _blocks;
                for (var c = first; c < first + _blocks; c++) RunCell(c, lr, reg);
            }

            return;
        }

        var barrier = new SpinBarrier(threads);
        var claimed = new int[epochs * _blocks];
        var stop = false;
        Exception? failure = null;
        void Work(int worker)
        {
            for (var step = 0; step < claimed.Length; step++)
            {
                if (worker == 0 && cancellationToken.IsCancellationRequested) Volatile.Write(ref stop, true);
                barrier.Wait();
                if (Volatile.Read(ref stop)) return;
                try
                {
                    var first = step % _blocks * _blocks;
                    for (var c = Interlocked.Increment(ref claimed[step]) - 1; c < _blocks; c = Interlocked.Increment(ref claimed[step]) - 1) RunCell(first + c, lr, reg);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    Interlocked.CompareExchange(ref failure, e, null);
                    Volatile.Write(ref stop, true);
                }
            }
        }

        var helpers = Enumerable.Range(1, threads - 1).Select(w => new Thread(() => Work(w)) { IsBackground = true, Name = "movierec-dsgd" }).ToArray();
        foreach (var helper in helpers) helper.Start();
        Work(0);
        foreach (var helper in helpers) helper.Join();
        if (failure is not null) throw new InvalidOperationException("A DSGD worker failed.", failure);
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>A sense-counting barrier that spins (yielding, never sleeping) while the others finish their cells.</summary>
    private sealed class SpinBarrier(int parties)
    {
        private readonly int _parties = parties;
        private int _waiting = parties;
        private int _phase;

        public void Wait()
        {
            var phase = Volatile.Read(ref _phase);
            if (Interlocked.Decrement(ref _waiting) == 0)
            {
                _waiting = _parties;
                Volatile.Write(ref _phase, phase + 1);
                return;
            }

            var spin = default(SpinWait);
            while (Volatile.Read(ref _phase) == phase) spin.SpinOnce(sleep1Threshold: -1);
        }
    }

    /// <summary>The fitted model, rows back in the dataset's numbering and unpadded.</summary>
    public BiasedMFModel ToModel()
    {
        var k = _options.Factors;
        var p = Unpad(_p, _localUser, k);
        var q = Unpad(_q, _localItem, k);
        var bu = Array.ConvertAll(_localUser, l => _bu[l]);
        var bi = Array.ConvertAll(_localItem, l => _bi[l]);
        return new BiasedMFModel(Train, _options, _mu, bu, bi, p, q);
    }

    /// <summary>Returns the pooled rating and factor arrays; the trainer is unusable afterwards.</summary>
    public void Release()
    {
        ArrayPool<int>.Shared.Return(_users);
        ArrayPool<int>.Shared.Return(_items);
        ArrayPool<float>.Shared.Return(_ratings);
        ArrayPool<float>.Shared.Return(_p);
        ArrayPool<float>.Shared.Return(_q);
    }

    private void RunCell(int c, float lr, float reg)
    {
        var range = new Range(_cellStart[c], _cellStart[c + 1]);
        SgdKernel.Run(_users.AsSpan(range), _items.AsSpan(range), _ratings.AsSpan(range), _mu, _bu, _bi, _p, _q, Stride, lr, reg);
    }

    private float[] Unpad(float[] padded, int[] local, int k)
    {
        var rows = new float[local.Length * k];
        for (var x = 0; x < local.Length; x++) padded.AsSpan(local[x] * Stride, k).CopyTo(rows.AsSpan(x * k, k));
        return rows;
    }

    private static int[] Inverse(int[] order)
    {
        var inverse = new int[order.Length];
        for (var x = 0; x < order.Length; x++) inverse[order[x]] = x;
        return inverse;
    }

    /// <summary>Block of each position of <paramref name="order"/>: consecutive runs holding about total / B ratings each.</summary>
    private static int[] Blocks(int[] order, Func<int, int> count, int total, int blocks)
    {
        var block = new int[order.Length];
        long before = 0;
        for (var x = 0; x < order.Length; x++)
        {
            block[x] = total == 0 ? 0 : (int)Math.Min(blocks - 1, before * blocks / total);
            before += count(order[x]);
        }

        return block;
    }
}
