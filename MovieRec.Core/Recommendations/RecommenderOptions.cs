namespace MovieRec.Recommendations;

/// <summary>Options of <see cref="MovieRecommender"/>.</summary>
public sealed record RecommenderOptions
{
    /// <summary>Named defaults.</summary>
    public static class Defaults
    {
        /// <summary>Seed of every learned part.</summary>
        public const int Seed = 42;

        /// <summary>At most this many validation users score the hybrid's weights.</summary>
        public const int HybridValidationUsers = 300;
    }

    /// <summary>Seed of every learned part.</summary>
    public int Seed { get; init; } = Defaults.Seed;

    /// <summary>The default features: 32 text and 16 genome dimensions.</summary>
    internal static FeatureOptions DefaultFeatures { get; } = new() { Text = new() { Factors = 32 }, GenomeFactors = 16 };

    /// <summary>The default classifier candidates: logistic regression and a regularized LightGBM.</summary>
    internal static IReadOnlyList<ClassifierCandidate> DefaultClassifiers { get; } = [ClassifierCandidate.LogisticRegression, ClassifierCandidate.LightGbmRegularized];

    /// <summary>Features for the ML engine and the similarity space.</summary>
    public FeatureOptions Features { get; init; } = DefaultFeatures;

    /// <summary>The ML engine (<see cref="LikeRanker"/>): the classifiers it chooses from by validation, the validation share
    /// and the popularity prior. Its <see cref="LikeRankerOptions.Seed"/>, <see cref="LikeRankerOptions.Threads"/> and
    /// <see cref="LikeRankerOptions.Features"/> are this record's (<see cref="Seed"/>, <see cref="Threads"/>,
    /// <see cref="Features"/>), so every part of the composition shares them; its
    /// <see cref="LikeRankerOptions.ValidationFraction"/> is also the split the hybrid's weights are learned on.</summary>
    public LikeRankerOptions Like { get; init; } = new();

    /// <summary>The SVD engine: PureSVD on the raw matrix, the best top-N model of the collaborative-filtering evaluation.</summary>
    public PureSvdOptions Svd { get; init; } = new() { CenterByUserMean = false };

    /// <summary>Block weights of the similarity space (similar movies, explanations, the content engine).</summary>
    public MovieSpaceOptions Space { get; init; } = new();

    /// <summary>
    /// The hybrid engine's weights; null (the default) learns them on the validation split of
    /// <see cref="LikeRankerOptions.ValidationFraction"/> (of <see cref="Like"/>): coordinate ascent over <see cref="HybridWeightGrid"/> for NDCG@10 of held-out likes
    /// (<see cref="MovieRecommender.HybridSelection"/> reports it).
    /// </summary>
    public HybridWeights? HybridWeights { get; init; }

    /// <summary>The values each hybrid weight may take when it is learned.</summary>
    public IReadOnlyList<double> HybridWeightGrid { get; init; } = [0, 0.1, 0.2, 0.3, 0.5, 0.7, 1, 1.5, 2];

    /// <summary>At most this many validation users (a seeded sample) score the hybrid's weights.</summary>
    public int HybridValidationUsers { get; init; } = Defaults.HybridValidationUsers;

    /// <summary>Threads of every parallel part of the fit: the text and genome SVDs, the classifiers (LightGBM's native
    /// threads included), PureSVD and the hybrid's weight search; null (the default) leaves each part its own default
    /// (<see cref="FeatureOptions.Threads"/>, <see cref="ClassifierOptions.Threads"/>, <see cref="PureSvdOptions.Threads"/>).</summary>
    /// <remarks>Every part but logistic regression gives the same result for any count; logistic regression's model
    /// depends on it (see <see cref="LogisticRegressionOptions()"/>), so a count set here is part of what a seed reproduces.</remarks>
    public int? Threads { get; init; }

    /// <summary>The ML engine's options within this composition: <see cref="Like"/> with this record's seed, threads and features.</summary>
    internal LikeRankerOptions SeededLike => Like with { Seed = Seed, Threads = Threads, Features = SeededFeatures };

    /// <summary>The content engine's options within this composition.</summary>
    internal ContentRankerOptions Content => new() { Features = SeededFeatures, Space = Space };

    /// <summary><see cref="Features"/> with <see cref="Seed"/> and <see cref="Threads"/> for their randomized, parallel parts
    /// (the text and genome SVDs).</summary>
    internal FeatureOptions SeededFeatures => Features.WithSeed(Seed).WithThreads(Threads);

    /// <summary><see cref="Svd"/> with <see cref="Seed"/> and, when set, <see cref="Threads"/>.</summary>
    internal PureSvdOptions SeededSvd => Svd with { Seed = Seed, Threads = Threads is { } t ? ThreadCount.Check(t) : Svd.Threads };
}
