namespace MovieRec.Recommendations;

/// <summary>
/// The engines by name (<c>svd</c>, <c>ml</c>, <c>content</c>, <c>hybrid</c>) and the default engine: one parser for
/// the command line, the web API and the sanity report, so a name means the same engine everywhere.
/// </summary>
public static class RecommenderEngines
{
    /// <summary>The engine used when none is named: the hybrid, the engine that leads on held-out likes (notebook 05).</summary>
    public static RecommenderEngine Default => RecommenderEngine.Hybrid;

    /// <summary>Every engine's name, in the enum's order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Enum.GetValues<RecommenderEngine>().Select(NameOf)];

    /// <summary>An engine's name: its enum name in lower case (<c>svd</c>, <c>ml</c>, <c>content</c>, <c>hybrid</c>).</summary>
    public static string NameOf(RecommenderEngine engine) => engine.ToString().ToLowerInvariant();

    /// <summary>Parses an engine's name (any case); false for anything else, numbers included.</summary>
    public static bool TryParse(string? name, out RecommenderEngine engine)
    {
        foreach (var candidate in Enum.GetValues<RecommenderEngine>())
        {
            if (string.Equals(NameOf(candidate), name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                engine = candidate;
                return true;
            }
        }

        engine = Default;
        return false;
    }

    /// <summary>Parses an engine's name.</summary>
    /// <exception cref="ArgumentException">Not an engine's name; the message lists them.</exception>
    public static RecommenderEngine Parse(string name) => TryParse(name, out var engine)
        ? engine
        : throw new ArgumentException($"'{name}' is not an engine; choose one of {string.Join(", ", Names)}.", nameof(name));
}
