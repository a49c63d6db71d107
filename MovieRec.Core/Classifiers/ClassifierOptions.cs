using System.Text.Json.Serialization;

namespace MovieRec.Classifiers;

/// <summary>
/// Options of one like-classifier family: one record per family (<see cref="LogisticRegressionOptions"/>,
/// <see cref="RandomForestOptions"/>, <see cref="GradientBoostingOptions"/>, <see cref="LightGbmOptions"/>), each with only
/// the hyperparameters it has and its defaults as named constants. <see cref="LikeClassifier"/> takes any of them.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "family")]
[JsonDerivedType(typeof(LogisticRegressionOptions), "logisticRegression")]
[JsonDerivedType(typeof(RandomForestOptions), "randomForest")]
[JsonDerivedType(typeof(GradientBoostingOptions), "gradientBoosting")]
[JsonDerivedType(typeof(LightGbmOptions), "lightGbm")]
public abstract record ClassifierOptions
{
    /// <summary>The families are this library's (<see cref="ClassifierEstimators"/> builds each one's ML.NET estimator).</summary>
    private protected ClassifierOptions()
    {
    }

    /// <summary>The default of the options every family shares.</summary>
    public static class Defaults
    {
        /// <summary>Seed of the trainer (tree sampling, feature fractions).</summary>
        public const int Seed = 42;
    }

    /// <summary>The family.</summary>
    [JsonIgnore]
    public abstract ClassifierKind Kind { get; }

    /// <summary>Seed of the trainer.</summary>
    public int Seed { get; init; } = Defaults.Seed;

    /// <summary>Threads every trainer uses (LightGBM's and FastTree's native threads included); default: the machine's
    /// cores (the tree families fit the same model for any count), except logistic regression's fixed
    /// <see cref="LogisticRegressionOptions.Defaults.Threads"/> (its model depends on the count). Set explicitly because a
    /// native trainer left to itself starts as many threads as it likes, and two such processes on two cores slow each
    /// other down tenfold. Not a hyperparameter: <see cref="Hyperparameters"/> leaves it out.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>The family's hyperparameters, as name → value (what searches vary and tables show).</summary>
    public abstract IReadOnlyDictionary<string, double> Hyperparameters();

    /// <summary>A compact description, e.g. "trees=100 leaves=20".</summary>
    public string Describe() => string.Join(' ', Hyperparameters().Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}={p.Value:G4}")));

    /// <summary>The baseline options of <paramref name="kind"/> (every hyperparameter at its default).</summary>
    public static ClassifierOptions Default(ClassifierKind kind) => kind switch
    {
        ClassifierKind.LogisticRegression => new LogisticRegressionOptions(),
        ClassifierKind.RandomForest => new RandomForestOptions(),
        ClassifierKind.GradientBoosting => new GradientBoostingOptions(),
        ClassifierKind.LightGbm => new LightGbmOptions(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown classifier family."),
    };
}
