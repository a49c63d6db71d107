namespace MovieRec.Tests.Support;

/// <summary>
/// A fact about file permissions, which do not bind root: as root the tool runs as the unprivileged user <c>nobody</c>
/// (through util-linux's <c>setpriv</c>, see <see cref="Movierec.RunUnprivilegedAsync"/>); skipped with the reason only
/// where neither is possible.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NonRootFactAttribute : FactAttribute
{
    public NonRootFactAttribute()
    {
        if (!OperatingSystem.IsLinux()) Skip = "Unix file permissions, checked on Linux";
        else if (Movierec.IsRoot && !File.Exists(Movierec.Setpriv)) Skip = $"runs as root, whom file permissions do not bind, and {Movierec.Setpriv} (util-linux) is missing to drop to nobody";
    }
}
