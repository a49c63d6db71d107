namespace MovieRec.Cli.Notebooks;

/// <summary>What notebook code sees as globals: <c>display(x)</c>, as in the .NET Interactive kernel.</summary>
public sealed class NotebookGlobals
{
    private readonly Action<object?> _display;

    internal NotebookGlobals(Action<object?> display) => _display = display;

    /// <summary>Shows <paramref name="value"/> as an output of the running cell.</summary>
#pragma warning disable IDE1006, CA1822 // the kernel's lower-case name
    public void display(object? value) => _display(value);
#pragma warning restore IDE1006, CA1822
}
