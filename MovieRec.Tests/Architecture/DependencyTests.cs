using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MovieRec.Tests.Architecture;

/// <summary>
/// The library's folders depend on each other in one direction only, as docs/guides/architecture.md draws it: the
/// sources of MovieRec.Core are compiled here and every name they use is bound, so a type used anywhere in a file (a
/// field, a local, a call) counts, not only its signatures.
/// </summary>
public sealed class DependencyTests
{
    /// <summary>What each namespace of MovieRec.Core may use besides itself, bottom layer first (the root namespace holds
    /// the base exception; Data and its parsers are one layer).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Allowed = new Dictionary<string, string[]>
    {
        ["MovieRec"] = [],
        ["MovieRec.LinearAlgebra"] = ["MovieRec"],
        ["MovieRec.Data"] = ["MovieRec", "MovieRec.Data.Parsing"],
        ["MovieRec.Data.Parsing"] = ["MovieRec", "MovieRec.Data"],
        ["MovieRec.Synthetic"] = ["MovieRec", "MovieRec.Data", "MovieRec.Data.Parsing", "MovieRec.LinearAlgebra"],
        ["MovieRec.Datasets"] = ["MovieRec", "MovieRec.Data", "MovieRec.Data.Parsing", "MovieRec.Synthetic"],
        ["MovieRec.Features.Text"] = ["MovieRec", "MovieRec.Data", "MovieRec.Data.Parsing", "MovieRec.LinearAlgebra"],
        ["MovieRec.Algorithms"] = ["MovieRec", "MovieRec.Data", "MovieRec.Data.Parsing", "MovieRec.LinearAlgebra"],
        ["MovieRec.Evaluation"] = ["MovieRec", "MovieRec.Data", "MovieRec.Data.Parsing", "MovieRec.Algorithms"],
        ["MovieRec.Features"] = ["MovieRec", "MovieRec.Data", "MovieRec.Data.Parsing", "MovieRec.LinearAlgebra", "MovieRec.Features.Text", "MovieRec.Algorithms"],
        ["MovieRec.Classifiers"] = ["MovieRec", "MovieRec.Data", "MovieRec.Data.Parsing", "MovieRec.Features", "MovieRec.Features.Text", "MovieRec.Algorithms", "MovieRec.Evaluation"],
        ["MovieRec.Recommendations"] = ["MovieRec", "MovieRec.Data", "MovieRec.Data.Parsing", "MovieRec.LinearAlgebra", "MovieRec.Features", "MovieRec.Features.Text", "MovieRec.Algorithms", "MovieRec.Evaluation", "MovieRec.Classifiers"],
        ["MovieRec.Analysis"] = ["MovieRec", "MovieRec.Data", "MovieRec.Features", "MovieRec.Features.Text", "MovieRec.Algorithms"],
    };

    /// <summary>Known upward uses, limited to the types named. None today: the algorithm registry, which builds the engines'
    /// rankers, sits with them in Recommendations.</summary>
    public static readonly IReadOnlyDictionary<(string From, string To), string[]> Exceptions = new Dictionary<(string, string), string[]>
    {
    };

    private static readonly Lazy<Dictionary<string, Dictionary<string, SortedSet<string>>>> Uses = new(Compute);

