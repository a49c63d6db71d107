using System.Runtime.InteropServices;

namespace MovieRec.Cli.Commands;

/// <summary>Runs a command body that stops promptly on Ctrl+C (SIGINT, exit 130) or SIGTERM (exit 143).</summary>
internal static class Signals
{
    public static async Task<int> RunAsync(Func<CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var exitCode = ExitCodes.Interrupted;
        void Handle(PosixSignalContext context, int code)
        {
            context.Cancel = true; // we end the process ourselves, after the partial outputs are written
            exitCode = code;
            stop.Cancel();
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => Handle(c, ExitCodes.Interrupted));
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => Handle(c, ExitCodes.Terminated));
        try
        {
            var code = await body(stop.Token).ConfigureAwait(false);
            if (!stop.IsCancellationRequested) return code;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }

        await Console.Error.WriteLineAsync(exitCode == 143 ? "stopped (SIGTERM)" : "interrupted (Ctrl+C)").ConfigureAwait(false);
        return exitCode;
    }
}
