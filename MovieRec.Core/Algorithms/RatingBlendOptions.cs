namespace MovieRec.Algorithms;

/// <summary>Options of <see cref="RatingBlend"/>.</summary>
public sealed record RatingBlendOptions
{
    /// <summary>The default of every option, as named constants.</summary>
    public static class Defaults
    {
        /// <summary>Share of each training user's ratings held out to learn the weights.</summary>
        public const double ValidationFraction = 0.1;

        /// <summary>Ridge penalty λ of the weights, per validation rating (the intercept is not penalized).</summary>
        public const double Regularization = 0.001;

        /// <summary>Seed of the validation split and of every component.</summary>
        public const int Seed = 42;
    }

    /// <summary>The components, by <c>AlgorithmRegistry</c> name: each must predict ratings
    /// (<see cref="IScorer.PredictsRatings"/>).</summary>
    public IReadOnlyList<string> Components { get; init; } = ["biasedmf-tuned", "svd++", "itemknn", "bias"];

    /// <summary>Creates a component from its name and the blend's seed (default: the algorithm of that name in
    /// <c>AlgorithmRegistry</c>); replace it to blend algorithms with options of your own.</summary>
    public Func<string, int, IRecommenderAlgorithm<IDenseScorer>> Create { get; init; } = static (name, seed) => BuiltInAlgorithms.Create(name, seed);

    /// <summary>Share of each training user's ratings held out to learn the weights.</summary>
    public double ValidationFraction { get; init; } = Defaults.ValidationFraction;

    /// <summary>Ridge penalty λ of the weights, per validation rating (the intercept is not penalized).</summary>
    public double Regularization { get; init; } = Defaults.Regularization;

    /// <summary>Seed of the validation split and of every component.</summary>
    public int Seed { get; init; } = Defaults.Seed;
}
