namespace MovieRec.Algorithms;

/// <summary>How <see cref="ImplicitAls"/> turns a rating r into a confidence c (Hu, Koren &amp; Volinsky, 2008).</summary>
public enum ConfidenceScaling
{
    /// <summary>c = 1 + α·r.</summary>
    Linear,

    /// <summary>c = 1 + α·log(1 + r/ε).</summary>
    Log,
}
