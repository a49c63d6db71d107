namespace MovieRec.Algorithms;

/// <summary>Options of <see cref="Blend"/>.</summary>
public sealed record BlendOptions
{
    /// <summary>The default of every option, as named constants.</summary>
    public static class Defaults
    {
        /// <summary>Share of each training user's ratings held out to learn the weights.</summary>
        public const double ValidationFraction = 0.2;

        /// <summary>Coordinate-ascent rounds over the components.</summary>
        public const int Rounds = 2;

        /// <summary>The cut-off of the NDCG the weights maximize.</summary>
        public const int K = 10;

        /// <summary>Seed of the validation split and of every component.</summary>
        public const int Seed = 42;

        /// <summary>At most this many validation users (the first ones by a seeded shuffle) score the weights.</summary>
        public const int MaxValidationUsers = 3000;
    }

    /// <summary>The components, by <c>AlgorithmRegistry</c> name.</summary>
    public IReadOnlyList<string> Components { get; init; } = ["ease-sessions", "seqknn-blend", "als", "itemknn", "popular"];

    /// <summary>Creates a component from its name and the blend's seed (default: the algorithm of that name in <c>AlgorithmRegistry</c>);
    /// replace it to blend algorithms with options of your own.</summary>
    public Func<string, int, IRecommenderAlgorithm<IDenseScorer>> Create { get; init; } = static (name, seed) => BuiltInAlgorithms.Create(name, seed);

    /// <summary>The weights each component may take (coordinate ascent tries every one).</summary>
    public IReadOnlyList<double> WeightGrid { get; init; } = [0, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 1, 1.5, 2];

    /// <summary>Share of each training user's ratings held out to learn the weights.</summary>
    public double ValidationFraction { get; init; } = Defaults.ValidationFraction;

    /// <summary>Coordinate-ascent rounds over the components.</summary>
    public int Rounds { get; init; } = Defaults.Rounds;

    /// <summary>The cut-off of the NDCG the weights maximize.</summary>
    public int K { get; init; } = Defaults.K;

    /// <summary>Seed of the validation split and of every component.</summary>
    public int Seed { get; init; } = Defaults.Seed;

    /// <summary>At most this many validation users (the first ones by a seeded shuffle) score the weights.</summary>
    public int MaxValidationUsers { get; init; } = Defaults.MaxValidationUsers;
}
