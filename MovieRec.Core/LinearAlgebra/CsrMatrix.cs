using System.Runtime.Intrinsics;

namespace MovieRec.LinearAlgebra;

/// <summary>
/// A sparse matrix in compressed sparse row form, with the two products randomized SVD needs: <c>A·X</c> and
/// <c>Aᵀ·X</c> for a dense, column-major <c>X</c>. Both run straight over the arrays (no explicit transpose).
/// </summary>
/// <remarks>Cost of each product: O(nnz × columns of X). X is taken in blocks of 8 columns gathered row-major, so the
/// matrix is read once per block (not once per column) and each stored entry updates one cache line; blocks run in
/// parallel, every output column is written by one thread in a fixed order, and each output sums its terms in the same
/// order as a plain dot per column, so results are identical to the bit, run to run and thread count to thread count.</remarks>
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
        Values = values;
    }

    /// <summary>Number of rows.</summary>
    public int Rows { get; }

    /// <summary>Number of columns.</summary>
    public int Columns { get; }

    /// <summary>Row offsets into <see cref="ColumnIndex"/> and <see cref="Values"/> (length Rows + 1).</summary>
    public int[] RowStart { get; }

    /// <summary>Column of each stored entry.</summary>
    public int[] ColumnIndex { get; }

    /// <summary>Value of each stored entry.</summary>
    public double[] Values { get; }

    /// <summary>Number of stored entries.</summary>
    public int NonZeros => Values.Length;

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

    /// <summary>Columns of X per block: one cache line of doubles, so each stored entry touches one line of X or Y.</summary>
    private const int BlockWidth = 8;

    /// <summary><c>Y = A·X</c>, X column-major Columns × k, Y column-major Rows × k (overwritten).</summary>
    public void Multiply(double[] x, double[] y, int k)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Length < Columns * k || y.Length < Rows * k) throw new ArgumentException("Dense operands are too small.");
        ForEachBlock(k, (j0, w) =>
        {
            // Y[i, j0..j0+w) = Σ_p a_p · X[col_p, j0..j0+w), entries in order from 0.0, as one dot per (i, j) would.
            var xb = Gather(x, Columns, j0, w);
            Span<double> acc = stackalloc double[BlockWidth];
            for (var i = 0; i < Rows; i++)
            {
                acc.Clear();
                for (var p = RowStart[i]; p < RowStart[i + 1]; p++) AddScaled(xb.AsSpan(ColumnIndex[p] * BlockWidth, BlockWidth), Values[p], acc);
                for (var jj = 0; jj < w; jj++) y[((j0 + jj) * Rows) + i] = acc[jj];
            }
        });
    }

    /// <summary><c>Y = Aᵀ·X</c>, X column-major Rows × k, Y column-major Columns × k (overwritten).</summary>
    public void TransposeMultiply(double[] x, double[] y, int k)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Length < Rows * k || y.Length < Columns * k) throw new ArgumentException("Dense operands are too small.");
        ForEachBlock(k, (j0, w) =>
        {
            // Y[col_p, j0..j0+w) += a_p · X[i, j0..j0+w), rows in order: each Y entry sums its terms as a scatter by column would.
            var xb = Gather(x, Rows, j0, w);
            var yb = new double[Columns * BlockWidth];
            for (var i = 0; i < Rows; i++)
            {
                var xi = xb.AsSpan(i * BlockWidth, BlockWidth);
                for (var p = RowStart[i]; p < RowStart[i + 1]; p++) AddScaled(xi, Values[p], yb.AsSpan(ColumnIndex[p] * BlockWidth, BlockWidth));
            }

            for (var jj = 0; jj < w; jj++)
            {
                for (var c = 0; c < Columns; c++) y[((j0 + jj) * Columns) + c] = yb[(c * BlockWidth) + jj];
            }
        });
    }

    /// <summary>Runs <paramref name="block"/>(first column, width) for each block of <see cref="BlockWidth"/> columns,
    /// blocks in parallel: each block reads the matrix once and writes its own output columns, so results never depend on
    /// the threads.</summary>
    private static void ForEachBlock(int k, Action<int, int> block) =>
        Parallel.For(0, (k + BlockWidth - 1) / BlockWidth, b => block(b * BlockWidth, Math.Min(BlockWidth, k - (b * BlockWidth))));

    /// <summary>Columns j0..j0+w of a column-major matrix with <paramref name="rows"/> rows, row-major with rows padded to <see cref="BlockWidth"/> (zeros).</summary>
    private static double[] Gather(double[] x, int rows, int j0, int w)
    {
        var block = new double[rows * BlockWidth];
        for (var jj = 0; jj < w; jj++)
        {
            var column = x.AsSpan((j0 + jj) * rows, rows);
            for (var i = 0; i < rows; i++) block[(i * BlockWidth) + jj] = column[i];
        }

        return block;
    }

    /// <summary>target += a · source over one block row (a multiply, then an add: no fused rounding).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static void AddScaled(ReadOnlySpan<double> source, double a, Span<double> target)
    {
        var scale = Vector256.Create(a);
        var lo = Vector256.Create(source[..4]);
        var hi = Vector256.Create(source[4..8]);
        (Vector256.Create((ReadOnlySpan<double>)target[..4]) + (lo * scale)).CopyTo(target[..4]);
        (Vector256.Create((ReadOnlySpan<double>)target[4..8]) + (hi * scale)).CopyTo(target[4..8]);
    }
}
