namespace MovieRec.Features;

/// <summary>Block weights of <see cref="MovieEmbeddingSpace"/>. Each block has unit norm before weighting, so a weight is the block's share of the cosine.</summary>
/// <remarks>The defaults were chosen by a measured criterion, <c>MovieSpaceTuning.Compare</c> (MovieRec.Recommendations) on
/// ml-latest-small with the TMDB sample, seed 42: the grid point whose neighbours agree best with held-out co-rating
/// neighbours (mean held-out co-rating cosine 0.070, against 0.052 for the former weights numeric 0.5, genre 1, text 1,
/// whose neighbours had the query's exact genre string 78% of the time; now 33%). Notebook 06 shows the grid.</remarks>
public sealed record MovieSpaceOptions
{
    /// <summary>Named defaults.</summary>
    public static class Defaults
    {
        /// <summary>Weight of the numeric block.</summary>
        public const float NumericWeight = 1f;

        /// <summary>Weight of the genre block.</summary>
        public const float GenreWeight = 0.25f;

        /// <summary>Weight of the text block.</summary>
        public const float TextWeight = 0.25f;

        /// <summary>Weight of the genome block.</summary>
        public const float GenomeWeight = 1f;
    }

    /// <summary>Weight of the standardized numeric features.</summary>
    public float NumericWeight { get; init; } = Defaults.NumericWeight;

    /// <summary>Weight of the genre indicator block.</summary>
    public float GenreWeight { get; init; } = Defaults.GenreWeight;

    /// <summary>Weight of the text embedding.</summary>
    public float TextWeight { get; init; } = Defaults.TextWeight;

    /// <summary>Weight of the genome embedding.</summary>
    public float GenomeWeight { get; init; } = Defaults.GenomeWeight;

    /// <summary>The numeric movie features used (standardized with training-movie mean and deviation).</summary>
    public IReadOnlyList<string> NumericFeatures { get; init; } = ["movieBayesMean", "movieLogPopularity", "movieLikeRatio", "movieYear"];

    /// <summary>Only the overview text embedding: neighbours that are described alike.</summary>
    public static MovieSpaceOptions TextOnly { get; } = new() { NumericWeight = 0, GenreWeight = 0, TextWeight = 1, GenomeWeight = 0 };

    /// <summary>Only the tag-genome embedding: neighbours that the community tags alike.</summary>
    public static MovieSpaceOptions GenomeOnly { get; } = new() { NumericWeight = 0, GenreWeight = 0, TextWeight = 0, GenomeWeight = 1 };

    /// <summary>Every block at its default weight (the recommender's similar-movies space).</summary>
    public static MovieSpaceOptions Combined { get; } = new();
}
