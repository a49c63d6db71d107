namespace MovieRec;

/// <summary>The check every composed options record makes of a thread count it passes down.</summary>
internal static class ThreadCount
{
    /// <summary>Returns <paramref name="threads"/>, or throws when it is less than 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threads"/> is less than 1.</exception>
    public static int Check(int threads, string name = "Threads") =>
        threads >= 1 ? threads : throw new ArgumentOutOfRangeException(name, threads, "A thread count is at least 1 (or null for each part's default).");
}
