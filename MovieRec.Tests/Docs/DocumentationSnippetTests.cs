using System.IO.Compression;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace MovieRec.Tests.Docs;

/// <summary>
/// Every C# snippet of the README and the documentation's guides compiles against the packed library: MovieRec.Core
/// is packed (<c>dotnet pack --no-build</c>) and the compiler sees the assembly from the package, not the project's
/// build. A page's snippets compile in order as one notebook would run them (each a submission after the ones before,
/// so a later snippet uses what an earlier one declared), after a prelude that loads the sample as the guides do
/// (<c>dataset</c>, <c>clean</c>, <c>split</c>, <c>data</c>).
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class DocumentationSnippetTests : IClassFixture<DocumentationSnippetTests.PackedLibrary>
{
    private const string Prelude = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using Microsoft.Data.Analysis;
        using MovieRec.Algorithms;
        using MovieRec.Datasets;
        using MovieRec.Data;
        using MovieRec.Evaluation;
        using MovieRec.Features;
        using MovieRec.Classifiers;
        using MovieRec.Recommendations;
        var dataset = MovieLensLoader.Load("data/sample");
        var clean = DataCleaning.Clean(dataset);
        var split = Splitters.Stratified(clean.Ratings, ratio: 0.75);
        var data = RatingDataset.From(clean.Ratings, clean.Movies, dataset.Tags, dataset.Genome);
        """;

    private readonly PackedLibrary _library;

    public DocumentationSnippetTests(PackedLibrary library) => _library = library;

    /// <summary>The pages with C# snippets, relative to the repository.</summary>
    public static TheoryData<string> Pages() => [.. PageList()];

    private static IEnumerable<string> PageList()
    {
        var root = TestPaths.RepositoryRoot;
        var files = new[] { Path.Combine(root, "README.md"), Path.Combine(root, "docs", "index.md") }
            .Concat(Directory.GetFiles(Path.Combine(root, "docs", "guides"), "*.md"))
            .Concat(Directory.GetFiles(Path.Combine(root, "docs", "algorithms"), "*.md"))
            .Where(f => Snippets(File.ReadAllText(f)).Count > 0)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        return files;
    }

    [Fact]
    public void The_guides_that_promise_compiled_snippets_have_them()
    {
        var pages = PageList().ToList();
        foreach (var page in new[] { "README.md", "docs/guides/getting-started.md", "docs/guides/concepts.md", "docs/guides/evaluation.md", "docs/guides/recommendations.md" })
        {
            Assert.Contains(page, pages);
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_snippet_of_the_page_compiles_against_the_packed_library(string page)
    {
        var snippets = Snippets(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, page)));
        var options = ScriptOptions.Default.WithReferences(_library.References).WithImports("System");
        var script = CSharpScript.Create(Prelude, options);
        var errors = Errors(script);
        Assert.True(errors.Count == 0, "the prelude: " + string.Join("\n", errors));
        foreach (var (line, code) in snippets)
        {
            script = script.ContinueWith(code, options);
            errors = Errors(script);
            Assert.True(errors.Count == 0, $"{page}, the snippet at line {line}:\n{string.Join("\n", errors)}");
        }
    }

    private static List<string> Errors(Script script) =>
        [.. script.Compile().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => $"  line {d.Location.GetLineSpan().StartLinePosition.Line + 1}: {d.Id}: {d.GetMessage(CultureInfo.InvariantCulture)}")];

    /// <summary>The ```csharp blocks of a Markdown page, with the line each starts on.</summary>
    internal static List<(int Line, string Code)> Snippets(string markdown)
    {
        var result = new List<(int, string)>();
        foreach (Match m in CSharpBlock().Matches(markdown))
        {
            var line = markdown.AsSpan(0, m.Index).Count('\n') + 1;
            result.Add((line, m.Groups["code"].Value));
        }

        return result;
    }

    [GeneratedRegex(@"^```csharp[ \t]*\r?\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    /// <summary>MovieRec.Core packed from this build (<c>dotnet pack --no-build</c>), its assembly taken from the
    /// package, beside the framework and the package's dependencies as the test host loads them.</summary>
    public sealed class PackedLibrary : IAsyncLifetime, IDisposable
    {
        private readonly TempFolder _temp = new();

        public IReadOnlyList<MetadataReference> References { get; private set; } = [];

        public async Task InitializeAsync()
        {
#if DEBUG
            const string configuration = "Debug";
#else
            const string configuration = "Release";
#endif
            var feed = _temp.Sub("feed");
            var (code, output) = await Dotnet.RunAsync("dotnet", TestPaths.RepositoryRoot, "pack", "MovieRec.Core/MovieRec.Core.csproj", "-c", configuration, "--no-build", "-o", feed, "-nologo");
            Assert.True(code == 0, output);

            var package = Directory.GetFiles(feed, "MovieRec.Core.*.nupkg").Single(f => !f.EndsWith(".snupkg", StringComparison.Ordinal));
            var assembly = _temp.File("MovieRec.Core.dll");
            using (var zip = ZipFile.OpenRead(package))
            {
                zip.Entries.Single(e => e.FullName == "lib/net10.0/MovieRec.Core.dll").ExtractToFile(assembly);
            }

            References = [.. Dotnet.HostReferencesWithoutMovieRec(), MetadataReference.CreateFromFile(assembly)];
        }

        public Task DisposeAsync()
        {
            Dispose();
            return Task.CompletedTask;
        }

        public void Dispose() => _temp.Dispose();
    }
}
