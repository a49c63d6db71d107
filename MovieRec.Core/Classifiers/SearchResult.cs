namespace MovieRec.Classifiers;

/// <summary>The outcome of a hyperparameter search.</summary>
/// <param name="Kind">The family searched.</param>
/// <param name="Best">The candidate with the best mean cross-validated score.</param>
/// <param name="BestScore">Its mean score.</param>
/// <param name="Results">Every candidate: model, candidate, parameters, mean and std of the metric, one column per fold, seconds.</param>
public sealed record SearchResult(ClassifierKind Kind, ClassifierOptions Best, double BestScore, DataFrame Results);
