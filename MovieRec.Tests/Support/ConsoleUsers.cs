namespace MovieRec.Tests.Support;

/// <summary>Tests that run notebook sessions in the test process: a session redirects the process-wide
/// <see cref="Console"/> while a cell runs, so two of them must not run at once.</summary>
[CollectionDefinition(Name)]
public sealed class ConsoleUsers
{
    public const string Name = "Console";
}
