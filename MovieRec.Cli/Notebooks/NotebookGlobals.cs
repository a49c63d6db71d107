namespace MovieRec.Cli.Notebooks;

/// <summary>What notebook code sees as globals: <c>display(x)</c> and <c>HTML(s)</c>, as in the .NET Interactive kernel.</summary>
public sealed class NotebookGlobals
{
    private readonly Action<object?> _display;

    internal NotebookGlobals(Action<object?> display) => _display = display;

    /// <summary>Shows <paramref name="value"/> as an output of the running cell.</summary>
#pragma warning disable IDE1006, CA1822 // the kernel's lower-case name
    public void display(object? value) => _display(value);
#pragma warning restore IDE1006, CA1822

    /// <summary>Marks <paramref name="html"/> as HTML to show as it is (not as text).</summary>
#pragma warning disable CA1822 // the kernel's global
    public HtmlContent HTML(string html) => new(html);
#pragma warning restore CA1822
}