    [Fact]
    public void Every_namespace_uses_only_the_namespaces_below_it()
    {
        var wrong = new List<string>();
        foreach (var (from, targets) in Uses.Value)
        {
            Assert.True(Allowed.ContainsKey(from), $"namespace {from} is not in the map (DependencyTests.Allowed and docs/guides/architecture.md)");
            foreach (var (to, types) in targets)
            {
                if (Allowed[from].Contains(to)) continue;
                var excepted = Exceptions.GetValueOrDefault((from, to)) ?? [];
                var beyond = types.Where(t => !excepted.Contains(t)).ToList();
                if (beyond.Count > 0) wrong.Add($"{from} uses {to}: {string.Join(", ", beyond)}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void The_library_never_uses_the_tool_the_notebooks_or_the_charts()
    {
        var core = typeof(MovieRec.Data.Columns).Assembly;
        Assert.DoesNotContain(core.GetReferencedAssemblies(), a => a.Name is "movierec" or "MovieRec.Notebooks" or "MovieRec.Charts" or "System.CommandLine" or "Spectre.Console");
        var charts = typeof(MovieRec.Charts.Plot).Assembly;
        Assert.DoesNotContain(charts.GetReferencedAssemblies(), a => a.Name is "movierec" or "MovieRec.Notebooks");
    }

    [Fact]
    public void The_map_names_only_namespaces_that_exist()
    {
        Assert.All(Allowed.Keys, ns => Assert.True(Uses.Value.ContainsKey(ns), $"{ns} is in the map but has no source"));
        foreach (var (from, targets) in Allowed)
        {
            foreach (var to in targets) Assert.True(Allowed.ContainsKey(to), $"{from} may use {to}, which does not exist");
        }
    }

    /// <summary>For each namespace of MovieRec.Core, the other MovieRec namespaces its files use, with the (outermost)
    /// types used from each.</summary>
    private static Dictionary<string, Dictionary<string, SortedSet<string>>> Compute()
    {
        var folder = Path.Combine(TestPaths.RepositoryRoot, "MovieRec.Core");
        var project = XDocument.Load(Path.Combine(folder, "MovieRec.Core.csproj"));
        string[] implicitUsings = ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];
        var usings = implicitUsings.Concat(project.Descendants("Using").Select(u => (string)u.Attribute("Include")!)).Distinct();
        var options = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);
        var trees = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), options, f))
            .Append(CSharpSyntaxTree.ParseText(string.Concat(usings.Select(u => $"global using {u};\n")), options, "GlobalUsings.cs"))
            .ToList();
        var compilation = (Compilation)CSharpCompilation.Create("MovieRec.Core", trees, Dotnet.HostReferencesWithoutMovieRec(), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable));
        // The JSON contracts (JsonSerializerContext) get their members from the SDK's System.Text.Json generator, run here
        // as the build runs it. Without the other generators (LibraryImport, GeneratedRegex) their partial methods have no
        // body (CS8795); every other name binds, and those are what the map is about.
        // The declarations are checked here; the method bodies are bound once, by the walk below, which fails on any name
        // that does not bind (binding them twice, for a full compile as well, took a third of this test's time).
        CSharpGeneratorDriver.Create(JsonGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out compilation, out _);
        var errors = compilation.GetDeclarationDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && d.Id != "CS8795").Take(5).ToList();
        Assert.True(errors.Count == 0, "the library's declarations compile here: " + string.Join("\n", errors));
        var unbound = new List<string>();

        var uses = new Dictionary<string, Dictionary<string, SortedSet<string>>>(StringComparer.Ordinal);
        foreach (var tree in trees.Where(t => t.FilePath != "GlobalUsings.cs"))
        {
            var model = compilation.GetSemanticModel(tree);
            var root = tree.GetRoot();
            var own = root.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault()?.Name.ToString() ?? "MovieRec";
            var mine = uses.TryGetValue(own, out var found) ? found : uses[own] = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
            foreach (var name in root.DescendantNodes().OfType<SimpleNameSyntax>())
            {
                var symbol = model.GetSymbolInfo(name).Symbol;
                if (symbol is null && !NeverBound(name)) unbound.Add($"{tree.FilePath}({name.GetLocation().GetLineSpan().StartLinePosition.Line + 1}): {name}");
                var type = symbol switch
                {
                    ITypeSymbol t => t,
                    IMethodSymbol { MethodKind: MethodKind.Constructor } c => c.ContainingType,
                    null or INamespaceSymbol or ILocalSymbol or IParameterSymbol or IRangeVariableSymbol or ILabelSymbol or IDiscardSymbol => null,
                    _ => symbol.ContainingType,
                };
                if (type is IArrayTypeSymbol array) type = array.ElementType;
                while (type?.ContainingType is { } outer) type = outer; // a nested type counts as its outermost type
                var ns = type?.ContainingNamespace?.ToDisplayString();
                if (type is null || ns is null || ns == own || !(ns == "MovieRec" || ns.StartsWith("MovieRec.", StringComparison.Ordinal))) continue;
                (mine.TryGetValue(ns, out var types) ? types : mine[ns] = new SortedSet<string>(StringComparer.Ordinal)).Add(type.Name);
            }
        }

        Assert.True(unbound.Count == 0, "every name of the library binds here: " + string.Join("\n", unbound.Take(5)));
        return uses;
    }

    /// <summary>The names that have no symbol in a library that compiles: <c>nameof</c> (a contextual keyword), the
    /// <c>unmanaged</c> constraint and a using alias's own name.</summary>
    private static bool NeverBound(SimpleNameSyntax name) => name.Identifier.ValueText switch
    {
        "nameof" => name.Parent is InvocationExpressionSyntax,
        "unmanaged" => name.Parent is TypeConstraintSyntax,
        _ => name.Parent is NameEqualsSyntax { Parent: UsingDirectiveSyntax },
    };

    /// <summary>The System.Text.Json source generator of the SDK's reference pack (the newest installed).</summary>
    private static ISourceGenerator JsonGenerator()
    {
        var root = Path.GetFullPath(Path.Combine(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var packs = Path.Combine(root, "packs", "Microsoft.NETCore.App.Ref");
        var path = Directory.Exists(packs)
            ? Directory.GetDirectories(packs).Select(d => Path.Combine(d, "analyzers", "dotnet", "cs", "System.Text.Json.SourceGeneration.dll")).Where(File.Exists).OrderBy(p => p, StringComparer.Ordinal).LastOrDefault()
            : null;
        Assert.True(path is not null, $"the SDK's System.Text.Json source generator is under {packs}");
        var reference = new AnalyzerFileReference(path, new DefaultLoader());
        return Assert.Single(reference.GetGenerators(LanguageNames.CSharp));
    }

    private sealed class DefaultLoader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public System.Reflection.Assembly LoadFromPath(string fullPath) => System.Runtime.Loader.AssemblyLoadContext.Default.LoadFromAssemblyPath(fullPath);
    }
}
