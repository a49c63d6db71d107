namespace MovieRec.Algorithms;

/// <summary>
/// The batch form of <see cref="IScorer"/> for hot loops: scores every training movie of a user at once, addressed by
/// dense indexes of <see cref="IScorer.Train"/> (<see cref="RatingDataset.UserIndex"/>, <see cref="RatingDataset.ItemIds"/>),
/// not raw IDs. Ranking (<see cref="Scoring.Recommend"/>, <see cref="Evaluation.Evaluator"/>) uses this form.
/// </summary>
public interface IDenseScorer : IScorer
{
    /// <summary>Writes a ranking score for every training movie (index order of <see cref="RatingDataset.ItemIds"/>) of
    /// user index <paramref name="user"/> into <paramref name="scores"/>; higher is better.</summary>
    void ScoreDense(int user, Span<float> scores);
}
