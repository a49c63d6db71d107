using Microsoft.ML.Data;

namespace MovieRec.Tests.Classifiers;

/// <summary>The logistic-regression fast path gives ML.NET's probabilities, and other families keep ML.NET's scoring.</summary>
public sealed class LinearScorerTests
{
    private static FeatureTable Table(int rows, int seed)
    {
        var rng = new Random(seed);
        const int d = 12;
        var values = new float[rows * d];
        var labels = new bool[rows];
        for (var r = 0; r < rows; r++)
        {
            double s = -0.5;
            for (var j = 0; j < d; j++)
            {
                // Shifted and scaled features, so the normalizer's offset and scale both matter.
                var x = (float)((rng.NextDouble() * (j + 1) * 3) + (j * 10));
                values[(r * d) + j] = x;
                s += (j % 3 == 0 ? 0.4 : -0.2) * ((x - (j * 10)) / (j + 1));
            }

            labels[r] = rng.NextDouble() < 1 / (1 + Math.Exp(-s));
        }

        return new FeatureTable(values, labels, [.. Enumerable.Range(0, d).Select(j => $"f{j}")]);
    }

    [Fact]
    public void Logistic_regression_is_scored_as_one_dot_product_with_mlnets_probabilities()
    {
        var classifier = new LikeClassifier(new LogisticRegressionOptions()).Fit(Table(3_000, 1));
        Assert.NotNull(LinearScorer.TryCreate(classifier.Model, classifier.FeatureNames.Count));
        var test = Table(1_000, 2);
        var fast = classifier.PredictProbabilities(test);
        var mlnet = classifier.Model.Transform(test.AsDataView()).GetColumn<float>("Probability").ToArray();
        Assert.Equal(mlnet.Length, fast.Length);
        for (var i = 0; i < fast.Length; i++) Assert.True(Math.Abs(fast[i] - mlnet[i]) < 1e-5, $"row {i}: {fast[i]} vs ML.NET {mlnet[i]}");
        Assert.True(fast.Distinct().Count() > 900, "probabilities vary");
    }

    [Fact]
    public void Other_families_keep_mlnets_scoring()
    {
        var classifier = new LikeClassifier(new LightGbmOptions { Threads = 1 }).Fit(Table(2_000, 3));
        Assert.Null(LinearScorer.TryCreate(classifier.Model, classifier.FeatureNames.Count));
    }
}
