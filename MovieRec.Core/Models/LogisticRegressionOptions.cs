namespace MovieRec.Models;

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
    }

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
