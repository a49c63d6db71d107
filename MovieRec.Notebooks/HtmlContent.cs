namespace MovieRec.Notebooks;

/// <summary>HTML that a notebook output shows as it is (what the kernel's <c>HTML(...)</c> returns).</summary>
/// <param name="Html">The markup.</param>
public sealed record HtmlContent(string Html)
{
    /// <inheritdoc/>
    public override string ToString() => Html;
}
