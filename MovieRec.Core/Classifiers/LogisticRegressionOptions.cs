namespace MovieRec.Classifiers;

/// <summary>L-BFGS logistic regression on standardized features (mean 0, variance 1).</summary>
public sealed record LogisticRegressionOptions : ClassifierOptions
{
    /// <summary>The default of every option, as named constants.</summary>
    public static new class Defaults
    {
        /// <summary>L1 penalty.</summary>
        public const double L1Regularization = 0;

        /// <summary>L2 penalty.</summary>
        public const double L2Regularization = 1;

        /// <summary>L-BFGS iterations at most.</summary>
        public const int MaximumIterations = 200;

        /// <summary>Threads, fixed rather than the machine's cores: see <see cref="LogisticRegressionOptions()"/>.</summary>
        public const int Threads = 2;
    }

    /// <summary>The defaults, with <see cref="ClassifierOptions.Threads"/> at <see cref="Defaults.Threads"/>.</summary>
    /// <remarks>ML.NET's L-BFGS sums its gradient over one partition of the rows per thread, so the fitted weights depend on
    /// the thread count (on the sample's feature table, 1, 2 and 4 threads move a predicted probability by up to 0.035),
    /// unlike the tree families'. A fixed default gives every machine the same model for a seed; 2 is the count every
    /// published result was fitted with.</remarks>
    public LogisticRegressionOptions() => Threads = Defaults.Threads;

    /// <inheritdoc />
    public override ClassifierKind Kind => ClassifierKind.LogisticRegression;

    /// <summary>L1 penalty.</summary>
    public double L1Regularization { get; init; } = Defaults.L1Regularization;

    /// <summary>L2 penalty.</summary>
    public double L2Regularization { get; init; } = Defaults.L2Regularization;

    /// <summary>L-BFGS iterations at most.</summary>
    public int MaximumIterations { get; init; } = Defaults.MaximumIterations;

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, double> Hyperparameters() => new Dictionary<string, double> { ["l1"] = L1Regularization, ["l2"] = L2Regularization };
}
