namespace MovieRec.Algorithms;

/// <summary>Options of <see cref="Ease"/>.</summary>
public sealed record EaseOptions
{
    /// <summary>The default of every option, as named constants.</summary>
    public static class Defaults
    {
        /// <summary>The ridge penalty λ added to the Gram diagonal (tuned on a validation split of ml-latest-small training data).</summary>
        public const double Regularization = 250;

        /// <summary>The most-rated movies kept in the item-item model; the others are not scored (1,500 to 4,000 tie on
        /// validation NDCG for ml-latest-small, so the cheapest).</summary>
        public const int MaxItems = 1500;

        /// <summary>Movies rated by fewer training users are left out of the model (not scored).</summary>
        public const int MinRatings = 1;

        /// <summary>Ratings per session row; 0 (the default) adds none, which is EASE^R as published.
        /// <c>AlgorithmRegistry.SessionEase</c> holds the validation-best length.</summary>
        public const int SessionLength = 0;

        /// <summary>The weight γ of each session row's co-occurrences in the Gram matrix.</summary>
        public const double SessionWeight = 2;
    }

    /// <summary>The ridge penalty λ added to the Gram diagonal.</summary>
    public double Regularization { get; init; } = Defaults.Regularization;

    /// <summary>The most-rated movies kept in the item-item model (a dense n × n inverse costs n³/2 multiply-adds and
    /// 8n² bytes); the others are not scored.</summary>
    public int MaxItems { get; init; } = Defaults.MaxItems;

    /// <summary>Movies rated by fewer training users are left out of the model (not scored).</summary>
    public int MinRatings { get; init; } = Defaults.MinRatings;

    /// <summary>When positive, each user's training ratings in time order (ties by movie index) are also cut into
    /// sessions of this many consecutive ratings (the last one shorter), and each session's co-ratings are added to the
    /// Gram matrix with weight <see cref="SessionWeight"/> (G = XᵀX + γSᵀS + λI); 0 adds none.</summary>
    public int SessionLength { get; init; } = Defaults.SessionLength;

    /// <summary>The weight γ of each session row's co-occurrences in the Gram matrix (used when <see cref="SessionLength"/> is positive).</summary>
    public double SessionWeight { get; init; } = Defaults.SessionWeight;

    /// <summary>Threads of the Gram matrix and the inverse; the result is the same for any value.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;
}
