namespace MovieRec.Notebooks;

/// <summary>
/// The synchronization context cells run under: continuations run on the thread pool, as with no context at all, but an
/// exception that <c>async void</c> code lets escape (which .NET posts to the context it started on) is printed on
/// standard error instead of ending the process, so one careless event handler cannot kill the kernel.
/// </summary>
/// <remarks>Exceptions on threads a cell creates itself (<c>new Thread(…)</c>) still end the process: .NET offers no
/// way to catch them.</remarks>
internal sealed class CellSynchronizationContext : SynchronizationContext
{
    public static CellSynchronizationContext Instance { get; } = new();

    public override SynchronizationContext CreateCopy() => this;

    public override void Post(SendOrPostCallback d, object? state) =>
        ThreadPool.UnsafeQueueUserWorkItem(_ => Run(d, state), null);

    public override void Send(SendOrPostCallback d, object? state) => Run(d, state);

    private void Run(SendOrPostCallback d, object? state)
    {
        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            d(state);
        }
        catch (Exception e)
        {
            // The running cell's stderr when a cell runs (the session redirects Console), else the process's.
            Console.Error.WriteLine($"unhandled exception in async void code: {e.GetType().Name}: {e.Message}");
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }
}
