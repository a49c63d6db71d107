namespace MovieRec.Recommendations;

/// <summary>The recommendation engines.</summary>
public enum RecommenderEngine
{
    /// <summary>Collaborative filtering: PureSVD scores of unseen movies.</summary>
    Svd,

    /// <summary>The like classifier: predicted probability that the user likes each unseen movie.</summary>
    Ml,

    /// <summary>Reciprocal-rank fusion of the SVD, ML and content rankings.</summary>
    Hybrid,
}
