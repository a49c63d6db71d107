namespace MovieRec.Algorithms;

/// <summary>Where a prediction came from.</summary>
public enum PredictionSource
{
    /// <summary>The learned model, for a known user and movie.</summary>
    Model,

    /// <summary>The user was not in training: the documented fallback (e.g. μ + b_i) was used.</summary>
    UnknownUser,

    /// <summary>The movie was not in training: the fallback (e.g. μ + b_u) was used.</summary>
    UnknownItem,

    /// <summary>Neither was in training: the global mean was used.</summary>
    UnknownUserAndItem,
}

/// <summary>A predicted rating (or score) and its source; a fallback is flagged, never thrown.</summary>
/// <param name="Value">The prediction, clipped to the training rating range for rating predictors.</param>
/// <param name="Source">Model, or which fallback.</param>
public readonly record struct Prediction(double Value, PredictionSource Source)
{
    /// <summary>True when a fallback produced the value.</summary>
    public bool IsFallback => Source != PredictionSource.Model;

    internal static PredictionSource SourceOf(int user, int item) => (user < 0, item < 0) switch
    {
        (false, false) => PredictionSource.Model,
        (true, false) => PredictionSource.UnknownUser,
        (false, true) => PredictionSource.UnknownItem,
        _ => PredictionSource.UnknownUserAndItem,
    };
}
