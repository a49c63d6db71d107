namespace MovieRec.Tests.Cli;

/// <summary>The README's main command, run as users run it (the built movierec program), on the committed sample.</summary>
[Trait("Category", "Integration")]
public sealed class DataCommandTests
{
    [Fact]
    public async Task Data_summary_on_the_sample_prints_the_summary_and_the_cleaning_report()
    {
        var (code, stdout, stderr) = await Movierec.RunAsync("data", "summary", TestPaths.Sample);
        Assert.True(code == 0, stderr);
        Assert.Contains("79,989", stdout);
        Assert.Contains("cleaning report", stdout);
        Assert.Contains("release year taken from the title", stdout);
    }

    [Fact]
    public async Task A_bad_file_exits_2_with_file_line_column_and_text()
    {
        using var temp = new TempFolder();
        temp.Write("bad/ratings.csv", "userId,movieId,rating,timestamp\n1,1,4.0,1\n1,2,9.0,2\n");
        temp.Write("bad/movies.csv", "movieId,title,genres\n1,A (1999),Drama\n2,B (2000),Drama\n");
        var (code, _, stderr) = await Movierec.RunAsync("data", "summary", temp.File("bad"));
        Assert.Equal(2, code);
        Assert.Contains("ratings.csv, line 3, column 'rating' (3): '9.0' is not a rating on this release's scale", stderr);
    }
}
