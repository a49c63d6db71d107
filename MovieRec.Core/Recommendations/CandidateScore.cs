namespace MovieRec.Recommendations;

/// <summary>One candidate's validation result in a <see cref="ClassifierSelection"/>.</summary>
/// <param name="Candidate">The candidate's name.</param>
/// <param name="Kind">Its family.</param>
/// <param name="Parameters">Its hyperparameters, e.g. "l1=0 l2=1".</param>
/// <param name="ValidationAuc">ROC-AUC on the held-out training ratings (NaN when there was nothing to choose from).</param>
/// <param name="ValidationAveragePrecision">Average precision on the same rows.</param>
public sealed record CandidateScore(string Candidate, string Kind, string Parameters, double ValidationAuc, double ValidationAveragePrecision);
