using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace MovieRec.LinearAlgebra;

/// <summary>
/// A sparse matrix in compressed sparse row form, with the two products randomized SVD needs: <c>A·X</c> and
/// <c>Aᵀ·X</c> for a dense, column-major <c>X</c>. Both run straight over the arrays (no explicit transpose).
/// </summary>
/// <remarks>Cost of each product: O(nnz × columns of X). X is taken in blocks of 16 columns gathered row-major, so the
/// matrix is read once per block (not once per column) and each stored entry reads two cache lines; output rows run in
/// parallel with their sums in registers, and each output sums its terms in the same order as a plain dot per column, so
/// results are identical to the bit, run to run and thread count to thread count. The public products are double throughout;
/// <see cref="RandomizedSvd"/> uses a float32 variant with the same layout (half the bytes per gathered row).</remarks>
public sealed class CsrMatrix
{
    /// <summary>Creates a matrix from CSR arrays (taken, not copied).</summary>
    /// <param name="rows">Number of rows.</param>
    /// <param name="columns">Number of columns.</param>
    /// <param name="rowStart">Length rows + 1: row i's entries are <c>[rowStart[i], rowStart[i + 1])</c>.</param>
    /// <param name="columnIndex">The column of each entry.</param>
    /// <param name="values">The value of each entry.</param>
    public CsrMatrix(int rows, int columns, int[] rowStart, int[] columnIndex, double[] values)
    {
        ArgumentNullException.ThrowIfNull(rowStart);
        ArgumentNullException.ThrowIfNull(columnIndex);
        ArgumentNullException.ThrowIfNull(values);
        if (rowStart.Length != rows + 1) throw new ArgumentException("rowStart must have rows + 1 entries.", nameof(rowStart));
        if (columnIndex.Length != values.Length || rowStart[rows] != values.Length) throw new ArgumentException("Entry arrays disagree in length.", nameof(values));
        Rows = rows;
        Columns = columns;
        RowStart = rowStart;
        ColumnIndex = columnIndex;
        _values = values;
    }

    /// <summary>A float32 matrix whose transpose is already at hand (e.g. a <see cref="RatingDataset"/>'s
    /// by-user and by-movie CSR): nothing is converted or transposed, and <see cref="Values"/> is made on first use.</summary>
    internal CsrMatrix(int rows, int columns, int[] rowStart, int[] columnIndex, float[] values, int[] transposeStart, int[] transposeIndex, float[] transposeValues)
    {
        if (rowStart.Length != rows + 1 || transposeStart.Length != columns + 1) throw new ArgumentException("Offsets must have one entry more than rows (columns).");
        if (columnIndex.Length != values.Length || transposeIndex.Length != values.Length || transposeValues.Length != values.Length)
        {
            throw new ArgumentException("Entry arrays disagree in length.", nameof(values));
        }

        Rows = rows;
        Columns = columns;
        RowStart = rowStart;
        ColumnIndex = columnIndex;
        _singleValues = values;
        _singleTranspose = (transposeStart, transposeIndex, transposeValues);
    }

    private double[]? _values;

    /// <summary>Number of rows.</summary>
    public int Rows { get; }

    /// <summary>Number of columns.</summary>
    public int Columns { get; }

    /// <summary>Row offsets into <see cref="ColumnIndex"/> and <see cref="Values"/> (length Rows + 1).</summary>
    public int[] RowStart { get; }

    /// <summary>Column of each stored entry.</summary>
    public int[] ColumnIndex { get; }

    /// <summary>Value of each stored entry.</summary>
    public double[] Values => _values ??= Array.ConvertAll(_singleValues!, v => (double)v);

    /// <summary>Number of stored entries.</summary>
    public int NonZeros => ColumnIndex.Length;

    /// <summary>Builds a CSR matrix from a dense row-major array (zeros are not stored). For tests and small inputs.</summary>
    public static CsrMatrix FromDense(double[,] dense)
    {
        ArgumentNullException.ThrowIfNull(dense);
        int m = dense.GetLength(0), n = dense.GetLength(1);
        var start = new int[m + 1];
        var cols = new List<int>();
        var vals = new List<double>();
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (dense[i, j] == 0) continue;
                cols.Add(j);
                vals.Add(dense[i, j]);
            }

