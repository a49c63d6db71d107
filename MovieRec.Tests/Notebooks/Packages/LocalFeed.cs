using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MovieRec.Tests.Notebooks.Packages;

/// <summary>
/// A local folder feed built once per test class: <c>Tiny.Lib</c> 1.0.0 and 1.1.0, which depend on <c>Tiny.Dep</c> 1.0.0,
/// and (where a C compiler is installed) <c>Tiny.Native</c> 1.0.0, whose managed code calls a native library packed under
/// <c>runtimes/RID/native</c>. No network, and no <c>dotnet pack</c>: the assemblies are compiled here with Roslyn and
/// each package is written as <c>dotnet pack</c> lays it out (a nuspec with its dependency group, <c>lib/net10.0/</c>,
/// <c>runtimes/</c>), which is all a restore reads (the four <c>dotnet pack</c> processes this replaces took 14
/// CPU-seconds of every test run).
/// </summary>
public sealed class LocalFeed : IAsyncLifetime, IDisposable
{
    private const string Framework = "net10.0";

    private readonly TempFolder _temp = new();

    /// <summary>The feed folder (the .nupkg files).</summary>
    public string Feed => _temp.File("feed");

    /// <summary>A global packages folder shared by the class's tests (restores extract here, not into the user's).</summary>
    public string Packages => _temp.File("packages");

    /// <summary>Where the sessions keep their generated projects.</summary>
    public string Projects => _temp.File("projects");

    /// <summary>Tiny.Dep's assembly as built (for <c>#r "file.dll"</c>).</summary>
    public string DepAssembly => _temp.File(Path.Combine("build", "Tiny.Dep.dll"));

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
        Directory.CreateDirectory(Feed);
        var dep = Compile("Tiny.Dep", "namespace Tiny.Dep;\npublic static class Echo { public static string Say(string text) => \"dep:\" + text; }\n");
        Directory.CreateDirectory(Path.GetDirectoryName(DepAssembly)!);
        File.WriteAllBytes(DepAssembly, dep);
        WritePackage("Tiny.Dep", "1.0.0", [], ($"lib/{Framework}/Tiny.Dep.dll", dep));
        var lib = Compile("Tiny.Lib", "namespace Tiny.Lib;\npublic static class Greeter { public static string Greet(string who) => Tiny.Dep.Echo.Say(\"hello \" + who); }\n", dep);
        foreach (var version in new[] { "1.0.0", "1.1.0" }) WritePackage("Tiny.Lib", version, [("Tiny.Dep", "1.0.0")], ($"lib/{Framework}/Tiny.Lib.dll", lib)); // one build, packed twice
        if (Compiler is not null)
        {
            var folder = _temp.Sub("native");
            File.WriteAllText(Path.Combine(folder, "answer.c"), "int tiny_answer(void) { return 42; }\n");
            var (code, output) = await Dotnet.RunAsync(Compiler, folder, "-shared", "-fPIC", "-o", "libtinyanswer.so", "answer.c");
            Assert.True(code == 0, output);
            var rid = System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;
            var managed = Compile("Tiny.Native", "namespace Tiny.Native;\npublic static class Answer { [System.Runtime.InteropServices.DllImport(\"tinyanswer\")] public static extern int tiny_answer(); }\n");
            WritePackage("Tiny.Native", "1.0.0", [], ($"lib/{Framework}/Tiny.Native.dll", managed), ($"runtimes/{rid}/native/libtinyanswer.so", File.ReadAllBytes(Path.Combine(folder, "libtinyanswer.so"))));
            HasNative = true;
        }

        // Tiny.Future: one assembly for net11.0 only, so nothing in it suits net10.0 (restore never reads the file itself).
        WritePackage("Tiny.Future", "1.0.0", [], [("lib/net11.0/Tiny.Future.dll", Encoding.UTF8.GetBytes("not an assembly: restore never reads it"))], "net11.0");
    }

    /// <summary>The running framework's assemblies, read once for the three compilations.</summary>
    private static readonly Lazy<PortableExecutableReference[]> FrameworkReferences = new(() =>
    {
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return [.. Directory.GetFiles(framework, "System.*.dll").Append(Path.Combine(framework, "netstandard.dll")).Where(File.Exists)
            .Where(f => !Path.GetFileName(f).Contains(".Native", StringComparison.Ordinal))
            .Select(f => MetadataReference.CreateFromFile(f))];
    });

    /// <summary>A class library <paramref name="name"/> 1.0.0.0 from one source file, against the running framework (and
    /// <paramref name="references"/>, as images).</summary>
    private static byte[] Compile(string name, string source, params byte[][] references)
    {
        var compilation = CSharpCompilation.Create(name,
            [CSharpSyntaxTree.ParseText($"[assembly: System.Reflection.AssemblyVersion(\"1.0.0.0\")]\n{source}")],
            FrameworkReferences.Value.Concat(references.Select(r => MetadataReference.CreateFromImage(r))),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, deterministic: true));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return image.ToArray();
    }

    /// <summary>Writes <c>ID.VERSION.nupkg</c> into the feed: its nuspec (with a dependency group for net10.0) and files.</summary>
    private void WritePackage(string id, string version, (string Id, string Version)[] dependencies, params (string Path, byte[] Bytes)[] files) =>
        WritePackage(id, version, dependencies, files, Framework);

    /// <summary>Writes <c>ID.VERSION.nupkg</c> into the feed: its nuspec (with a dependency group for <paramref name="framework"/>) and files.</summary>
    private void WritePackage(string id, string version, (string Id, string Version)[] dependencies, (string Path, byte[] Bytes)[] files, string framework)
    {
        var group = string.Concat(dependencies.Select(d => $"<dependency id=\"{d.Id}\" version=\"{d.Version}\" exclude=\"Build,Analyzers\" />"));
        var nuspec = $"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<package xmlns=\"http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd\"><metadata><id>{id}</id><version>{version}</version><authors>tests</authors><description>a test package</description><dependencies><group targetFramework=\"{framework}\">{group}</group></dependencies></metadata></package>";
        using var zip = System.IO.Compression.ZipFile.Open(Path.Combine(Feed, $"{id}.{version}.nupkg"), System.IO.Compression.ZipArchiveMode.Create);
        foreach (var (path, bytes) in files.Prepend(($"{id}.nuspec", Encoding.UTF8.GetBytes(nuspec))))
        {
            using var entry = zip.CreateEntry(path).Open();
            entry.Write(bytes);
        }
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _temp.Dispose();
}
