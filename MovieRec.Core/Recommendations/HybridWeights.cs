namespace MovieRec.Recommendations;

/// <summary>Weights of the hybrid engine's standardized components (see <see cref="RecommenderEngine.Hybrid"/>).</summary>
/// <param name="Svd">Weight of the PureSVD scores: which movies the user is likely to watch.</param>
/// <param name="Like">Weight of the like classifier's P(like | rated), without the popularity prior: whether the user will like it.</param>
/// <param name="Content">Weight of the content similarity to the user's liked movies.</param>
public sealed record HybridWeights(double Svd, double Like, double Content)
{
    /// <summary>The PureSVD scores alone.</summary>
    public static HybridWeights SvdOnly { get; } = new(1, 0, 0);
}
