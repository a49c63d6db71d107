using System.Text.RegularExpressions;

namespace MovieRec.Notebooks;

/// <summary>
/// The Polyglot directives a C# cell may carry, which Roslyn scripting does not understand: <c>#!csharp</c> / <c>#!c#</c>
/// are dropped, any other <c>#!</c> magic is an error, <c>#r "nuget: NAME, VERSION"</c> must name a
/// <see cref="NotebookPackages"/> entry at its pinned version (a trailing <c>*</c> matches a prefix), and <c>#i</c> package
/// sources are dropped. Dropped lines become blanks of the same length, so compiler positions (and completion offsets) still
/// match the cell.
/// </summary>
internal static partial class Directives
{
    /// <summary>The cell's source with the directives applied.</summary>
    /// <exception cref="DirectiveException">A directive that cannot be honoured.</exception>
    public static string Apply(string source) => Rewrite(source, strict: true);

    /// <summary>The cell's source with every directive line blanked and nothing checked (for completion and inspection).</summary>
    public static string Blank(string source) => Rewrite(source, strict: false);

    private static string Rewrite(string source, bool strict)
    {
        var sb = new StringBuilder(source.Length);
        var lines = source.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0) sb.Append('\n');
            var trimmed = lines[i].Trim();
            if (trimmed.StartsWith("#!", StringComparison.Ordinal))
            {
                if (strict && trimmed is not ("#!csharp" or "#!c#"))
                {
                    throw new DirectiveException(i + 1, $"the '{trimmed.Split(' ')[0]}' magic belongs to another kernel; this kernel runs C# cells only");
                }

                sb.Append(' ', lines[i].Length);
                continue;
            }

            var nuget = NugetReference().Match(trimmed);
            if (nuget.Success && strict) Check(nuget.Groups["name"].Value.Trim(), nuget.Groups["version"].Success ? nuget.Groups["version"].Value.Trim() : null, i + 1);
            sb.Append(nuget.Success || trimmed.StartsWith("#i ", StringComparison.Ordinal) ? new string(' ', lines[i].Length) : lines[i]);
        }

        return sb.ToString();
    }

    private static void Check(string package, string? version, int line)
    {
        if (!NotebookPackages.Known.TryGetValue(package, out var known))
        {
            throw new DirectiveException(line, $"package '{package}' is not available to this kernel (available: {string.Join(", ", NotebookPackages.Known.Keys.Order(StringComparer.Ordinal))})");
        }

        if (version is not null && version != known.Version && !(version.EndsWith('*') && known.Version.StartsWith(version.TrimEnd('*'), StringComparison.Ordinal)))
        {
            throw new DirectiveException(line, $"package '{package}' is pinned to {known.Version} in this project, but the notebook asks for {version}");
        }
    }

    [GeneratedRegex(@"^#r\s+""nuget:\s*(?<name>[^,""]+)(,\s*(?<version>[^""]+))?""\s*$")]
    private static partial Regex NugetReference();
}
