using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace MovieRec.LinearAlgebra;

/// <summary>
/// Software prefetch for the gather loops whose next row is known a few steps ahead (SGD's movie rows, the sparse
/// products' dense rows): a hint that changes no value, so results are the same with or without it (and on machines
/// without SSE, where it does nothing).
/// </summary>
internal static class CachePrefetch
{
    /// <summary>Asks for the <paramref name="bytes"/> bytes from <paramref name="at"/> into all cache levels. The
    /// address comes from a managed array that the caller keeps alive; it is never dereferenced.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Lines<T>(ref T at, int bytes)
    {
        if (!Sse.IsSupported) return;
        var address = (byte*)Unsafe.AsPointer(ref at);
        for (var line = 0; line < bytes; line += 64) Sse.Prefetch0(address + line);
    }
}
