using MovieRec.Analysis;
using MovieRec.Datasets;
using MovieRec.Charts;

namespace MovieRec.Tests.Analysis;

/// <summary>The library helpers the notebooks call: each checked against hand-computed values.</summary>
public sealed class NotebookHelperTests
{
    [Fact]
    public void Histogram_bins_equal_widths_and_skips_missing_values()
    {
        var frame = new DataFrame(new DoubleDataFrameColumn("x", [0.0, 1, 2, 3, 4, double.NaN]));
        var h = Eda.Histogram(frame, "x", bins: 2);
        Assert.Equal([1.0, 3.0], h.ToArray<double>("bin"));
        Assert.Equal([2L, 3], h.ToArray<long>("count")); // [0, 2) and [2, 4] (the last bin includes its upper bound)
        Assert.Equal([5L], Eda.Histogram(new DataFrame(new DoubleDataFrameColumn("x", [2.0, 2, 2, 2, 2])), "x").ToArray<long>("count"));
    }

    [Fact]
    public void ToDoubles_widens_any_numeric_column_and_reads_nulls_as_nan()
    {
        var frame = new DataFrame(new Int32DataFrameColumn("i", [1, 2]), new SingleDataFrameColumn("f", [0.5f, 1.5f]),
            new DoubleDataFrameColumn("d", [1.0, null]), new StringDataFrameColumn("s", ["a", "b"]));
        Assert.Equal([1.0, 2.0], frame.ToDoubles("i"));
        Assert.Equal([0.5, 1.5], frame.ToDoubles("f"));
        Assert.Equal(1.0, frame.ToDoubles("d")[0]);
        Assert.True(double.IsNaN(frame.ToDoubles("d")[1]));
        Assert.Throws<ArgumentException>(() => frame.ToDoubles("s"));
    }

    [Fact]
    public void Roc_curve_runs_from_0_0_to_1_1_and_its_area_is_the_auc()
    {
        bool[] labels = [true, false, true, true, false, false, true, false];
        float[] scores = [0.9f, 0.8f, 0.7f, 0.6f, 0.55f, 0.4f, 0.3f, 0.1f];
        var curve = ClassificationMetrics.RocCurve(labels, scores);
        var fpr = curve.ToArray<double>("fpr");
        var tpr = curve.ToArray<double>("tpr");
        Assert.Equal((0.0, 0.0), (fpr[0], tpr[0]));
        Assert.Equal((1.0, 1.0), (fpr[^1], tpr[^1]));
        var area = Enumerable.Range(1, fpr.Length - 1).Sum(i => (fpr[i] - fpr[i - 1]) * (tpr[i] + tpr[i - 1]) / 2);
        Assert.Equal(ClassificationMetrics.RocAuc(labels, scores), area, 12);
        Assert.Equal(3, ClassificationMetrics.RocCurve(labels, scores, maxPoints: 3).Rows.Count);
        Assert.Throws<ArgumentException>(() => ClassificationMetrics.RocCurve([true, true], [0.1f, 0.2f]));
    }

