namespace MovieRec.Algorithms;

/// <summary>
/// User and item factor matrices (float32, row-major) with the item matrix also kept transposed, so scoring all items for
/// a user is k vectorized multiply-adds over contiguous rows instead of one short dot per item. Shared by the latent
/// factor models (<see cref="PureSvd"/>, <see cref="ImplicitAls"/>, <see cref="Bpr"/>, <see cref="SvdPlusPlus"/>).
/// </summary>
internal sealed class LatentFactors
{
    private readonly float[] _qt;

    public LatentFactors(int factors, float[] users, float[] items)
    {
        Factors = factors;
        Users = users;
        Items = items;
        var n = items.Length / factors;
        _qt = new float[items.Length];
        for (var i = 0; i < n; i++)
        {
            for (var c = 0; c < factors; c++) _qt[(c * n) + i] = items[(i * factors) + c];
        }
    }

    public int Factors { get; }

    public float[] Users { get; }

    public float[] Items { get; }

    public Span<float> User(int u) => Users.AsSpan(u * Factors, Factors);

    public Span<float> Item(int i) => Items.AsSpan(i * Factors, Factors);

    public float Dot(int u, int i) => TensorPrimitives.Dot(User(u), Item(i));

    /// <summary>scores[i] = start + p·q_i for every item, p a user's factor row: k vectorized passes over the items.</summary>
    public void Score(ReadOnlySpan<float> p, Span<float> scores, float start)
    {
        var n = Items.Length / Factors;
        var target = scores[..n];
        target.Fill(start);
        for (var c = 0; c < Factors; c++) TensorPrimitives.MultiplyAdd(_qt.AsSpan(c * n, n), p[c], target, target);
    }

    /// <summary>scores[i] = offset[i] (or 0) + p·q_i for every item, p a user's factor row.</summary>
    public void Score(ReadOnlySpan<float> p, Span<float> scores, ReadOnlySpan<float> offset = default)
    {
        var n = Items.Length / Factors;
        var target = scores[..n];
        if (offset.IsEmpty) target.Clear();
        else offset[..n].CopyTo(target);
        for (var c = 0; c < Factors; c++) TensorPrimitives.MultiplyAdd(_qt.AsSpan(c * n, n), p[c], target, target);
    }
}
