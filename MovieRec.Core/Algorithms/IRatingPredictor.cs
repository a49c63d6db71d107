namespace MovieRec.Algorithms;

/// <summary>
/// Marks an algorithm built to predict ratings: its models predict on the rating scale, and it is tuned and judged by
/// rating error (RMSE, MAE), where the others are tuned and judged by their top-k lists. <c>movierec tune</c> picks its
/// default metric from this mark.
/// </summary>
/// <remarks>Item k-NN predicts ratings too (KNNBaseline-style), but its defaults were chosen for its top-N lists, so it
/// is not marked; its models still report <see cref="IScorer.PredictsRatings"/>, and rating metrics are computed for
/// every model that predicts ratings.</remarks>
public interface IRatingPredictor;
