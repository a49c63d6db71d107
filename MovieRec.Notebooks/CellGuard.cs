using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace MovieRec.Notebooks;

/// <summary>
/// The check a session compiles into every cell (see <see cref="NotebookSession"/>'s remarks): at each loop back-edge and
/// method entry, an interrupted cell throws <see cref="OperationCanceledException"/> and a recursion about to overflow the
/// stack throws <see cref="InsufficientExecutionStackException"/>, so neither keeps a core busy nor ends the process; and
/// the start of every thread the cell creates is wrapped (<see cref="Caught(ThreadStart)"/>) so its exceptions are printed,
/// not fatal.
/// </summary>
/// <remarks>Not for hand-written code: the session inserts the calls. The token is the running cell's, carried by an
/// <see cref="AsyncLocal{T}"/> into everything the cell starts (tasks, continuations), so code abandoned by an interrupt
/// stops at its next check.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CellGuard
{
    private static readonly AsyncLocal<CancellationToken> Token = new();

    /// <summary>Throws when the running cell was interrupted or the stack is nearly exhausted.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Check()
    {
        Token.Value.ThrowIfCancellationRequested();
        RuntimeHelpers.EnsureSufficientExecutionStack();
    }

    /// <summary>Wraps the start of a thread the cell creates (<c>new Thread(…)</c>): an exception that escapes it is printed
    /// on standard error instead of ending the process (an interrupt's <see cref="OperationCanceledException"/> quietly
    /// ends the thread).</summary>
    public static ThreadStart Caught(ThreadStart start)
    {
        ArgumentNullException.ThrowIfNull(start);
        return () => Report(() => start());
    }

    /// <summary>Wraps the start of a thread that takes a parameter; see <see cref="Caught(ThreadStart)"/>.</summary>
    public static ParameterizedThreadStart Caught(ParameterizedThreadStart start)
    {
        ArgumentNullException.ThrowIfNull(start);
        return state => Report(() => start(state));
    }

    private static void Report(Action run)
    {
        try
        {
            run();
        }
        catch (OperationCanceledException) when (Token.Value.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"unhandled exception on a thread the cell started: {e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>Sets the token <see cref="Check"/> observes in this flow of execution.</summary>
    internal static void Enter(CancellationToken cancellationToken) => Token.Value = cancellationToken;
}
