namespace MovieRec.Recommendations;

/// <summary>One classifier the ML engine may use: a family with its hyperparameters, under a readable name.</summary>
/// <param name="Name">How reports name it, e.g. "logistic regression".</param>
/// <param name="Options">The family's options (its record type is the family).</param>
public sealed record ClassifierCandidate(string Name, ClassifierOptions Options)
{
    /// <summary>The family.</summary>
    public ClassifierKind Kind => Options.Kind;

    /// <summary>L-BFGS logistic regression at the baseline's L2 penalty: the best family on test F1 in notebook 03.</summary>
    public static ClassifierCandidate LogisticRegression { get; } = new("logistic regression", new LogisticRegressionOptions());

    /// <summary>LightGBM at the baseline's settings (100 iterations, 20 leaves, learning rate 0.2).</summary>
    public static ClassifierCandidate LightGbm { get; } = new("lightgbm", new LightGbmOptions());

    /// <summary>LightGBM regularized against the baseline's overfitting (train F1 0.93, test 0.65 in notebook 03): smaller
    /// trees, larger leaves, a lower learning rate and feature subsampling.</summary>
    public static ClassifierCandidate LightGbmRegularized { get; } = new("lightgbm regularized",
        new LightGbmOptions { Trees = 100, Leaves = 15, LearningRate = 0.1, MinExamplesPerLeaf = 50, FeatureFraction = 0.7 });
}
