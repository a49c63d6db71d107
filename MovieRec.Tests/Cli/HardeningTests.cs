namespace MovieRec.Tests.Cli;

/// <summary>
/// The tool never exposes, replaces or deletes what is not its own, and checks what it can before any work: the
/// hostile and careless cases of the second hardening round, each run as a process as users run it.
/// </summary>
[Trait("Category", "Integration")]
public sealed class HardeningTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("localhst")]
    [InlineData("my-laptop")]
    public async Task Serve_refuses_a_host_that_is_not_an_address_before_loading_anything(string host)
    {
        // The missing model would be the error if anything were loaded first.
        var (code, stdout, stderr) = await Movierec.RunAsync("serve", "--model", _temp.File("missing.movierec"), "--host", host);
        Assert.Equal(1, code);
        Assert.Contains($"--host {host} is not an IP address or 'localhost'", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("serving", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_on_an_address_of_no_interface_is_one_line_not_a_stack_trace()
    {
        var (model, _) = await SampleBundle.GetAsync();
        var (code, _, stderr) = await Movierec.RunAsync("serve", "--model", model, "--host", "192.0.2.1", "--port", "0");
        Assert.Equal(1, code);
        Assert.Contains("error: cannot listen on 192.0.2.1 port 0: ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [NonRootFact]
    public async Task Serve_on_a_privileged_port_as_a_user_is_one_line_with_a_hint()
    {
        var (model, _) = await SampleBundle.GetAsync();
        var (code, _, stderr) = await Movierec.RunUnprivilegedAsync("serve", "--model", model, "--port", "80");
        Assert.Equal(1, code);
        Assert.Contains("error: cannot listen on 127.0.0.1 port 80: ", stderr, StringComparison.Ordinal);
        Assert.Contains("(ports below 1024 need root; try --port 5080)", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_onto_a_named_pipe_is_written_through_and_onto_stdout_too()
    {
        var fifo = _temp.File("rows.json");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo])) await mkfifo.WaitForExitAsync();
        var (model, _) = await SampleBundle.GetAsync();
        var reader = Task.Run(() => File.ReadAllText(fifo));
        var (code, _, stderr) = await Movierec.RunAsync("recommend", "--model", model, "--user", "1", "--n", "3", "--json", fifo);
        Assert.True(code == 0, stderr);
        Assert.Equal(3, JsonNode.Parse(await reader.WaitAsync(TimeSpan.FromSeconds(60)))!.AsArray().Count);
        Assert.Equal(FileKind.Fifo, FileKinds.Of(fifo)); // still the pipe, not a file renamed over it

        var (toStdout, stdout, error) = await Movierec.RunAsync("similar", "--model", model, "--movie", "1", "--n", "2", "--json", "/dev/stdout");
        Assert.True(toStdout == 0, error);
        Assert.Contains("\"similarity\"", stdout, StringComparison.Ordinal);

        // Standard output redirected to a file: the JSON comes after the table, not over it.
        var file = _temp.File("both.txt");
        using (var shell = System.Diagnostics.Process.Start("sh", ["-c", "dotnet \"$0\" similar --model \"$1\" --movie 1 --n 2 --json /dev/stdout > \"$2\"",
            Path.Combine(AppContext.BaseDirectory, "movierec.dll"), model, file]))
        {
            await shell.WaitForExitAsync();
            Assert.Equal(0, shell.ExitCode);
        }

        var both = File.ReadAllText(file);
        Assert.True(both.IndexOf("similar to", StringComparison.Ordinal) is >= 0 and var table && both.IndexOf("\"similarity\"", StringComparison.Ordinal) > table, both);
    }

    [Fact]
    public async Task Generate_force_never_deletes_what_it_did_not_write()
    {
        var folder = _temp.Sub("mine");
        _temp.Write("mine/thesis.tex", "two years of work");
        var (code, _, stderr) = await Movierec.RunAsync("data", "generate", "--out", folder, "--users", "20", "--movies", "50", "--ratings", "500", "--genome-movies", "5", "--force");
        Assert.Equal(1, code);
        Assert.Contains("holds thesis.tex, which is not a generated dataset; refusing to replace the folder", stderr, StringComparison.Ordinal);
        Assert.Equal("two years of work", File.ReadAllText(Path.Combine(folder, "thesis.tex")));
    }

    [Fact]
    public async Task Generate_into_its_own_dataset_names_force_before_generating_and_replaces_it_with_force()
    {
        var folder = _temp.File("gen");
        string[] small = ["data", "generate", "--out", folder, "--users", "20", "--movies", "50", "--ratings", "500", "--genome-movies", "5"];
        Assert.Equal(0, (await Movierec.RunAsync(small)).Code);
        var (code, stdout, stderr) = await Movierec.RunAsync(small);
        Assert.Equal(1, code);
        Assert.Contains("already holds a generated dataset; pass --force to replace it", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("wrote", stdout, StringComparison.Ordinal);
        Assert.Equal(0, (await Movierec.RunAsync([.. small, "--force"])).Code);
    }

    [Fact]
    public async Task Generate_checks_the_memory_a_request_implies_before_allocating()
    {
        var (code, _, stderr) = await Movierec.RunAsync("data", "generate", "--out", _temp.File("huge"), "--users", "10000000", "--movies", "10000000", "--ratings", "1000000000");
        Assert.Equal(1, code);
        Assert.Contains("GiB of memory to generate", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("OutOfMemory", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_temp.File("huge")));
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("a/b")]
    [InlineData("")]
    public async Task Kernelspec_names_outside_jupyters_rule_are_refused_by_install_and_uninstall(string name)
    {
        var prefix = _temp.Sub("prefix");
        var python = _temp.Write("prefix/share/jupyter/kernels/python3/kernel.json", "{\"display_name\": \"Python 3\", \"argv\": []}");
        foreach (var verb in new[] { "install", "uninstall" })
        {
            var (code, _, stderr) = await Movierec.RunAsync("kernel", verb, "--prefix", prefix, "--name", name);
            Assert.Equal(1, code);
            Assert.Contains($"'{name}' is not a kernelspec name", stderr, StringComparison.Ordinal);
        }

        Assert.True(File.Exists(python)); // nothing under the prefix was touched
    }

    [Fact]
    public async Task Uninstall_removes_only_movierecs_own_kernelspec()
    {
        var prefix = _temp.Sub("prefix");
        var python = _temp.Write("prefix/share/jupyter/kernels/python3/kernel.json", "{\"display_name\": \"Python 3\", \"argv\": []}");
        var (code, _, stderr) = await Movierec.RunAsync("kernel", "uninstall", "--prefix", prefix, "--name", "python3");
        Assert.Equal(1, code);
        Assert.Contains("the kernelspec 'python3' in", stderr, StringComparison.Ordinal);
        Assert.Contains("is not MovieRec's (its display name is 'Python 3'); not removing it", stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(python));
    }

    [Fact]
    public async Task Tune_checks_the_metric_before_the_grid()
    {
        var (code, stdout, stderr) = await Movierec.RunAsync("tune", "--data", _temp.File("no-such-data"), "--algorithm", "itemknn", "--metric", "bogus");
        Assert.Equal(1, code); // the missing data folder would be exit 2: the metric is checked first
        Assert.Contains("--metric bogus is not a column of the board; choose one of:", stderr, StringComparison.Ordinal);
        Assert.Contains("ndcg@10", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("candidate", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notebooks_run_checks_out_and_every_notebook_before_running_a_cell()
    {
        var ok = _temp.Write("ok.ipynb", "{\"cells\": [{\"cell_type\": \"code\", \"execution_count\": null, \"metadata\": {}, \"outputs\": [], \"source\": \"Console.WriteLine(\\\"ran\\\");\"}], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}");
        var before = File.ReadAllText(ok);
        var (code, stdout, stderr) = await Movierec.RunAsync("notebooks", "run", ok, "--out", ok, "--no-png");
        Assert.Equal(1, code);
        Assert.Contains($"--out {ok} is a file; give a folder", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("cell 1 of 1", stdout, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(ok));

        var zero = _temp.File("z.ipynb");
        File.CreateSymbolicLink(zero, "/dev/zero");
        (code, stdout, stderr) = await Movierec.RunAsync("notebooks", "run", ok, zero, "--out", _temp.Sub("out"), "--no-png");
        Assert.Equal(5, code);
        Assert.Contains("z.ipynb", stderr, StringComparison.Ordinal);
        Assert.Contains("is a character device, not a notebook file", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("cell 1 of 1", stdout, StringComparison.Ordinal); // ok.ipynb did not run either
    }

    [Fact]
    public async Task A_runaway_recursion_in_a_cell_is_a_cell_error_with_exit_5_and_a_partial_notebook()
    {
        var path = _temp.Write("deep.ipynb", "{\"cells\": [{\"cell_type\": \"code\", \"execution_count\": null, \"metadata\": {}, \"outputs\": [], \"source\": \"int Down(int n) => Down(n + 1) + 1;\\nDown(0)\"}], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}");
        var output = _temp.Sub("out");
        var (code, _, stderr) = await Movierec.RunAsync("notebooks", "run", path, "--out", output, "--no-png");
        Assert.Equal(5, code);
        Assert.Contains("deep.ipynb, cell 1: InsufficientExecutionStackException", stderr, StringComparison.Ordinal);
        var saved = NotebookDocument.Load(Path.Combine(output, "deep.ipynb"));
        Assert.Equal("InsufficientExecutionStackException", saved.Cells[0]!["outputs"]![0]!["ename"]!.GetValue<string>());
    }

    [NonRootFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_folder_that_can_be_listed_but_not_searched_says_so()
    {
        var folder = _temp.Sub("locked");
        _temp.Write("locked/ratings.csv", "userId,movieId,rating,timestamp\n1,1,4.0,1\n");
        // Readable, not searchable, by the user the tool runs as (this user, or nobody when the tests run as root).
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | (Movierec.IsRoot ? UnixFileMode.UserExecute | UnixFileMode.OtherRead : 0));
        try
        {
            var (code, _, stderr) = await Movierec.RunUnprivilegedAsync("data", "summary", folder);
            Assert.Equal(2, code);
            Assert.Contains("lists a ratings file but its files cannot be opened: the folder is not searchable", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [NonRootFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Json_into_a_folder_the_user_cannot_write_is_one_line_with_exit_1()
    {
        var folder = _temp.Sub("readonly");
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            var (model, _) = await SampleBundle.GetAsync();
            var (code, _, stderr) = await Movierec.RunUnprivilegedAsync("recommend", "--model", model, "--user", "1", "--json", Path.Combine(folder, "out.json"));
            Assert.Equal(1, code);
            Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public async Task Fit_on_a_one_user_dataset_saves_a_bundle_that_loads()
    {
        // It used to fit, then fail to write its NaN validation metrics ("infinity cannot be written as valid JSON").
        _temp.Write("one/ratings.csv", "userId,movieId,rating,timestamp\n1,1,4.0,964982703\n1,2,3.0,964982704\n1,3,5.0,964982705\n");
        _temp.Write("one/movies.csv", "movieId,title,genres\n1,A (1999),Drama\n2,B (2000),Comedy\n3,C (2001),Drama\n4,D (2002),Action\n");
        var model = _temp.File("one.movierec");
        var (code, stdout, stderr) = await Movierec.RunAsync("fit", "--data", _temp.File("one"), "--out", model);
        Assert.True(code == 0, stdout + stderr);
        Assert.Contains("1 users, 4 movies", stdout, StringComparison.Ordinal);
        (code, stdout, stderr) = await Movierec.RunAsync("recommend", "--model", model, "--user", "1", "--n", "1");
        Assert.True(code == 0, stdout + stderr);
        Assert.Contains("hybrid recommendations for user 1", stdout, StringComparison.Ordinal); // the bundle loads and answers with the default engine
    }

    [Fact]
    public async Task A_named_pipe_as_ratings_is_exit_2_naming_it_not_a_stack_trace()
    {
        var folder = _temp.Sub("release");
        _temp.Write("release/movies.csv", "movieId,title,genres\n1,A (1999),Drama\n");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [Path.Combine(folder, "ratings.csv")])) await mkfifo.WaitForExitAsync();
        var (code, _, stderr) = await Movierec.RunAsync("data", "summary", folder);
        Assert.Equal(2, code);
        Assert.Contains("ratings.csv: is a named pipe, not a data file", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }
}
