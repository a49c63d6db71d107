/// <summary>
/// A .NET startup hook (<c>DOTNET_STARTUP_HOOKS</c>, the runtime's own mechanism) that tests put into a movierec process:
/// at exit it writes the names of every assembly the process loaded to the file named by
/// <c>MOVIEREC_TEST_LOADED_ASSEMBLIES</c>, so a test sees what a command loads without any hook in the tool.
/// </summary>
/// <remarks>The runtime requires this exact name, in no namespace, with a public static <c>Initialize</c>.</remarks>
#pragma warning disable CA1050 // the runtime looks the hook up by this global name
public static class StartupHook
#pragma warning restore CA1050
{
    /// <summary>Called by the runtime before the tool's Main.</summary>
    public static void Initialize()
    {
        if (Environment.GetEnvironmentVariable("MOVIEREC_TEST_LOADED_ASSEMBLIES") is not { Length: > 0 } path) return;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            File.WriteAllLines(path, AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name ?? string.Empty).Order(StringComparer.Ordinal));
    }
}
