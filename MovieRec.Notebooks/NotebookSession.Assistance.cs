using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MovieRec.Notebooks;

public sealed partial class NotebookSession
{
    private static readonly CSharpParseOptions ScriptParseOptions = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    /// <summary>Completions at <paramref name="cursor"/>, from the session's current state: members after a dot (instance
    /// members and extension methods of a value, static members of a type, members of a namespace), otherwise every name
    /// in scope (locals, earlier cells' variables, globals, types and namespaces).</summary>
    public Completion Complete(string code, int cursor)
    {
        ArgumentNullException.ThrowIfNull(code);
        cursor = Math.Clamp(cursor, 0, code.Length);
        var start = cursor;
        while (start > 0 && IsNameChar(code[start - 1])) start--;
        var prefix = code[start..cursor];
        var (model, root) = Analyze(code);
        IEnumerable<ISymbol> symbols;
        if (start > 0 && code[start - 1] == '.')
        {
            var left = root.FindToken(start - 1).Parent switch
            {
                MemberAccessExpressionSyntax access => access.Expression,
                QualifiedNameSyntax qualified => qualified.Left,
                _ => null,
            };
            symbols = left is null ? [] : Members(model, left, start);
        }
        else
        {
            symbols = model.LookupSymbols(start);
        }

        var matches = symbols.Where(s => s.CanBeReferencedByName && s.Name.StartsWith(prefix, StringComparison.Ordinal))
            .Select(s => s.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new Completion(matches, start, cursor);
    }

    /// <summary>The symbol at (or just before) <paramref name="cursor"/>, with its signature and documentation summary; null when there is none.</summary>
    public Inspection? Inspect(string code, int cursor)
    {
        ArgumentNullException.ThrowIfNull(code);
        cursor = Math.Clamp(cursor, 0, code.Length);
        if (cursor > 0 && (cursor == code.Length || !IsNameChar(code[cursor])) && IsNameChar(code[cursor - 1])) cursor--;
        var (model, root) = Analyze(code);
        var token = root.FindToken(cursor);
        ISymbol? symbol = null;
        for (var node = token.Parent; node is not null && symbol is null; node = node.Parent)
        {
            var info = model.GetSymbolInfo(node);
            symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault() ?? model.GetDeclaredSymbol(node);
            if (node is StatementSyntax or MemberDeclarationSyntax) break;
        }

        if (symbol is null) return null;
        var summary = string.Empty;
        var xml = (symbol as IMethodSymbol)?.ReducedFrom?.GetDocumentationCommentXml() ?? symbol.OriginalDefinition.GetDocumentationCommentXml();
        if (!string.IsNullOrWhiteSpace(xml))
        {
            try
            {
                var parts = XDocument.Parse(xml).Descendants("summary").FirstOrDefault()?.DescendantNodes().Select(n => n switch
                {
                    XText t => t.Value,
                    XElement { Name.LocalName: "see" or "paramref" or "typeparamref" } e => Short((string?)e.Attribute("cref") ?? (string?)e.Attribute("name") ?? (string?)e.Attribute("langword")),
                    _ => string.Empty,
                }) ?? [];
                summary = string.Join(' ', string.Concat(parts).Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
            }
            catch (System.Xml.XmlException)
            {
                summary = string.Empty;
            }
        }

        return new Inspection(symbol.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat), summary);

        static string Short(string? cref) => cref is null ? string.Empty : cref[(cref.IndexOf(':') + 1)..].Split('(')[0].Split('.')[^1];
    }

    /// <summary>Whether <paramref name="code"/> is a complete submission (see <see cref="CodeCompleteness"/>).</summary>
    public static CodeCompleteness IsComplete(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var tree = CSharpSyntaxTree.ParseText(Directives.Blank(code), ScriptParseOptions);
        if (!SyntaxFactory.IsCompleteSubmission(tree)) return CodeCompleteness.Incomplete;
        return tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error) ? CodeCompleteness.Invalid : CodeCompleteness.Complete;
    }

    private (SemanticModel Model, SyntaxNode Root) Analyze(string code)
    {
        var script = (_state?.Script ?? _empty).ContinueWith(Directives.Blank(code), _scriptOptions);
        var compilation = script.GetCompilation();
        var tree = compilation.SyntaxTrees.Single();
        return (compilation.GetSemanticModel(tree), tree.GetRoot());
    }

    private static IEnumerable<ISymbol> Members(SemanticModel model, ExpressionSyntax left, int position)
    {
        var symbol = model.GetSymbolInfo(left).Symbol;
        if (symbol is INamespaceSymbol ns) return model.LookupNamespacesAndTypes(position, ns).Concat(ns.GetMembers());
        if (symbol is ITypeSymbol type && left is not (InvocationExpressionSyntax or ObjectCreationExpressionSyntax))
        {
            return model.LookupSymbols(position, type).Where(s => s.IsStatic || s is ITypeSymbol);
        }

        var valueType = model.GetTypeInfo(left).Type;
        return valueType is null ? [] : model.LookupSymbols(position, valueType, includeReducedExtensionMethods: true).Where(s => !s.IsStatic || s is IMethodSymbol { IsExtensionMethod: true });
    }

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
