namespace MovieRec.Data;

/// <summary>The rating scale of a release: the smallest and largest rating and the step between ratings.</summary>
/// <param name="Min">The smallest rating, e.g. 0.5.</param>
/// <param name="Max">The largest rating, e.g. 5.0.</param>
/// <param name="Step">The step between allowed ratings, e.g. 0.5 for half stars.</param>
public sealed record RatingScale(double Min, double Max, double Step)
{
    /// <summary>Whole stars 1–5: the 100k and 1M releases.</summary>
    public static RatingScale WholeStars { get; } = new(1.0, 5.0, 1.0);

    /// <summary>Half stars 0.5–5.0: the 10M release and every CSV release (20M, 25M, 32M, latest, latest-small).</summary>
    public static RatingScale HalfStars { get; } = new(0.5, 5.0, 0.5);

    /// <summary>True when <paramref name="rating"/> lies on the scale (within 1e-9 of an allowed value).</summary>
    public bool Contains(double rating)
    {
        if (!(rating >= Min - 1e-9 && rating <= Max + 1e-9)) return false;
        var steps = (rating - Min) / Step;
        return Math.Abs(steps - Math.Round(steps)) < 1e-9;
    }

    /// <summary>Rounds a value onto the scale (clamped to [Min, Max], to the nearest step).</summary>
    public double Snap(double value)
    {
        var clamped = Math.Clamp(value, Min, Max);
        return Min + (Math.Round((clamped - Min) / Step, MidpointRounding.AwayFromZero) * Step);
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Min}–{Max} in steps of {Step}");
}
