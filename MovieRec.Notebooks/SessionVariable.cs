namespace MovieRec.Notebooks;

/// <summary>One row of <c>#!whos</c>: a variable of the session.</summary>
/// <param name="Name">The variable's name.</param>
/// <param name="Type">Its declared type, as C# writes it.</param>
/// <param name="Value">A one-line view of its value (a DataFrame's shape, a collection's count, else its text, cut at 60 characters).</param>
internal sealed record SessionVariable(string Name, string Type, string Value);
