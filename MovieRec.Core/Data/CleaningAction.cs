namespace MovieRec.Data;

/// <summary>One line of a <see cref="CleaningReport"/>.</summary>
/// <param name="Table">"movies" or "ratings".</param>
/// <param name="Column">The column concerned.</param>
/// <param name="Action">What was done.</param>
/// <param name="Count">How many rows it concerned.</param>
/// <param name="IsChange">False for informational lines (e.g. years that were already present).</param>
public sealed record CleaningAction(string Table, string Column, string Action, int Count, bool IsChange = true);
