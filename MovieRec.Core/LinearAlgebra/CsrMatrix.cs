namespace MovieRec.LinearAlgebra;

/// <summary>
/// A sparse matrix in compressed sparse row form, with the two products randomized SVD needs: <c>A·X</c> and
/// <c>Aᵀ·X</c> for a dense, column-major <c>X</c>. Both run straight over the arrays (no explicit transpose).
/// </summary>
/// <remarks>Cost of each product: O(nnz × columns of X). The columns of X are processed in parallel; every output column is
/// written by one thread in a fixed order, so results are identical run to run.</remarks>
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

    /// <summary><c>Y = A·X</c>, X column-major Columns × k, Y column-major Rows × k (overwritten).</summary>
    public void Multiply(double[] x, double[] y, int k)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Length < Columns * k || y.Length < Rows * k) throw new ArgumentException("Dense operands are too small.");
        var xs = x;
        var ys = y;
        Parallel.For(0, k, j =>
        {
            var xj = xs.AsSpan(j * Columns, Columns);
            var yj = ys.AsSpan(j * Rows, Rows);
            for (var i = 0; i < Rows; i++)
            {
                var sum = 0.0;
                for (var p = RowStart[i]; p < RowStart[i + 1]; p++) sum += Values[p] * xj[ColumnIndex[p]];
                yj[i] = sum;
            }
        });
    }

    /// <summary><c>Y = Aᵀ·X</c>, X column-major Rows × k, Y column-major Columns × k (overwritten).</summary>
    public void TransposeMultiply(double[] x, double[] y, int k)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Length < Rows * k || y.Length < Columns * k) throw new ArgumentException("Dense operands are too small.");
        var xs = x;
        var ys = y;
        Array.Clear(ys, 0, Columns * k);
        Parallel.For(0, k, j =>
        {
            var xj = xs.AsSpan(j * Rows, Rows);
            var yj = ys.AsSpan(j * Columns, Columns);
            for (var i = 0; i < Rows; i++)
            {
                var xi = xj[i];
                if (xi == 0) continue;
                for (var p = RowStart[i]; p < RowStart[i + 1]; p++) yj[ColumnIndex[p]] += Values[p] * xi;
            }
        });
    }
}
