namespace MovieRec.Notebooks;

/// <summary>Options of one batch run of a notebook (<see cref="NotebookRunner"/>).</summary>
public sealed record NotebookRunOptions
{
    /// <summary>Values that replace the declarations of the cell tagged <c>parameters</c> (papermill's convention), by name.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Where to write the executed notebook; null writes it over the source, and only when the run succeeds.</summary>
    public string? OutputPath { get; init; }

    /// <summary>Receives "notebook: cell N of M" before each code cell.</summary>
    public IProgress<string>? Progress { get; init; }

    /// <summary>A chart renderer being started (or null): charts get PNG copies once it is ready.</summary>
    public Task<ChartRenderer?>? Renderer { get; init; }

    /// <summary>Ends a cell whose code runs longer than this with a <c>CellTimeout</c> error; null (the default) lets cells run.</summary>
    /// <remarks>The clock starts once the cell is compiled: the compiler's cold start (seconds on a loaded machine) never
    /// counts against a cell.</remarks>
    public TimeSpan? CellTimeout { get; init; }
}
