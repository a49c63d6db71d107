namespace MovieRec.Tests.Data;

/// <summary>The dataset summary from the files and from a fitted dataset (what the web app has) agree.</summary>
public sealed class DatasetSummaryTests
{
    [Fact]
    public void A_fitted_dataset_is_summarized_as_the_files_it_was_built_from_without_a_format()
    {
        var dataset = MovieLensLoader.Load(TestPaths.Sample);
        var clean = DataCleaning.Clean(dataset);
        var files = DatasetSummary.Compute(dataset, clean);
        var fitted = DatasetSummary.Compute(files.Name, RatingDataset.From(clean.Ratings, clean.Movies, dataset.Tags, dataset.Genome));
        Assert.Equal(MovieLensFormat.Csv, files.Format);
        Assert.Null(fitted.Format);
        Assert.Equal(files with { Format = null }, fitted);
        Assert.Contains(("format", "unknown"), fitted.Rows());
        Assert.Throws<ArgumentException>(() => DatasetSummary.Compute("empty", RatingDataset.From(clean.Ratings.Head(0))));
    }
}
