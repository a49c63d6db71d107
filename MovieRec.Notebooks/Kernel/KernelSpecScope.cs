namespace MovieRec.Notebooks.Kernel;

/// <summary>Where a kernelspec is installed (see <see cref="KernelSpec.KernelsFolder"/>).</summary>
public enum KernelSpecScope
{
    /// <summary>The user's Jupyter data folder (the default).</summary>
    User,

    /// <summary>The active Python environment's <c>share/jupyter/kernels</c>.</summary>
    SysPrefix,

    /// <summary><c>PREFIX/share/jupyter/kernels</c>.</summary>
    Prefix,
}
