namespace MovieRec.Recommendations;

/// <summary>The recommendation engines.</summary>
public enum RecommenderEngine
{
    /// <summary>Collaborative filtering: PureSVD scores of unseen movies.</summary>
    Svd,

    /// <summary>The like classifier: P(like | rated) of each unseen movie times a popularity prior, i.e. P(rated and liked).</summary>
    Ml,

    /// <summary>Content: cosine between each unseen movie and the centroid of the user's liked movies in the similarity space.</summary>
    Content,

    /// <summary>
    /// A learned blend: Σ w_c z_c of the PureSVD scores (will the user watch it), the like classifier's P(like | rated)
    /// (will they like it) and the content similarity, each standardized per user, with weights chosen on a validation split
    /// of the training ratings (<see cref="HybridWeights"/>, <see cref="HybridSelection"/>).
    /// </summary>
    Hybrid,
}
