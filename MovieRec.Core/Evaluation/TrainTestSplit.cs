namespace MovieRec.Evaluation;

/// <summary>A training and a test ratings DataFrame.</summary>
/// <param name="Train">Ratings to fit on.</param>
/// <param name="Test">Held-out ratings to evaluate on.</param>
public sealed record TrainTestSplit(DataFrame Train, DataFrame Test);
