namespace MovieRec.Notebooks;

/// <summary>Whether a piece of code is ready to run (Jupyter's <c>is_complete_reply</c> status).</summary>
public enum CodeCompleteness
{
    /// <summary>A complete submission.</summary>
    Complete,

    /// <summary>More input is needed: an open brace, bracket or string, or a trailing operator.</summary>
    Incomplete,

    /// <summary>Complete, but with syntax errors.</summary>
    Invalid,
}
