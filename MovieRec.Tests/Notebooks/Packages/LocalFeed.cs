namespace MovieRec.Tests.Notebooks.Packages;

/// <summary>
/// A local folder feed built once per test class with <c>dotnet pack</c>: <c>Tiny.Lib</c> 1.0.0 and 1.1.0, which depend on
/// <c>Tiny.Dep</c> 1.0.0, and (where a C compiler is installed) <c>Tiny.Native</c> 1.0.0, whose managed code calls a native
/// library packed under <c>runtimes/RID/native</c>. No network: the projects need no package.
/// </summary>
public sealed class LocalFeed : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _temp = new();

    /// <summary>The feed folder (the .nupkg files).</summary>
    public string Feed => _temp.File("feed");

    /// <summary>A global packages folder shared by the class's tests (restores extract here, not into the user's).</summary>
    public string Packages => _temp.File("packages");

    /// <summary>Where the sessions keep their generated projects.</summary>
    public string Projects => _temp.File("projects");

    /// <summary>Tiny.Dep's assembly as built (for <c>#r "file.dll"</c>).</summary>
    public string DepAssembly => _temp.File(Path.Combine("src", "Tiny.Dep", "bin", "Release", "net10.0", "Tiny.Dep.dll"));

    /// <summary>True when Tiny.Native was packed (a C compiler was found).</summary>
    public bool HasNative { get; private set; }

    /// <summary>The C compiler Tiny.Native needs, or null.</summary>
    public static string? Compiler { get; } = new[] { "/usr/bin/cc", "/usr/bin/gcc" }.FirstOrDefault(File.Exists);

    /// <summary>A folder for a notebook with a nuget.config that clears every source (and adds <paramref name="feed"/> when given).</summary>
    public string NotebookFolder(string name, string? feed = null)
    {
        var folder = _temp.Sub(name);
        var add = feed is null ? string.Empty : $"<add key=\"tiny\" value=\"{feed}\" />";
        File.WriteAllText(Path.Combine(folder, "nuget.config"), $"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration><packageSources><clear />{add}</packageSources></configuration>\n");
        return folder;
    }

    public async Task InitializeAsync()
    {
        NotebookFolder("src", Feed); // the tiny projects restore from the feed only (Tiny.Lib needs Tiny.Dep)
        Directory.CreateDirectory(Feed);
        const string props = "<TargetFramework>net10.0</TargetFramework><Authors>tests</Authors><Description>a test package</Description><IsPackable>true</IsPackable><GenerateDocumentationFile>false</GenerateDocumentationFile><NuGetAudit>false</NuGetAudit>";
        _temp.Write("src/Tiny.Dep/Tiny.Dep.csproj", $"<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup>{props}<Version>1.0.0</Version></PropertyGroup></Project>");
        _temp.Write("src/Tiny.Dep/Echo.cs", "namespace Tiny.Dep;\npublic static class Echo { public static string Say(string text) => \"dep:\" + text; }\n");
        _temp.Write("src/Tiny.Lib/Tiny.Lib.csproj", $"<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup>{props}<Version>1.0.0</Version></PropertyGroup><ItemGroup><PackageReference Include=\"Tiny.Dep\" Version=\"1.0.0\" /></ItemGroup></Project>");
        _temp.Write("src/Tiny.Lib/Greeter.cs", "namespace Tiny.Lib;\npublic static class Greeter { public static string Greet(string who) => Tiny.Dep.Echo.Say(\"hello \" + who); }\n");
        var src = _temp.File("src");
        var lib = PackLibAsync(src);
        var native = Task.FromResult(true);
        if (Compiler is not null)
        {
            var rid = System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;
            _temp.Write("src/Tiny.Native/answer.c", "int tiny_answer(void) { return 42; }\n");
            _temp.Write("src/Tiny.Native/Tiny.Native.csproj", $"<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup>{props}<Version>1.0.0</Version></PropertyGroup><ItemGroup><None Include=\"libtinyanswer.so\" Pack=\"true\" PackagePath=\"runtimes/{rid}/native/\" /></ItemGroup></Project>");
            _temp.Write("src/Tiny.Native/Answer.cs", "namespace Tiny.Native;\npublic static class Answer { [System.Runtime.InteropServices.DllImport(\"tinyanswer\")] public static extern int tiny_answer(); }\n");
            native = CompileAndPackNativeAsync(src);
        }

        WriteFuturePackage();
        await lib;
        HasNative = await native;
    }

    /// <summary>Tiny.Future 1.0.0, written by hand: one assembly for <c>net11.0</c> only, so nothing in it suits <c>net10.0</c>.</summary>
    private void WriteFuturePackage()
    {
        using var zip = System.IO.Compression.ZipFile.Open(Path.Combine(Feed, "Tiny.Future.1.0.0.nupkg"), System.IO.Compression.ZipArchiveMode.Create);
        void Add(string name, string text)
        {
            using var writer = new StreamWriter(zip.CreateEntry(name).Open());
            writer.Write(text);
        }

        Add("Tiny.Future.nuspec", "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<package xmlns=\"http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd\"><metadata><id>Tiny.Future</id><version>1.0.0</version><authors>tests</authors><description>a test package for a later framework</description></metadata></package>");
        Add("lib/net11.0/Tiny.Future.dll", "not an assembly: restore never reads it");
    }

    /// <summary>Tiny.Dep, then Tiny.Lib 1.0.0 and 1.1.0 (the same build, packed twice), both depending on Tiny.Dep 1.0.0.</summary>
    private async Task PackLibAsync(string src)
    {
        await PackAsync(src, "Tiny.Dep");
        await PackAsync(src, "Tiny.Lib");
        await PackAsync(src, "Tiny.Lib", "--no-build", "-p:PackageVersion=1.1.0");
    }

    private async Task<bool> CompileAndPackNativeAsync(string src)
    {
        var folder = Path.Combine(src, "Tiny.Native");
        var (code, output) = await Dotnet.RunAsync(Compiler!, folder, "-shared", "-fPIC", "-o", "libtinyanswer.so", "answer.c");
        Assert.True(code == 0, output);
        await PackAsync(src, "Tiny.Native");
        return true;
    }

    private async Task PackAsync(string src, string project, params string[] extra)
    {
        string[] args = ["pack", project, "-c", "Release", "-o", Feed, "-nologo", "-p:RestorePackagesPath=" + _temp.File("src-packages"), .. extra];
        var (code, output) = await Dotnet.RunAsync("dotnet", src, args);
        Assert.True(code == 0, output);
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _temp.Dispose();
}
