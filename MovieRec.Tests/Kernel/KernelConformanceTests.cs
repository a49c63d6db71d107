using System.Text.RegularExpressions;
using MovieRec.Tests.Support;

namespace MovieRec.Tests.Kernel;

/// <summary>The kernel under Jupyter's own clients: the conformance suite (jupyter_kernel_test) and our protocol checks,
/// both written with jupyter_client in test_movierec_kernel.py.</summary>
public sealed partial class KernelConformanceTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [JupyterFact]
    public async Task Conformance_suite_and_protocol_checks_pass_with_only_optional_features_skipped()
    {
        var path = await Jupyter.InstallKernelAsync(_temp.Sub("prefix"), "movierec-conformance");
        var (code, stdout, stderr) = await Jupyter.RunAsync(["-m", "unittest", "-v", "test_movierec_kernel"], path, "movierec-conformance");
        var log = stdout + stderr;
        Assert.True(code == 0, log);
        var ran = int.Parse(Ran().Match(log).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(ran >= 20, log);
        // Only the pager is skipped: payloads are deprecated in protocol 5 (see the module's docstring).
        Assert.Equal(["test_pager"], Skipped().Matches(log).Select(m => m.Groups[1].Value));
        Assert.Contains("dropped a shell message: bad signature", log);
    }

    [GeneratedRegex(@"Ran (\d+) tests?")]
    private static partial Regex Ran();

    [GeneratedRegex(@"^(test_\w+) \(.*\) \.\.\. skipped", RegexOptions.Multiline)]
    private static partial Regex Skipped();
}
