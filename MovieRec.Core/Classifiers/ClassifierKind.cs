namespace MovieRec.Classifiers;

/// <summary>The classifier families (the original project's logistic regression, random forest, gradient boosting and XGBoost).</summary>
public enum ClassifierKind
{
    /// <summary>L-BFGS logistic regression on standardized features.</summary>
    LogisticRegression,

    /// <summary>ML.NET FastForest (a random forest), Platt-calibrated to probabilities.</summary>
    RandomForest,

    /// <summary>ML.NET FastTree (gradient-boosted trees).</summary>
    GradientBoosting,

    /// <summary>LightGBM, the counterpart of the original's XGBoost.</summary>
    LightGbm,
}
