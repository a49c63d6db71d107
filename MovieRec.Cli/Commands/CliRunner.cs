namespace MovieRec.Cli.Commands;

/// <summary>Runs a command body and turns the library's errors into messages and exit codes (2 bad data, 3 download, 1 other).</summary>
internal static class CliRunner
{
    public static int Run(Action action) => RunAsync(() =>
    {
        action();
        return Task.CompletedTask;
    }).GetAwaiter().GetResult();

    public static async Task<int> RunAsync(Func<Task> action)
    {
        try
        {
            await action().ConfigureAwait(false);
            return ExitCodes.Ok;
        }
        catch (DataFileException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return ExitCodes.BadData;
        }
        catch (MovieRec.Data.MovieNotFoundException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return ExitCodes.MovieNotFound;
        }
        catch (Exception e) when (IsNotebookRun(e))
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Notebook;
        }
        catch (DatasetDownloadException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Download;
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidDataException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            if (Verbose) await Console.Error.WriteLineAsync(e.ToString()).ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Anything else is still one line, never a stack trace (unless --verbose asks for it).
            await Console.Error.WriteLineAsync($"error: {e.GetType().Name}: {e.Message}{(Verbose ? "" : " (--verbose prints the stack trace)")}").ConfigureAwait(false);
            if (Verbose) await Console.Error.WriteLineAsync(e.ToString()).ConfigureAwait(false);
            return ExitCodes.Usage;
        }
    }

    /// <summary>A notebook run's failure; a method of its own, so a command that never runs notebooks never loads their
    /// assembly (a <c>catch</c> of the type itself loads it when the method is compiled).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static bool IsNotebookRun(Exception e) => e is MovieRec.Notebooks.NotebookRunException;

    /// <summary>Set by <c>--verbose</c>: errors also print their stack trace.</summary>
    public static bool Verbose { get; set; }
}
