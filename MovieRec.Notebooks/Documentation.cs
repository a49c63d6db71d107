using System.Collections.Concurrent;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;

namespace MovieRec.Notebooks;

/// <summary>XML documentation for the session's references, so inspection can show a symbol's summary.</summary>
/// <remarks>An assembly's docs are the <c>.xml</c> beside it; the runtime's own assemblies ship none, so their docs come from
/// the SDK's reference pack (<c>packs/Microsoft.NETCore.App.Ref/&lt;version&gt;/ref/net*/</c>) when it is installed.</remarks>
internal static class Documentation
{
    private static readonly ConcurrentDictionary<string, DocumentationProvider?> Cache = new(StringComparer.Ordinal);

    public static DocumentationProvider? For(Assembly assembly) => Cache.GetOrAdd(assembly.Location, location =>
    {
        var beside = Path.ChangeExtension(location, ".xml");
        if (File.Exists(beside)) return new XmlFileDocumentation(beside);
        var name = assembly == typeof(object).Assembly ? "System.Runtime" : assembly.GetName().Name!;
        return ReferencePack(name) is { } xml ? new XmlFileDocumentation(xml) : null;
    });

    /// <summary>The XML documentation beside an assembly file (a restored package's), or null.</summary>
    public static DocumentationProvider? Beside(string assemblyPath) => Cache.GetOrAdd(assemblyPath, location =>
        File.Exists(Path.ChangeExtension(location, ".xml")) ? new XmlFileDocumentation(Path.ChangeExtension(location, ".xml")) : null);

    private static string? ReferencePack(string name)
    {
        // .../dotnet/shared/Microsoft.NETCore.App/10.0.x/System.Private.CoreLib.dll -> .../dotnet/packs/Microsoft.NETCore.App.Ref/10.0.x/ref/net10.0/
        var runtime = new DirectoryInfo(Path.GetDirectoryName(typeof(object).Assembly.Location)!);
        if (runtime.Parent?.Parent?.Parent is not { } root) return null;
        var pack = new DirectoryInfo(Path.Combine(root.FullName, "packs", "Microsoft.NETCore.App.Ref", runtime.Name, "ref"));
        if (!pack.Exists) return null;
        return pack.GetDirectories().Select(d => Path.Combine(d.FullName, name + ".xml")).FirstOrDefault(File.Exists);
    }

    /// <summary>The members of one XML documentation file, read on first use.</summary>
    private sealed class XmlFileDocumentation(string path) : DocumentationProvider
    {
        private readonly Lazy<Dictionary<string, string>> _members = new(() =>
        {
            try
            {
                return XDocument.Load(path).Descendants("member").Where(m => m.Attribute("name") is not null)
                    .GroupBy(m => (string)m.Attribute("name")!).ToDictionary(g => g.Key, g => g.First().ToString(), StringComparer.Ordinal);
            }
            catch (Exception e) when (e is IOException or System.Xml.XmlException or UnauthorizedAccessException)
            {
                return new Dictionary<string, string>(StringComparer.Ordinal);
            }
        });

        protected override string? GetDocumentationForSymbol(string documentationMemberID, CultureInfo preferredCulture, CancellationToken cancellationToken = default) =>
            _members.Value.TryGetValue(documentationMemberID, out var xml) ? xml : null;

        public override bool Equals(object? obj) => obj is XmlFileDocumentation other && other.Path == Path;

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Path);

        private string Path => path;
    }
}
