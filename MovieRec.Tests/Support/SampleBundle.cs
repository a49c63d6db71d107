namespace MovieRec.Tests.Support;

/// <summary>
/// A bundle of the repository's sample fitted once per test process by the tool itself (<c>movierec fit --data
/// data/sample</c>), shared by every test that queries a saved model, with what the fit printed.
/// </summary>
internal static class SampleBundle
{
    private static readonly Lazy<Task<(string Path, string Stdout)>> Fitted = new(FitAsync);

    /// <summary>The bundle's path and what <c>fit</c> printed; the first caller starts the fit, the others wait on it.</summary>
    public static Task<(string Path, string Stdout)> GetAsync() => Fitted.Value;

    private static async Task<(string Path, string Stdout)> FitAsync()
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "movierec-tests", "bundle-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { Directory.Delete(folder, recursive: true); } catch (IOException) { } };
        var path = System.IO.Path.Combine(folder, "sample.movierec");
        var (code, stdout, stderr) = await Movierec.RunAsync("fit", "--data", TestPaths.Sample, "--out", path);
        Assert.True(code == 0, stdout + stderr);
        return (path, stdout);
    }
}
