using MovieRec.LinearAlgebra;
using MovieRec.Synthetic;

namespace MovieRec.Benchmarks;

/// <summary>
/// The sparse × dense products of randomized SVD (PureSVD, the text embeddings) on a generated 40,000 × 20,000 rating
/// matrix with 4,000,026 entries, k = 74 (PureSVD's 64 factors + 10 oversampling): A·X and Aᵀ·X in double (the public
/// <see cref="CsrMatrix.Multiply"/>) and in the float32 form randomized SVD uses. 2·k flops per stored entry.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[ThroughputColumns]
public class SparseProductBenchmarks
{
    private const int K = 74;
    private const double Entries = 4_000_026; // what the generator gives for 4,000,000 requested ratings, seed 5

    private CsrMatrix _matrix = null!;
    private double[] _x = null!;
    private double[] _y = null!;

    [GlobalSetup]
    public void Setup()
    {
        var data = SyntheticDataGenerator.Generate(new SyntheticOptions { Users = 40_000, Movies = 20_000, Ratings = 4_000_000, GenomeMovies = 10, Seed = 5 });
        var set = RatingDataset.From(data.Ratings);
        if (set.Count != Entries) throw new InvalidOperationException($"The generator changed: {set.Count} ratings; update Entries.");
        _matrix = new CsrMatrix(set.UserIds.Count, set.ItemIds.Count, set.UserStart, set.UserItems, Array.ConvertAll(set.UserRatings, v => (double)v));
        var rng = new Random(1);
        _x = new double[Math.Max(_matrix.Rows, _matrix.Columns) * K];
        for (var i = 0; i < _x.Length; i++) _x[i] = rng.NextDouble() - 0.5;
        _y = new double[_x.Length];
        _matrix.TransposeMultiply(_x, _y, K);   // build both transposes outside the timing
        _matrix.MultiplySingle(_x, _y, K, transpose: true);
    }

    /// <summary>Y = A·X in double: blocks of 16 columns, two cache lines per gathered row.</summary>
    [Benchmark(Baseline = true)]
    [Throughput(Entries, 2 * K, "entries")]
    public void Multiply_Double() => _matrix.Multiply(_x, _y, K);

    /// <summary>Y = A·X in float32: one cache line per gathered row.</summary>
    [Benchmark]
    [Throughput(Entries, 2 * K, "entries")]
    public void Multiply_Single() => _matrix.MultiplySingle(_x, _y, K, transpose: false);

    /// <summary>Y = Aᵀ·X in double, over the stored transpose.</summary>
    [Benchmark]
    [Throughput(Entries, 2 * K, "entries")]
    public void TransposeMultiply_Double() => _matrix.TransposeMultiply(_x, _y, K);

    /// <summary>Y = Aᵀ·X in float32.</summary>
    [Benchmark]
    [Throughput(Entries, 2 * K, "entries")]
    public void TransposeMultiply_Single() => _matrix.MultiplySingle(_x, _y, K, transpose: true);
}
