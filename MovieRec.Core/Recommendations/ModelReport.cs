namespace MovieRec.Recommendations;

/// <summary>
/// The like classifiers' baseline-vs-tuned comparison (<see cref="ModelExperiment"/>) kept with a saved recommender, so the
/// web app's Models tab can show it without re-running the experiment.
/// </summary>
/// <param name="Metrics">One row per model, split and search: accuracy, precision, recall, f1, rocAuc, prAuc, logLoss, seconds.</param>
/// <param name="BestParameters">Per model and search: the parameters used and, when tuned, the best cross-validated score.</param>
public sealed record ModelReport(DataFrame Metrics, DataFrame BestParameters)
{
    /// <summary>The tables of an experiment's result.</summary>
    public static ModelReport From(ModelExperimentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new(result.Metrics, result.BestParameters);
    }
}
