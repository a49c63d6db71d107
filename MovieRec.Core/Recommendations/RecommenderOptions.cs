using MovieRec.Algorithms;
using MovieRec.Features;
using MovieRec.Models;

namespace MovieRec.Recommendations;

/// <summary>Options of <see cref="MovieRecommender"/>.</summary>
public sealed record RecommenderOptions
{
    /// <summary>Seed of every learned part.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Features for the ML engine and the similarity space.</summary>
    public FeatureOptions Features { get; init; } = new() { Text = new() { Components = 32 }, GenomeComponents = 16 };

    /// <summary>The ML engine's classifier family.</summary>
    public ClassifierKind Classifier { get; init; } = ClassifierKind.LightGbm;

    /// <summary>Its hyperparameters (the baseline's by default).</summary>
    public ClassifierParameters ClassifierParameters { get; init; } = new();

    /// <summary>The SVD engine: PureSVD on the raw matrix, the best top-N model of the collaborative-filtering evaluation.</summary>
    public PureSvdOptions Svd { get; init; } = new() { CenterByUserMean = false };

    /// <summary>Block weights of the similarity space (similar movies, explanations, the hybrid's content ranking).</summary>
    public MovieSpaceOptions Space { get; init; } = new();

    /// <summary>Hybrid weights of the SVD, ML and content rankings in reciprocal-rank fusion Σ w / (k + rank).</summary>
    public (double Svd, double Ml, double Content) HybridWeights { get; init; } = (1, 1, 1);

    /// <summary>k of reciprocal-rank fusion (60 in Cormack et al., 2009).</summary>
    public int FusionK { get; init; } = 60;
}
