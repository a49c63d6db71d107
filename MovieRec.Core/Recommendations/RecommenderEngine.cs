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

    /// <summary>Reciprocal-rank fusion of the SVD, ML and content rankings.</summary>
    Hybrid,
}
