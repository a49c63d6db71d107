using MovieRec.Algorithms;
using MovieRec.Features;

namespace MovieRec.Recommendations;

/// <summary>Options of <see cref="MovieRecommender"/>.</summary>
public sealed record RecommenderOptions
{
    /// <summary>Named defaults.</summary>
    public static class Defaults
    {
        /// <summary>Seed of every learned part.</summary>
        public const int Seed = 42;

        /// <summary>Share of each user's training ratings held out to choose the classifier.</summary>
        public const double ValidationFraction = 0.1;

        /// <summary>Exponent of the ML engine's popularity prior (1: P(rated) · P(like | rated)).</summary>
        public const double PopularityPrior = 1.0;

        /// <summary>k of reciprocal-rank fusion.</summary>
        public const int FusionK = 60;
    }

    /// <summary>Seed of every learned part.</summary>
    public int Seed { get; init; } = Defaults.Seed;

    /// <summary>Features for the ML engine and the similarity space.</summary>
    public FeatureOptions Features { get; init; } = new() { Text = new() { Components = 32 }, GenomeComponents = 16 };

    /// <summary>The classifiers the ML engine chooses from by validation (<see cref="ClassifierSelection"/>); with one, it is
    /// used without validation. Default: logistic regression and a regularized LightGBM (the baseline LightGBM overfits, see
    /// <see cref="ClassifierCandidate.LightGbmRegularized"/>, and each candidate adds about a second to the fit).</summary>
    public IReadOnlyList<ClassifierCandidate> Classifiers { get; init; } = [ClassifierCandidate.LogisticRegression, ClassifierCandidate.LightGbmRegularized];

    /// <summary>Share of each user's training ratings held out to choose the classifier (never test ratings).</summary>
    public double ValidationFraction { get; init; } = Defaults.ValidationFraction;

    /// <summary>
    /// Exponent a of the ML engine's popularity prior: score = P(like | rated) · ((n + 1) / U)^a, n the movie's training
    /// ratings and U the users. 0 ranks by the classifier alone.
    /// </summary>
    /// <remarks>The classifier learns P(like | rated) from rated pairs only, so it cannot say which unrated movies a user
    /// will watch; alone, it ranks one-rating movies first and ties them. (n + 1) / U estimates P(rated), so a = 1 gives
    /// P(rated and liked), what a top-N list is judged on, and shrinks movies with few ratings.</remarks>
    public double PopularityPrior { get; init; } = Defaults.PopularityPrior;

    /// <summary>The SVD engine: PureSVD on the raw matrix, the best top-N model of the collaborative-filtering evaluation.</summary>
    public PureSvdOptions Svd { get; init; } = new() { CenterByUserMean = false };

    /// <summary>Block weights of the similarity space (similar movies, explanations, the content engine).</summary>
    public MovieSpaceOptions Space { get; init; } = new();

    /// <summary>Hybrid weights of the SVD, ML and content rankings in reciprocal-rank fusion Σ w / (k + rank).</summary>
    public (double Svd, double Ml, double Content) HybridWeights { get; init; } = (1, 1, 1);

    /// <summary>k of reciprocal-rank fusion (60 in Cormack et al., 2009, for long lists; smaller k favours the top of each list).</summary>
    public int FusionK { get; init; } = Defaults.FusionK;
}
