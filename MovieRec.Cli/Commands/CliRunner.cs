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
            return 0;
        }
        catch (DataFileException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return 2;
        }
        catch (MovieRec.Data.MovieNotFoundException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return 4;
        }
        catch (MovieRec.Notebooks.NotebookRunException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return 5;
        }
        catch (DatasetDownloadException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return 3;
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidDataException)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return 1;
        }
    }
}
