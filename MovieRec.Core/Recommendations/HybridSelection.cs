namespace MovieRec.Recommendations;

/// <summary>
/// How the hybrid engine's weights were chosen: each component's NDCG@k alone and the chosen blend's on a validation split
/// of the training ratings (the one <see cref="ClassifierSelection"/> uses), a movie relevant when held out and liked.
/// </summary>
/// <param name="Weights">The weights the hybrid uses.</param>
/// <param name="SvdNdcg">Validation NDCG@k of the svd component alone (NaN when the weights were given, not learned).</param>
/// <param name="LikeNdcg">The same for the like probability alone.</param>
/// <param name="ContentNdcg">The same for the content similarity alone.</param>
/// <param name="HybridNdcg">The same for the chosen weights.</param>
/// <param name="ValidationUsers">The validation users the NDCG averages over (0 when the weights were given).</param>
public sealed record HybridSelection(HybridWeights Weights, double SvdNdcg, double LikeNdcg, double ContentNdcg, double HybridNdcg, int ValidationUsers)
{
    /// <summary>Weights given in the options: nothing was validated.</summary>
    public static HybridSelection Given(HybridWeights weights) => new(weights, double.NaN, double.NaN, double.NaN, double.NaN, 0);

    /// <summary>The selection as a table: component (svd, like, content, hybrid), weight, validationNdcg.</summary>
    public DataFrame ToDataFrame() => new(
        new StringDataFrameColumn("component", ["svd", "like", "content", "hybrid"]),
        new DoubleDataFrameColumn("weight", [Weights.Svd, Weights.Like, Weights.Content, double.NaN]),
        new DoubleDataFrameColumn("validationNdcg", [SvdNdcg, LikeNdcg, ContentNdcg, HybridNdcg]));
}
