using System.Text.RegularExpressions;

namespace MovieRec.Notebooks;

/// <summary>
/// The Polyglot directives a C# cell may carry, which Roslyn scripting does not understand: <c>#!csharp</c> / <c>#!c#</c>
/// are dropped, <c>#!time</c> and <c>#!whos</c> are the session's magics, any other <c>#!</c> magic is an error,
/// <c>#r "nuget: NAME[, VERSION]"</c> asks for a package and <c>#i "nuget: SOURCE"</c> adds a package source (both handled
/// by the session, see <see cref="PackageRestorer"/>). Directive lines become blanks of the same length, so compiler
/// positions (and completion offsets) still match the cell.
/// </summary>
internal static partial class Directives
{
    /// <summary>The cell's source with the directives taken out, and what they ask for.</summary>
    /// <exception cref="DirectiveException">A directive that cannot be honoured.</exception>
    public static ParsedCell Parse(string source) => Rewrite(source, strict: true);

    /// <summary>The cell's source with every directive line blanked and nothing checked (for completion and inspection).</summary>
    public static string Blank(string source) => Rewrite(source, strict: false).Source;

    private static ParsedCell Rewrite(string source, bool strict)
    {
        var sb = new StringBuilder(source.Length);
        var packages = new List<PackageRequest>();
        var sources = new List<string>();
        bool time = false, whos = false;
        var lines = source.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0) sb.Append('\n');
            var trimmed = lines[i].Trim();
            var blank = true;
            if (trimmed.StartsWith("#!", StringComparison.Ordinal))
            {
                switch (trimmed)
                {
                    case "#!csharp" or "#!c#":
                        break;
                    case "#!time":
                        time = true;
                        break;
                    case "#!whos":
                        whos = true;
                        break;
                    default:
                        if (strict)
                        {
                            throw new DirectiveException(i + 1, $"the '{trimmed.Split(' ')[0]}' magic belongs to another kernel; this kernel runs C# cells (magics: #!time, #!whos)");
                        }

                        break;
                }
            }
            else if (NugetReference().Match(trimmed) is { Success: true } nuget)
            {
                var version = nuget.Groups["version"].Success ? nuget.Groups["version"].Value.Trim() : null;
                packages.Add(new PackageRequest(nuget.Groups["name"].Value.Trim(), string.IsNullOrEmpty(version) ? null : version, i + 1));
            }
            else if (PackageSource().Match(trimmed) is { Success: true } feed)
            {
                sources.Add(feed.Groups["source"].Value.Trim());
            }
            else if (strict && trimmed.StartsWith("#i ", StringComparison.Ordinal))
            {
                throw new DirectiveException(i + 1, "a package source is written #i \"nuget: SOURCE\" (a feed URL or a local folder)");
            }
            else
            {
                blank = false;
            }

            sb.Append(blank ? new string(' ', lines[i].Length) : lines[i]);
        }

        return new ParsedCell(sb.ToString(), packages, sources, time, whos);
    }

    [GeneratedRegex(@"^#r\s+""nuget:\s*(?<name>[^,""]+)(,\s*(?<version>[^""]*))?""\s*$")]
    private static partial Regex NugetReference();

    [GeneratedRegex(@"^#i\s+""nuget:\s*(?<source>[^""]+)""\s*$")]
    private static partial Regex PackageSource();
}
