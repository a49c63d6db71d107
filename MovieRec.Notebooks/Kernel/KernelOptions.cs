namespace MovieRec.Notebooks.Kernel;

/// <summary>Options of <see cref="JupyterKernel"/>.</summary>
public sealed record KernelOptions
{
    /// <summary>Skip the PNG copy of charts (otherwise rendered by headless Chromium when one is installed).</summary>
    public bool NoPng { get; init; }

    /// <summary>Where the kernel logs (dropped messages, failures); Jupyter shows a kernel's stderr in its server log.</summary>
    public TextWriter? Log { get; init; }
}
