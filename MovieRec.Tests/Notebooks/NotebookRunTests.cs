using System.Text.RegularExpressions;

namespace MovieRec.Tests.Notebooks;

/// <summary>The repository's notebooks, executed on the sample (twice, by two processes: see <see cref="NotebookRunFixture"/>) and as committed.</summary>
[Trait("Category", "Integration")]
public sealed partial class NotebookRunTests(NotebookRunFixture run) : IClassFixture<NotebookRunFixture>
{
    private static readonly string[] Expected =
    [
        "01-data-and-eda.ipynb", "02-feature-engineering.ipynb", "03-models-baseline-vs-tuned.ipynb",
        "04-collaborative-filtering.ipynb", "05-user-profiles-and-recommendations.ipynb", "06-similar-movies.ipynb",
    ];

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    [Fact]
    public void Every_notebook_runs_on_the_sample_without_an_error()
    {
        Assert.Equal(Expected, run.Names);
        Assert.True(run.FirstRun.Code == 0, run.FirstRun.Stdout + run.FirstRun.Stderr);
        foreach (var name in Expected)
        {
            var document = run.Runs.First[name];
            var code = document.Cells.Where(c => c!["cell_type"]!.GetValue<string>() == "code").ToList();
            Assert.All(code, c => Assert.NotNull(c!["execution_count"]?.GetValue<int>()));
            Assert.DoesNotContain(NotebookRunFixture.Outputs(document), o => o.Output["output_type"]!.GetValue<string>() == "error");
            Assert.Contains(NotebookRunFixture.Outputs(document), o => NotebookRunFixture.Text(o.Output).StartsWith("sample: 79,989 ratings", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Rerunning_with_the_same_parameters_gives_the_same_outputs()
    {
        // The second run is another process (the kernel under nbclient where Jupyter is installed, else the batch runner).
        Assert.True(run.SecondRun.Code == 0, run.SecondRun.Stdout + run.SecondRun.Stderr);
        foreach (var name in Expected)
        {
            Assert.True(NotebookRunFixture.Outputs(run.Runs.First[name]).Count() > 5, name);
            Assert.Equal(NotebookRunFixture.TextByCodeCell(run.Runs.First[name]), NotebookRunFixture.TextByCodeCell(run.Runs.Second[name]));
        }
    }

    [Fact]
    public void The_notebooks_follow_the_house_layout()
    {
        foreach (var name in Expected)
        {
            var document = NotebookDocument.Load(Path.Combine(TestPaths.RepositoryRoot, "notebooks", name));
            var cells = document.Cells.Where(c => !NotebookDocument.HasTag(c!, "injected-parameters")).Select(c => (Type: c!["cell_type"]!.GetValue<string>(), Source: NotebookDocument.Source(c), Parameters: NotebookDocument.HasTag(c, "parameters"))).ToList();
            Assert.StartsWith("# ", cells[0].Source, StringComparison.Ordinal);
            Assert.Contains("This notebook shows how to:", cells[0].Source, StringComparison.Ordinal);
            Assert.Single(cells, c => c.Type == "code" && c.Source.Contains("#r \"nuget: MovieRec.Core", StringComparison.Ordinal));
            Assert.Contains(cells, c => c.Source.Contains("#r \"nuget: Plotly.NET.Interactive", StringComparison.Ordinal));
            var parameters = Assert.Single(cells, c => c.Parameters);
            Assert.Contains("string Dataset = \"sample\";", parameters.Source, StringComparison.Ordinal);
            Assert.Contains("int Seed = 42;", parameters.Source, StringComparison.Ordinal);
            for (var i = 1; i < cells.Count; i++)
            {
                if (cells[i].Type != "code") continue;
                Assert.True(cells[i - 1].Type == "markdown", $"{name}: cell {i + 1} has no prose before it");
                Assert.True(cells[i].Source.Split('\n').Length <= 10, $"{name}: cell {i + 1} is longer than 10 lines");
            }

            Assert.Equal("markdown", cells[^1].Type);
        }
    }

    [Fact]
    public void Data_and_features_notebooks_report_the_sample_and_balanced_splits()
    {
        var summary = string.Concat(NotebookRunFixture.Outputs(run.Runs.First[Expected[0]]).Select(o => NotebookRunFixture.Text(o.Output)));
        Assert.Contains("79,989", summary, StringComparison.Ordinal);
        var rates = NotebookRunFixture.Table(run.Runs.First[Expected[1]], "split", "rows", "features", "likeRate").Select(r => Number(r["likeRate"])).ToList();
        Assert.Equal(2, rates.Count);
        Assert.InRange(Math.Abs(rates[0] - rates[1]), 0, 0.02);
    }

    [Fact]
    public void Every_classifier_beats_chance_on_the_test_split()
    {
        var rows = NotebookRunFixture.Table(run.Runs.First[Expected[2]], "model", "search", "split").Where(r => r["split"] == "test").ToList();
        Assert.Equal(6, rows.Count); // three families, baseline and tuned
        Assert.All(rows, r => Assert.InRange(Number(r["rocAuc"]), 0.7, 1));
        Assert.All(rows, r => Assert.InRange(Number(r["f1"]), 0.6, 1));
    }

    [Fact]
    public void Collaborative_filtering_beats_the_baselines_on_rating_error()
    {
        var rows = NotebookRunFixture.Table(run.Runs.First[Expected[3]], "algorithm", "rmse").ToDictionary(r => r["algorithm"], r => r);
        Assert.Equal(16, rows.Count); // the leaderboard of notebook 04: every registered algorithm it names
        Assert.True(Number(rows["bias"]["rmse"]) < Number(rows["globalmean"]["rmse"]));
        Assert.True(Number(rows["biasedmf-tuned"]["rmse"]) < Number(rows["bias"]["rmse"])); // the tuned MF
        Assert.True(Number(rows["ratingblend"]["rmse"]) < Number(rows["biasedmf-tuned"]["rmse"])); // the stack beats its best component
        Assert.True(double.IsNaN(Number(rows["popular"]["rmse"])));
        Assert.All(new[] { "bpr", "als", "ease", "ease-sessions", "seqknn", "blend" }, ranker => Assert.True(double.IsNaN(Number(rows[ranker]["rmse"])), ranker)); // rankers predict no ratings
    }

    [Fact]
    public void Recommendations_have_titles_and_svd_beats_the_classifier_on_hit_rate()
    {
        var engines = NotebookRunFixture.Table(run.Runs.First[Expected[4]], "engine", "titleless").ToDictionary(r => r["engine"]);
        Assert.All(engines.Values, e => Assert.Equal("0", e["titleless"]));
        Assert.True(Number(engines["svd"]["hitRate"]) > Number(engines["ml"]["hitRate"]));
        var shares = Assert.Single(NotebookRunFixture.Table(run.Runs.First[Expected[5]], "neighbourGenreShare", "randomPairGenreShare"));
        Assert.True(Number(shares["neighbourGenreShare"]) > Number(shares["randomPairGenreShare"]) + 0.2);
    }

    [JupyterFact]
    public void Every_notebook_runs_through_the_kernel_with_nbclient_and_gives_the_batch_outputs()
    {
        Assert.True(run.SecondThroughKernel, "the fixture's second run went through the batch runner although Jupyter is installed");
        Assert.True(run.SecondRun.Code == 0, run.SecondRun.Stdout + run.SecondRun.Stderr);
        foreach (var name in run.Names)
        {
            var kernel = run.Runs.Second[name];
            Assert.DoesNotContain(NotebookRunFixture.Outputs(kernel), o => o.Output["output_type"]!.GetValue<string>() == "error");
            Assert.Equal(NotebookRunFixture.TextByCodeCell(run.Runs.First[name]), NotebookRunFixture.TextByCodeCell(kernel)); // the same session type gives the same outputs
        }
    }

    [Fact]
    public void Committed_notebooks_carry_real_data_outputs_without_errors_or_machine_paths()
    {
        foreach (var name in Expected)
        {
            var path = Path.Combine(TestPaths.RepositoryRoot, "notebooks", name);
            var document = NotebookDocument.Load(path);
            var outputs = NotebookRunFixture.Outputs(document).ToList();
            Assert.All(document.Cells.Where(c => c!["cell_type"]!.GetValue<string>() == "code"), c => Assert.NotNull(c!["execution_count"]?.GetValue<int>()));
            // The real-data parameters are recorded, not left in a code cell: Run All on a fresh clone uses the sample.
            var injected = Assert.Single(document.Cells, c => NotebookDocument.HasTag(c!, NotebookRunner.InjectedTag));
            Assert.Equal("markdown", NotebookDocument.CellType(injected!));
            Assert.Equal("ml-latest-small", document.Root["metadata"]!["movierec"]!["parameters"]!["Dataset"]!.GetValue<string>());
            Assert.Equal("movierec", document.Root["metadata"]!["kernelspec"]!["name"]!.GetValue<string>());
            Assert.True(new FileInfo(path).Length < 1_000_000, $"{name} is {new FileInfo(path).Length:N0} bytes; committed notebooks stay under 1 MB");
            Assert.DoesNotContain(outputs, o => o.Output["output_type"]!.GetValue<string>() == "error");
            Assert.Contains(outputs, o => NotebookRunFixture.Text(o.Output).StartsWith("ml-latest-small: 100,836 ratings", StringComparison.Ordinal));
            var text = File.ReadAllText(path);
            foreach (var machine in new[] { "/work/", "/tmp/", "/home/", "/root/", "C:\\\\" }) Assert.DoesNotContain(machine, text, StringComparison.Ordinal);
        }
    }
}
