namespace MovieRec.Algorithms;

/// <summary>
/// A model whose dense scores are offset + p_u·q_i over <see cref="LatentFactors"/>, exactly as
/// <see cref="LatentFactors.Score(ReadOnlySpan{float}, Span{float}, ReadOnlySpan{float})"/> computes them, so
/// <see cref="BlockedTopN"/> can rank many users by blocked matrix products with the same numbers.
/// </summary>
internal interface ILatentScorer : IDenseScorer
{
    /// <summary>The factor matrices.</summary>
    LatentFactors Factors { get; }

    /// <summary>Added to every item's score of <paramref name="user"/> (0 when the model has none).</summary>
    float UserOffset(int user);

    /// <summary>Per-item offsets, or empty.</summary>
    ReadOnlySpan<float> ItemOffsets { get; }
}