    [Fact]
    public void Select_copies_the_named_columns_in_order_and_names_a_missing_one()
    {
        var frame = new DataFrame(new Int32DataFrameColumn("a", [1, 2]), new StringDataFrameColumn("b", ["x", "y"]));
        var selected = frame.Select("b", "a");
        Assert.Equal(["b", "a"], selected.Columns.Select(c => c.Name));
        selected["a"][0] = 9;
        Assert.Equal(1, frame["a"][0]);
        var error = Assert.Throws<ArgumentException>(() => frame.Select("c"));
        Assert.Contains("a, b", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_gives_one_mean_row_per_algorithm_on_the_same_folds()
    {
        var ratings = MovieLensLoader.Load(TestPaths.Sample).Ratings;
        var reports = new List<EvaluationProgress>();
        var board = Evaluator.Compare(AlgorithmRegistry.Create(["globalmean", "bias"]), Splitters.Split(ratings, SplitKind.KFold, folds: 2),
            new EvaluationOptions { Ranking = false }, new Inline<EvaluationProgress>(reports.Add));
        Assert.Equal(2, board.Rows.Count);
        Assert.Equal(["globalmean", "bias"], board.ToStringArray("algorithm"));
        Assert.Equal([2, 2], board.ToArray<int>("splits"));
        Assert.Equal(4, reports.Count);
        Assert.Equal(new EvaluationProgress("bias", 2, 2), reports[^1]);
        var rmse = board.ToArray<double>(MetricNames.Rmse);
        Assert.True(rmse[1] < rmse[0]);
        var single = Evaluator.CrossValidate(new Bias(), ratings, folds: 2, new EvaluationOptions { Ranking = false });
        Assert.Equal(single.ToArray<double>(MetricNames.Rmse)[^1], rmse[1], 12);
        Assert.Throws<ArgumentException>(() => AlgorithmRegistry.Create(["bias", "bias"]));
    }

    private sealed class Inline<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }

    [Fact]
    public async Task Metadata_resolves_by_name_and_an_absent_collection_says_where_it_looked()
    {
        using var temp = new TempFolder();
        var folder = temp.Sub("seed-sample");
        File.Copy(Path.Combine(TestPaths.Sample, "movie_metadata.csv"), Path.Combine(folder, "movie_metadata.csv"));
        var catalog = new DatasetCatalog(new DatasetCatalogOptions { DataRoot = temp.Path, SearchFrom = [], CacheFolder = temp.Sub("cache") });
        Assert.Null(catalog.LoadMetadata("", null));
        Assert.True(catalog.LoadMetadata("seed-sample", null)!.Rows.Count > 0);
        Assert.Throws<ArgumentException>(() => catalog.LoadMetadata("no-such", null));
        var error = Assert.Throws<DatasetDownloadException>(() => catalog.LoadMetadata("tmdb-sample", null));
        Assert.Contains(DatasetCatalogOptions.DataEnvironmentVariable, error.Message, StringComparison.Ordinal);

        // PrepareAsync (movierec's --metadata) takes the collection's name as well as a file.
        var byName = await catalog.PrepareAsync(TestPaths.Sample, "seed-sample");
        var byFile = await catalog.PrepareAsync(TestPaths.Sample, Path.Combine(folder, "movie_metadata.csv"));
        Assert.Equal(byFile.Clean.Movies.Rows.Count, byName.Clean.Movies.Rows.Count);
        Assert.Equal(byFile.Clean.Movies.Columns.Select(c => c.Name), byName.Clean.Movies.Columns.Select(c => c.Name));
        await Assert.ThrowsAsync<DatasetDownloadException>(() => catalog.PrepareAsync(TestPaths.Sample, "tmdb-sample"));
    }

    [Fact]
    public void Spectrum_energy_sums_to_one_in_decreasing_order()
    {
        var model = new PureSvd(new PureSvdOptions { Factors = 8 }).Fit(RatingDataset.From(MovieLensLoader.Load(TestPaths.Sample).Ratings));
        var spectrum = model.Spectrum();
        var values = spectrum.ToArray<double>("singularValue");
        Assert.Equal(values.OrderByDescending(v => v), values);
        Assert.Equal(1, spectrum.ToArray<double>("cumulative")[^1], 9);
    }

    [Fact]
    public void Plot_builds_one_trace_per_series_and_the_gallery_encodes_text()
    {
        var frame = new DataFrame(new StringDataFrameColumn("s", ["a", "a", "b"]), new DoubleDataFrameColumn("x", [1.0, 2, 1]), new DoubleDataFrameColumn("y", [3.0, 4, 5]));
        var html = Plotly.NET.GenericChart.toChartHTML(Plot.Line(frame, "x", "y", "title <t>", series: "s"));
        Assert.Equal(["a", "b"], System.Text.RegularExpressions.Regex.Matches(html, "\"name\":\"([^\"]*)\"").Select(m => m.Groups[1].Value));
        var bars = Plotly.NET.GenericChart.toChartHTML(Plot.Bars(frame, "s", ["x", "y"], "wide"));
        Assert.Equal(["x", "y"], System.Text.RegularExpressions.Regex.Matches(bars, "\"name\":\"([^\"]*)\"").Select(m => m.Groups[1].Value));
        Assert.Contains("title", html, StringComparison.Ordinal);
        var gallery = Gallery.Of([new Recommendation(1, 7, "Heat & Dust (1983)", 1983, "Drama|Romance", "", 0.5, "because <b>")]);
        Assert.Contains("Heat &amp; Dust (1983)", gallery, StringComparison.Ordinal);
        Assert.Contains("because &lt;b&gt;", gallery, StringComparison.Ordinal);
        Assert.DoesNotContain("(1983) (1983)", gallery, StringComparison.Ordinal);
        Assert.Contains("Drama, Romance", gallery, StringComparison.Ordinal);
    }
}
