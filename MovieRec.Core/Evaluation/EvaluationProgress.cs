namespace MovieRec.Evaluation;

/// <summary>Reported by <see cref="Evaluator.Compare"/> before each fit.</summary>
/// <param name="Algorithm">The name the algorithm was given.</param>
/// <param name="Split">The split about to be evaluated, from 1.</param>
/// <param name="Splits">How many splits each algorithm is evaluated on.</param>
public readonly record struct EvaluationProgress(string Algorithm, int Split, int Splits);
