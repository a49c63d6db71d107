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
    }

    /// <summary>The ridge penalty λ added to the Gram diagonal.</summary>
    public double Regularization { get; init; } = Defaults.Regularization;

    /// <summary>The most-rated movies kept in the item-item model (a dense n × n inverse costs n³/2 multiply-adds and
    /// 8n² bytes); the others are not scored.</summary>
    public int MaxItems { get; init; } = Defaults.MaxItems;

    /// <summary>Movies rated by fewer training users are left out of the model (not scored).</summary>
    public int MinRatings { get; init; } = Defaults.MinRatings;

    /// <summary>Threads of the Gram matrix and the inverse; the result is the same for any value.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;
}
