namespace MovieRec.Recommendations;

/// <summary>Optional constraints on recommended movies; an unset field does not filter.</summary>
public sealed record RecommendationFilter
{
    /// <summary>Keep movies with at least one of these genres.</summary>
    public IReadOnlyList<string>? Genres { get; init; }

    /// <summary>Earliest release year.</summary>
    public int? MinYear { get; init; }

    /// <summary>Latest release year.</summary>
    public int? MaxYear { get; init; }

    /// <summary>Minimum number of training ratings.</summary>
    public int MinRatings { get; init; }
}
