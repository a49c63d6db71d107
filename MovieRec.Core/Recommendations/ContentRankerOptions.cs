namespace MovieRec.Recommendations;

/// <summary>Options of <see cref="ContentRanker"/>.</summary>
public sealed record ContentRankerOptions
{
    /// <summary>The features the similarity space is built from (the recommender's: 32 text and 16 genome dimensions).</summary>
    public FeatureOptions Features { get; init; } = RecommenderOptions.DefaultFeatures;

    /// <summary>Block weights of the similarity space.</summary>
    public MovieSpaceOptions Space { get; init; } = new();
}
