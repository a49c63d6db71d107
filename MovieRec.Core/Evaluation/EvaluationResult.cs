namespace MovieRec.Evaluation;

/// <summary>What <see cref="Evaluator"/> measured for one algorithm (or fitted model) on one split.</summary>
/// <param name="Algorithm">The algorithm's name.</param>
/// <param name="Rmse">RMSE on the test ratings (NaN for algorithms that do not predict ratings).</param>
/// <param name="Mae">MAE on the test ratings.</param>
/// <param name="Ranking">Top-k metrics, or null when not computed.</param>
/// <param name="FitSeconds">Training time.</param>
/// <param name="PredictSeconds">Time to predict the test ratings (Surprise's "test").</param>
/// <param name="RankSeconds">Time to score and rank every unseen movie for every test user (0 without ranking).</param>
/// <param name="Fallbacks">Test predictions that used a fallback (unknown user or movie).</param>
public sealed record EvaluationResult(string Algorithm, double Rmse, double Mae, RankingReport? Ranking, double FitSeconds, double PredictSeconds, double RankSeconds, int Fallbacks);
