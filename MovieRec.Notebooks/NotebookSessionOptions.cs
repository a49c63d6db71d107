namespace MovieRec.Notebooks;

/// <summary>Options of a <see cref="NotebookSession"/>.</summary>
public sealed record NotebookSessionOptions
{
    /// <summary>The folder that relative <c>#r "file.dll"</c> and <c>#load</c> paths resolve against (the notebook's folder).</summary>
    public string BaseDirectory { get; init; } = Environment.CurrentDirectory;

    /// <summary>A chart renderer being started (or null): charts get an <c>image/png</c> copy once it is ready.</summary>
    public Task<ChartRenderer?>? Renderer { get; init; }

    /// <summary>Put plotly.js (3.6 MB, offline) into the first chart's text/html, for front ends that draw charts from HTML
    /// (the kernel). The batch runner leaves it out: its HTML pages carry plotly.js once, and notebooks stay small.</summary>
    public bool EmbedPlotlyJs { get; init; }

    /// <summary>The global packages folder <c>#r "nuget:"</c> restores into; null for NuGet's own (<c>NUGET_PACKAGES</c> or
    /// <c>~/.nuget/packages</c>), so packages are shared with every other project and a second start needs no feed.</summary>
    public string? PackagesFolder { get; init; }

    /// <summary>Where the projects generated for <c>#r "nuget:"</c> are kept (one per set of packages); null for
    /// <c>~/.cache/movierec/notebook-packages</c> (<c>$XDG_CACHE_HOME</c> when set).</summary>
    public string? RestoreProjectsFolder { get; init; }
}
