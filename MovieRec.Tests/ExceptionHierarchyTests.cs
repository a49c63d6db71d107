using MovieRec.Datasets;

namespace MovieRec.Tests;

/// <summary>One exception hierarchy: callers catch <see cref="MovieRecException"/> to handle every error about their inputs.</summary>
public sealed class ExceptionHierarchyTests
{
    [Fact]
    public void Every_public_exception_of_the_libraries_is_a_MovieRecException()
    {
        var exceptions = new[] { typeof(MovieRecException).Assembly, typeof(NotebookRunException).Assembly }
            .SelectMany(a => a.GetExportedTypes()).Where(t => typeof(Exception).IsAssignableFrom(t) && t != typeof(MovieRecException)).ToList();
        Assert.Equal(
            [typeof(DataFileException), typeof(DatasetDownloadException), typeof(MovieNotFoundException), typeof(NotebookRunException)],
            exceptions.OrderBy(t => t.Name, StringComparer.Ordinal));
        Assert.All(exceptions, t => Assert.True(t.IsSubclassOf(typeof(MovieRecException)), $"{t.Name} does not derive from MovieRecException"));
    }

    [Fact]
    public void A_bad_data_file_is_caught_as_a_MovieRecException()
    {
        using var temp = new Support.TempFolder();
        temp.Write("ratings.csv", "userId,movieId,rating,timestamp\n1,2,x,3\n");
        var e = Assert.ThrowsAny<MovieRecException>(() => MovieLensLoader.Load(temp.Path));
        Assert.Contains("ratings.csv, line 2", e.Message, StringComparison.Ordinal);
    }
}
