using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace MovieRec.Notebooks;

/// <summary>
/// The check a session compiles into every cell (see <see cref="NotebookSession"/>'s remarks): at each loop back-edge and
/// method entry, an interrupted cell throws <see cref="OperationCanceledException"/> and a recursion about to overflow the
/// stack throws <see cref="InsufficientExecutionStackException"/>, so neither keeps a core busy nor ends the process.
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

    /// <summary>Sets the token <see cref="Check"/> observes in this flow of execution.</summary>
    internal static void Enter(CancellationToken cancellationToken) => Token.Value = cancellationToken;
}
