using System.Runtime.InteropServices;

namespace MovieRec.Classifiers;

/// <summary>
/// How LightGBM's native OpenMP threads wait between parallel regions: passively (they sleep), unless the user set
/// <c>OMP_WAIT_POLICY</c> themselves.
/// </summary>
/// <remarks>
/// <para>OpenMP's default lets idle threads spin. Alone on a machine that costs nothing, but beside any other work (a second
/// fit, a test run, a notebook kernel, the same process's managed threads) the spinning threads take the cores the others
/// need: on 2 cores, three concurrent <c>movierec fit</c> of the sample took 39 s with the default and 28.5 s with passive
/// waiting (their CPU time is 3 × 18 s), while a single fit is unchanged (11.4–12.8 s either way). Two xunit tests of
/// LightGBM on 1,200 rows took 57 s and 12 s inside the full test run, under 1 s each alone. The wait policy changes no
/// result: the threads compute the same thing, they only sleep instead of spinning when idle.</para>
/// <para>libgomp reads the variable once, when it is loaded with LightGBM's native library, so it is set (libc's
/// <c>setenv</c>, without overwriting) before the first LightGBM trainer is created. .NET's
/// <see cref="Environment.SetEnvironmentVariable(string, string)"/> would not do: on Unix it changes the managed copy only.</para>
/// </remarks>
internal static partial class NativeThreads
{
    private static int _done;

    /// <summary>Sets <c>OMP_WAIT_POLICY=PASSIVE</c> for this process's native code, once, unless it is already set.</summary>
    public static void PreferPassiveWait()
    {
        if (Interlocked.Exchange(ref _done, 1) == 1 || OperatingSystem.IsWindows()) return;
        if (Environment.GetEnvironmentVariable("OMP_WAIT_POLICY") is not null) return;
        try
        {
            _ = SetEnv("OMP_WAIT_POLICY", "PASSIVE", overwrite: 0);
        }
        catch (DllNotFoundException)
        {
        }
        catch (EntryPointNotFoundException)
        {
        }
    }

    /// <summary>An environment variable as native code sees it (libc's <c>getenv</c>), which .NET's copy may not show.</summary>
    internal static string? NativeVariable(string name) => Marshal.PtrToStringUTF8(GetEnv(name));

    [LibraryImport("libc", EntryPoint = "getenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint GetEnv(string name);

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);
}
