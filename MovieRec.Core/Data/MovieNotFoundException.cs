namespace MovieRec.Data;

/// <summary>A title or id matched no movie; <see cref="Suggestions"/> lists the closest titles.</summary>
public sealed class MovieNotFoundException : MovieRecException
{
    /// <summary>Creates the exception.</summary>
    public MovieNotFoundException(string query, IReadOnlyList<string> suggestions)
        : base($"No movie matches '{query}'." + (suggestions.Count > 0 ? " Closest: " + string.Join("; ", suggestions) + "." : string.Empty))
    {
        Query = query;
        Suggestions = suggestions;
    }

    /// <summary>What was searched.</summary>
    public string Query { get; }

    /// <summary>The closest titles.</summary>
    public IReadOnlyList<string> Suggestions { get; }
}
