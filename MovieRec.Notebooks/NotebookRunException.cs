namespace MovieRec.Notebooks;

/// <summary>A notebook failed: the message names the notebook, the cell (1-based; 0 for the whole notebook) and the problem.</summary>
public sealed class NotebookRunException : MovieRecException
{
    /// <summary>Creates the exception.</summary>
    public NotebookRunException(string notebook, int cell, string problem, Exception? inner = null)
        : base(cell > 0 ? $"{notebook}, cell {cell}: {problem}" : $"{notebook}: {problem}", inner)
    {
        Notebook = notebook;
        Cell = cell;
        Problem = problem;
    }

    /// <summary>The notebook's file name.</summary>
    public string Notebook { get; }

    /// <summary>The 1-based cell number.</summary>
    public int Cell { get; }

    /// <summary>The compiler or runtime message.</summary>
    public string Problem { get; }
}
