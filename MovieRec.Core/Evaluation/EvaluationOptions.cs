namespace MovieRec.Evaluation;

/// <summary>Options of <see cref="Evaluator"/>.</summary>
public sealed record EvaluationOptions
{
    /// <summary>The ranking cut-off k.</summary>
    public int K { get; init; } = 10;

    /// <summary>A held-out item is relevant when its rating is at least this (a like, the name <see cref="Features.FeatureOptions.LikeThreshold"/>
    /// gives the same idea); null: every held-out item is relevant (recommenders' convention).</summary>
    public double? LikeThreshold { get; init; }

    /// <summary>Compute top-k metrics (scores every unseen movie for every test user).</summary>
    public bool Ranking { get; init; } = true;
}
