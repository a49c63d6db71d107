namespace MovieRec.Cli.Commands;

/// <summary>The tool's exit codes, defined once: the runner returns them and the CLI reference lists them.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Usage = 1;
    public const int BadData = 2;
    public const int Download = 3;
    public const int MovieNotFound = 4;
    public const int Notebook = 5;
    public const int Interrupted = 130;
    public const int Terminated = 143;

    /// <summary>Every code with what it means.</summary>
    public static IReadOnlyList<(int Code, string Meaning)> All { get; } =
    [
        (Ok, "success"),
        (Usage, "usage error (checked before any work), or an input/output error"),
        (BadData, "bad data: the message names the file, line and column"),
        (Download, "a dataset download or its verification failed"),
        (MovieNotFound, "no movie matches the title or ID"),
        (Notebook, "a notebook cell failed (the notebook is written up to that cell)"),
        (Interrupted, "interrupted by Ctrl+C (SIGINT)"),
        (Terminated, "terminated (SIGTERM)"),
    ];
}
