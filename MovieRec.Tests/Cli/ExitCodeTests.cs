namespace MovieRec.Tests.Cli;

/// <summary>
/// The exit codes of the README's table, each produced by the tool as a process: 0 ok, 1 usage, 2 bad data, 3 download,
/// 4 not found (5 notebook and 130/143 interrupted: <see cref="NotebooksCommandTests"/>). Usage errors come before any work.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ExitCodeTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Version_alone_prints_the_informational_version_as_the_parser_would_with_exit_0()
    {
        // '--version' alone has a fast path before the command tree is built; it must say what System.CommandLine says.
        var expected = System.Reflection.CustomAttributeExtensions.GetCustomAttribute<System.Reflection.AssemblyInformationalVersionAttribute>(typeof(MovieRec.Cli.Commands.CliRunner).Assembly)!.InformationalVersion;
        var (code, stdout, stderr) = await Movierec.RunAsync("--version");
        Assert.Equal(0, code);
        Assert.Equal(expected + Environment.NewLine, stdout);
        Assert.Empty(stderr);
        var (verboseCode, verbose, _) = await Movierec.RunAsync("--version", "--verbose"); // not alone: the parser answers
        Assert.Equal(0, verboseCode);
        Assert.Equal(stdout, verbose);
    }

    [Theory]
    [InlineData("--n 0", "--n must be between 1 and 10,000, not 0")]
    [InlineData("--n 2147483647", "--n must be between 1 and 10,000, not 2,147,483,647")]
    [InlineData("--n -5", "--n must be between 1 and 10,000, not -5")]
    [InlineData("--n many", "many")]
    public async Task Numeric_arguments_out_of_range_are_usage_errors(string args, string message)
    {
        var (code, stdout, stderr) = await Movierec.RunAsync(["recommend", "--data", TestPaths.Sample, "--user", "1", .. args.Split(' ')]);
        Assert.Equal(1, code);
        Assert.Contains(message, stderr + stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("recommendations for user", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--folds", "1", "--folds must be between 2 and 1,000, not 1")]
    [InlineData("--folds", "100000", "--folds must be between 2 and 1,000, not 100,000")]
    [InlineData("--test-fraction", "1.5", "--test-fraction must be a fraction between 0 and 1 (exclusive), not 1.5")]
    [InlineData("--k", "0", "--k must be between 1 and 1,000, not 0")]
    public async Task Evaluate_checks_its_numbers_before_working(string option, string value, string message)
    {
        var (code, stdout, stderr) = await Movierec.RunAsync("evaluate", "--data", TestPaths.Sample, "--algorithms", "bias", option, value);
        Assert.Equal(1, code);
        Assert.Contains(message, stderr + stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_json_path_that_is_a_folder_or_in_a_missing_folder_fails_before_the_work()
    {
        var folder = _temp.Sub("out");
        var (code, stdout, stderr) = await Movierec.RunAsync("evaluate", "--data", TestPaths.Sample, "--algorithms", "bias", "--json", folder);
        Assert.Equal(1, code);
        Assert.Contains($"--json '{folder}' is a folder; give a file path.", stderr + stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);

        var missing = Path.Combine(_temp.Path, "no", "such", "x.json");
        (code, stdout, stderr) = await Movierec.RunAsync("models", "--data", TestPaths.Sample, "--json", missing);
        Assert.Equal(1, code);
        Assert.Contains($"the folder '{Path.GetDirectoryName(missing)}' does not exist", stderr + stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("train /", stdout, StringComparison.Ordinal); // no model was trained
    }

    [Fact]
    public async Task A_save_folder_holding_other_files_fails_before_training()
    {
        var folder = _temp.Sub("models");
        _temp.Write("models/notes.txt", "mine");
        var (code, stdout, stderr) = await Movierec.RunAsync("models", "--data", TestPaths.Sample, "--save", folder);
        Assert.Equal(1, code);
        Assert.Contains("notes.txt, which is not a saved model", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("train /", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Codes_0_2_3_and_4()
    {
        Assert.Equal(0, (await Movierec.RunAsync("data", "list")).Code);

        var bad = _temp.Write("bad/ratings.csv", "userId,movieId,rating,timestamp\n1,1,4.0,1\n1,2,x,2\n");
        _temp.Write("bad/movies.csv", "movieId,title,genres\n1,A (1999),Drama\n2,B (2000),Drama\n");
        var (code, _, stderr) = await Movierec.RunAsync("data", "summary", Path.GetDirectoryName(bad)!);
        Assert.Equal(2, code);
        Assert.Contains($"error: {bad}, line 3, column 'rating' (3): 'x' is not a number", stderr, StringComparison.Ordinal);

        var env = new Dictionary<string, string?> { ["XDG_DATA_HOME"] = _temp.Sub("xdg"), ["MOVIEREC_DATA"] = null };
        (code, _, stderr) = await Movierec.RunWithAsync(env, "data", "download", "ml-100k", "--base-url", "http://127.0.0.1:1/");
        Assert.Equal(3, code);
        Assert.Contains("error: Dataset 'ml-100k'", stderr, StringComparison.Ordinal);

        (code, _, stderr) = await Movierec.RunAsync("similar", "--data", TestPaths.Sample, "--movie", "qqqq zzzz xxxx");
        Assert.Equal(4, code);
        Assert.Contains("error: No movie matches", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Output_is_invariant_under_a_german_culture()
    {
        var json = _temp.File("e.json");
        var env = new Dictionary<string, string?> { ["LANG"] = "de_DE.UTF-8", ["LC_ALL"] = "de_DE.UTF-8" };
        var (code, stdout, stderr) = await Movierec.RunWithAsync(env, "evaluate", "--data", TestPaths.Sample, "--algorithms", "biasedmf", "--split", "random", "--json", json);
        Assert.True(code == 0, stderr);
        Assert.Contains("lr=0.005", File.ReadAllText(json), StringComparison.Ordinal);
        Assert.Matches(@"│ 0\.\d{3} ", stdout); // the RMSE, with a decimal point
        Assert.DoesNotMatch(@"\d,\d{3} ", stdout);
    }
}
