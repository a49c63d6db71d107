namespace MovieRec.Notebooks;

/// <summary>What a symbol at the cursor is.</summary>
/// <param name="Signature">The symbol's declaration, for example <c>double Math.Sqrt(double d)</c>.</param>
/// <param name="Summary">The summary of its XML documentation, or empty.</param>
public sealed record Inspection(string Signature, string Summary)
{
    /// <summary>Signature and summary as plain text.</summary>
    public override string ToString() => Summary.Length == 0 ? Signature : Signature + Environment.NewLine + Environment.NewLine + Summary;
}
