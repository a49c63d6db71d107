using System.Globalization;

namespace MovieRec.Models;

/// <summary>Hyperparameters of every family; each family reads the ones it has. Defaults are the baselines' settings.</summary>
public sealed record ClassifierParameters
{
    /// <summary>L1 penalty (logistic regression).</summary>
    public float L1Regularization { get; init; }

    /// <summary>L2 penalty (logistic regression).</summary>
    public float L2Regularization { get; init; } = 1f;

    /// <summary>Trees (forest, boosting) or boosting iterations (LightGBM).</summary>
    public int Trees { get; init; } = 100;

    /// <summary>Leaves per tree.</summary>
    public int Leaves { get; init; } = 20;

    /// <summary>Boosting learning rate.</summary>
    public double LearningRate { get; init; } = 0.2;

    /// <summary>Minimum training examples per leaf.</summary>
    public int MinExamplesPerLeaf { get; init; } = 10;

    /// <summary>Share of features each tree (or split) may use.</summary>
    public double FeatureFraction { get; init; } = 1.0;

    /// <summary>Threads every trainer uses (LightGBM's and FastTree's native threads included); default: the machine's
    /// cores. Set explicitly because a native trainer left to itself starts as many threads as it likes, and two such
    /// processes on two cores slow each other down tenfold. Not a hyperparameter: <see cref="For"/> leaves it out.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>The parameters that matter for <paramref name="kind"/>, as name → value.</summary>
    public IReadOnlyDictionary<string, double> For(ClassifierKind kind) => kind switch
    {
        ClassifierKind.LogisticRegression => new Dictionary<string, double> { ["l1"] = L1Regularization, ["l2"] = L2Regularization },
        ClassifierKind.RandomForest => new Dictionary<string, double> { ["trees"] = Trees, ["leaves"] = Leaves, ["minLeaf"] = MinExamplesPerLeaf, ["featureFraction"] = FeatureFraction },
        _ => new Dictionary<string, double> { ["trees"] = Trees, ["leaves"] = Leaves, ["learningRate"] = LearningRate, ["minLeaf"] = MinExamplesPerLeaf, ["featureFraction"] = FeatureFraction },
    };

    /// <summary>A compact description, e.g. "trees=100 leaves=20".</summary>
    public string Describe(ClassifierKind kind) =>
        string.Join(' ', For(kind).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}={p.Value:G4}")));
}
