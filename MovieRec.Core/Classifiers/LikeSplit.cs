namespace MovieRec.Classifiers;

/// <summary>A train / validation / test split of ratings for the classifiers.</summary>
/// <param name="Train">Training ratings (features are fitted on these only).</param>
/// <param name="Validation">Validation ratings (model selection).</param>
/// <param name="Test">Test ratings (the final score).</param>
/// <param name="MovedToTraining">Validation and test rows moved to training because their user had no training rating.</param>
public sealed record LikeSplit(DataFrame Train, DataFrame Validation, DataFrame Test, int MovedToTraining);
