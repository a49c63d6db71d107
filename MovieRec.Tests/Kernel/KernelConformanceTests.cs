using System.Text.RegularExpressions;

namespace MovieRec.Tests.Kernel;

/// <summary>The kernel under Jupyter's own clients: the conformance suite (jupyter_kernel_test) and our protocol checks,
/// both written with jupyter_client in test_movierec_kernel.py.</summary>
[Trait("Category", "Integration")]
public sealed partial class KernelConformanceTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [JupyterFact]
    public async Task Conformance_suite_passes_with_only_optional_features_skipped()
    {
        var log = await RunAsync("MovieRecKernelTests", "movierec-conformance");
        Assert.True(Ran(log) >= 12, log);
        // Only the pager is skipped: payloads are deprecated in protocol 5 (see the module's docstring).
        Assert.Equal(["test_pager"], Skipped().Matches(log).Select(m => m.Groups[1].Value));
    }

    [JupyterFact]
    public async Task Protocol_checks_pass_interrupts_heartbeat_signatures_ordering_and_output_floods()
    {
        var log = await RunAsync("MovieRecProtocolTests", "movierec-protocol");
        Assert.True(Ran(log) >= 13, log);
        Assert.Empty(Skipped().Matches(log));
        Assert.Contains("dropped a shell message: bad signature", log);
    }

    /// <summary>Runs one test class of test_movierec_kernel.py (the suite's, or our protocol checks) against a kernelspec
    /// of the built tool; returns the unittest log after checking it passed.</summary>
    private async Task<string> RunAsync(string testClass, string kernelName)
    {
        var path = await Jupyter.InstallKernelAsync(_temp.Sub(kernelName), kernelName);
        var (code, stdout, stderr) = await Jupyter.RunAsync(["-m", "unittest", "-v", "test_movierec_kernel." + testClass], path, kernelName);
        var log = stdout + stderr;
        Assert.True(code == 0, log);
        return log;
    }

    private static int Ran(string log) => int.Parse(RanCount().Match(log).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [JupyterFact]
    public async Task Jupyter_finds_the_installed_kernelspec_and_uninstall_removes_it()
    {
        var prefix = _temp.Sub("spec");
        var path = await Jupyter.InstallKernelAsync(prefix, "movierec-spec");
        const string list = "from jupyter_client.kernelspec import KernelSpecManager; import json; specs = KernelSpecManager().get_all_specs(); "
            + "print(json.dumps({n: s['spec'] for n, s in specs.items() if n.startswith('movierec-spec')}))";
        var (code, stdout, stderr) = await Jupyter.RunAsync(["-c", list], path);
        Assert.True(code == 0, stderr);
        var spec = System.Text.Json.Nodes.JsonNode.Parse(stdout)!["movierec-spec"]!;
        Assert.Equal("C# (MovieRec)", spec["display_name"]!.GetValue<string>());
        Assert.Equal("C#", spec["language"]!.GetValue<string>());
        Assert.Equal("message", spec["interrupt_mode"]!.GetValue<string>());
        Assert.Contains("{connection_file}", spec["argv"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.True(File.Exists(Path.Combine(path, "kernels", "movierec-spec", "logo-64x64.png")));

        var (removed, output, _) = await Movierec.RunAsync("kernel", "uninstall", "--prefix", prefix, "--name", "movierec-spec");
        Assert.Equal(0, removed);
        Assert.Contains("removed kernelspec 'movierec-spec'", output, StringComparison.Ordinal);
        (code, stdout, _) = await Jupyter.RunAsync(["-c", list], path);
        Assert.Equal("{}", stdout.Trim());
    }

    [GeneratedRegex(@"Ran (\d+) tests?")]
    private static partial Regex RanCount();

    [GeneratedRegex(@"^(test_\w+) \(.*\) \.\.\. skipped", RegexOptions.Multiline)]
    private static partial Regex Skipped();
}
