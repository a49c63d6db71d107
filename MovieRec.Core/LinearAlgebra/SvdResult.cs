namespace MovieRec.LinearAlgebra;

/// <summary>A truncated SVD A ≈ U·diag(S)·Vᵀ with k factors; U and V are column-major.</summary>
public sealed class SvdResult
{
    internal SvdResult(double[] singularValues, double[] left, double[] right, int rows, int columns)
    {
        SingularValues = singularValues;
        Left = left;
        Right = right;
        Rows = rows;
        Columns = columns;
    }

    /// <summary>The singular values, descending (length k).</summary>
    public double[] SingularValues { get; }

    /// <summary>U: left singular vectors, Rows × k, column-major.</summary>
    public double[] Left { get; }

    /// <summary>V: right singular vectors, Columns × k, column-major.</summary>
    public double[] Right { get; }

    /// <summary>Rows of A.</summary>
    public int Rows { get; }

    /// <summary>Columns of A.</summary>
    public int Columns { get; }

    /// <summary>k, the number of components.</summary>
    public int Factors => SingularValues.Length;

    /// <summary>Column <paramref name="component"/> of V (length Columns).</summary>
    public ReadOnlySpan<double> RightVector(int component) => Right.AsSpan(component * Columns, Columns);

    /// <summary>Column <paramref name="component"/> of U (length Rows).</summary>
    public ReadOnlySpan<double> LeftVector(int component) => Left.AsSpan(component * Rows, Rows);
}
