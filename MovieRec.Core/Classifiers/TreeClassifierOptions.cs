namespace MovieRec.Classifiers;

/// <summary>What the tree families share: trees, leaves, minimum examples per leaf, feature fraction.</summary>
public abstract record TreeClassifierOptions : ClassifierOptions
{
    /// <summary>The families are this library's (<see cref="ClassifierEstimators"/> builds each one's ML.NET estimator).</summary>
    private protected TreeClassifierOptions()
    {
    }

    /// <summary>The default of every shared tree option, as named constants (the baselines' settings).</summary>
    public static new class Defaults
    {
        /// <summary>Trees (forest, boosting) or boosting iterations (LightGBM).</summary>
        public const int Trees = 100;

        /// <summary>Leaves per tree.</summary>
        public const int Leaves = 20;

        /// <summary>Minimum training examples per leaf.</summary>
        public const int MinExamplesPerLeaf = 10;

        /// <summary>Share of features each tree (or split) may use.</summary>
        public const double FeatureFraction = 1.0;

        /// <summary>Boosting learning rate (the boosting families).</summary>
        public const double LearningRate = 0.2;
    }

    /// <summary>Trees (forest, boosting) or boosting iterations (LightGBM).</summary>
    public int Trees { get; init; } = Defaults.Trees;

    /// <summary>Leaves per tree.</summary>
    public int Leaves { get; init; } = Defaults.Leaves;

    /// <summary>Minimum training examples per leaf.</summary>
    public int MinExamplesPerLeaf { get; init; } = Defaults.MinExamplesPerLeaf;

    /// <summary>Share of features each tree (or split) may use.</summary>
    public double FeatureFraction { get; init; } = Defaults.FeatureFraction;
}
