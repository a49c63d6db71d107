namespace MovieRec.Classifiers;

/// <summary>Options of <see cref="ModelExperiment"/>.</summary>
public sealed record ModelExperimentOptions
{
    /// <summary>The seed of the split, the folds, the random search and the trainers.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Train / validation / test split (70/10/20, stratified on like).</summary>
    public LikeSplitOptions Split { get; init; } = new();

    /// <summary>Features; the classifiers use a 32-dimension text embedding and a 16-dimension genome embedding by default.</summary>
    public FeatureOptions Features { get; init; } = new() { Text = new() { Factors = 32 }, GenomeFactors = 16 };

    /// <summary>The families to train.</summary>
    public IReadOnlyList<ClassifierKind> Kinds { get; init; } = Enum.GetValues<ClassifierKind>();

    /// <summary>Also tune every family (grid search for logistic regression, randomized search for the trees).</summary>
    public bool Tune { get; init; }

    /// <summary>Cross-validation folds of the searches.</summary>
    public int Folds { get; init; } = 3;

    /// <summary>Random candidates per tree family.</summary>
    public int RandomIterations { get; init; } = 6;

    /// <summary>The search score (f1 by default, as the original project).</summary>
    public string Metric { get; init; } = Evaluation.MetricNames.F1;

    /// <summary>Rows of the validation split used for permutation importance (0 skips it).</summary>
    public int ImportanceRows { get; init; } = 2_000;
}
