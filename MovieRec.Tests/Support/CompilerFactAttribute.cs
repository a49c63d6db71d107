namespace MovieRec.Tests.Support;

/// <summary>A fact that builds a native library with the machine's C compiler; skipped with the reason when there is none.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CompilerFactAttribute : FactAttribute
{
    public CompilerFactAttribute()
    {
        if (MovieRec.Tests.Notebooks.Packages.LocalFeed.Compiler is null) Skip = "needs a C compiler at /usr/bin/cc or /usr/bin/gcc (Debian's gcc) to build a package with a native library";
    }
}