            start[i + 1] = vals.Count;
        }

        return new CsrMatrix(m, n, start, [.. cols], [.. vals]);
    }

    /// <summary>Columns of X per block: two cache lines of doubles per stored entry and block, so the matrix is read
    /// ⌈k / 16⌉ times per product.</summary>
    private const int BlockWidth = 16;

    /// <summary>How many entries ahead the dense row is prefetched: the products gather random rows, and asking 16
    /// entries early shortens them by about a quarter at 25M ratings (the PureSVD stage of
    /// <c>movierec bench --scale 25m</c>), with the same results to the bit.</summary>
    private const int PrefetchDistance = 16;

    /// <summary>Output rows per parallel work item.</summary>
    private const int RowsPerTask = 512;

    /// <summary>The public products' parallelism: every core (their results do not depend on it).</summary>
    private static readonly ParallelOptions AllCores = new();

    private (int[] Start, int[] Index, double[] Values)? _transpose;
    private float[]? _singleValues;
    private (int[] Start, int[] Index, float[] Values)? _singleTranspose;

    /// <summary><c>Y = A·X</c>, X column-major Columns × k, Y column-major Rows × k (overwritten).</summary>
    public void Multiply(double[] x, double[] y, int k)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Length < Columns * k || y.Length < Rows * k) throw new ArgumentException("Dense operands are too small.");
        Product(RowStart, ColumnIndex, Values, Rows, Columns, x, y, k, AllCores);
    }

    /// <summary><c>Y = Aᵀ·X</c>, X column-major Rows × k, Y column-major Columns × k (overwritten). Runs over the
    /// transpose in CSR form (built on first use: O(nnz) time, 12 bytes per entry), entries by ascending row, so each
    /// output sums its terms in the order a scatter over A's rows would.</summary>
    public void TransposeMultiply(double[] x, double[] y, int k)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Length < Rows * k || y.Length < Columns * k) throw new ArgumentException("Dense operands are too small.");
        var (start, index, values) = _transpose ??= Transpose(Values);
        Product(start, index, values, Columns, Rows, x, y, k, AllCores);
    }

    /// <summary>Y = M·X for M in CSR form (outRows × inRows), X column-major inRows × k, Y column-major outRows × k:
    /// X in blocks of <see cref="BlockWidth"/> columns gathered row-major in precision <typeparamref name="T"/>, output rows
    /// in parallel with the running sums in registers (four 256-bit vectors of doubles or two of floats). Each output sums
    /// its entries in stored order from zero (a multiply, then an add), whatever the threads.</summary>
    private static void Product<T>(int[] start, int[] index, T[] values, int outRows, int inRows, double[] x, double[] y, int k, ParallelOptions parallel)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var lanes = Vector256<T>.Count; // 4 or 8: a constant once the JIT specializes T
        var xb = new T[inRows * BlockWidth];
        for (var j0 = 0; j0 < k; j0 += BlockWidth)
        {
            var w = Math.Min(BlockWidth, k - j0);
            if (w < BlockWidth) Array.Clear(xb);
            for (var jj = 0; jj < w; jj++)
            {
                var column = x.AsSpan((j0 + jj) * inRows, inRows);
                for (var i = 0; i < inRows; i++) xb[(i * BlockWidth) + jj] = T.CreateTruncating(column[i]);
            }

            var first = j0;
            Parallel.For(0, (outRows + RowsPerTask - 1) / RowsPerTask, parallel, task =>
            {
                Span<T> acc = stackalloc T[BlockWidth];
                ref var x0 = ref xb[0];
                for (var i = task * RowsPerTask; i < Math.Min(outRows, (task + 1) * RowsPerTask); i++)
                {
                    Vector256<T> s0 = Vector256<T>.Zero, s1 = s0, s2 = s0, s3 = s0;
                    for (var p = start[i]; p < start[i + 1]; p++)
                    {
                        if (p + PrefetchDistance < start[i + 1]) CachePrefetch.Lines(ref Unsafe.Add(ref x0, (nint)index[p + PrefetchDistance] * BlockWidth), BlockWidth * Unsafe.SizeOf<T>());
                        var a = Vector256.Create(values[p]);
                        var at = (nuint)index[p] * BlockWidth;
                        s0 += Vector256.LoadUnsafe(ref x0, at) * a;
                        s1 += Vector256.LoadUnsafe(ref x0, at + (nuint)lanes) * a;
                        if (lanes == 4)
                        {
                            s2 += Vector256.LoadUnsafe(ref x0, at + 8) * a;
                            s3 += Vector256.LoadUnsafe(ref x0, at + 12) * a;
                        }
                    }

                    s0.CopyTo(acc);
                    s1.CopyTo(acc[lanes..]);
                    if (lanes == 4)
                    {
                        s2.CopyTo(acc[8..]);
                        s3.CopyTo(acc[12..]);
                    }

                    for (var jj = 0; jj < w; jj++) y[((first + jj) * outRows) + i] = double.CreateTruncating(acc[jj]);
                }
            });
        }
    }

    /// <summary>
    /// <c>Y = A·X</c> (<paramref name="transpose"/> false) or <c>Y = Aᵀ·X</c> in single precision: the entries and the
    /// gathered X rows are float32 and each output accumulates in float32 (relative error ~10⁻⁶, enough for a randomized
    /// range finder), reading half the memory of <see cref="Multiply"/>: 16 columns of X per cache line. Same layout and the
    /// same determinism as the double products.
    /// </summary>
    internal void MultiplySingle(double[] x, double[] y, int k, bool transpose, ParallelOptions? parallel = null)
    {
        _singleValues ??= Array.ConvertAll(Values, v => (float)v);
        var (start, index, values) = transpose ? _singleTranspose ??= Transpose(_singleValues) : (RowStart, ColumnIndex, _singleValues);
        Product(start, index, values, transpose ? Columns : Rows, transpose ? Rows : Columns, x, y, k, parallel ?? AllCores);
    }

    /// <summary>Aᵀ in CSR form, each column's entries by ascending row.</summary>
    private (int[] Start, int[] Index, T[] Values) Transpose<T>(T[] source)
    {
        var start = new int[Columns + 1];
        foreach (var c in ColumnIndex) start[c + 1]++;
        for (var c = 0; c < Columns; c++) start[c + 1] += start[c];
        var next = start[..^1];
        var rows = new int[source.Length];
        var values = new T[source.Length];
        for (var i = 0; i < Rows; i++)
        {
            for (var p = RowStart[i]; p < RowStart[i + 1]; p++)
            {
                var slot = next[ColumnIndex[p]]++;
                rows[slot] = i;
                values[slot] = source[p];
            }
        }

        return (start, rows, values);
    }
}
