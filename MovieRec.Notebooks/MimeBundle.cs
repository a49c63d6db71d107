namespace MovieRec.Notebooks;

/// <summary>
/// One output's representations, keyed by mime type, as Jupyter sends them: text types as strings, JSON types (such as
/// <see cref="PlotlyMimeType"/>) as JSON values.
/// </summary>
public sealed class MimeBundle
{
    /// <summary>The mime type that VS Code and JupyterLab draw as an interactive Plotly chart.</summary>
    public const string PlotlyMimeType = "application/vnd.plotly.v1+json";

    private readonly Dictionary<string, JsonNode> _data = new(StringComparer.Ordinal);

    /// <summary>The representations, in the order they were added.</summary>
    public IReadOnlyDictionary<string, JsonNode> Data => _data;

    /// <summary>The text/plain representation (every bundle has one).</summary>
    public string PlainText => _data.TryGetValue("text/plain", out var text) ? text.GetValue<string>() : string.Empty;

    /// <summary>The text/html representation, or null.</summary>
    public string? Html => _data.TryGetValue("text/html", out var html) ? html.GetValue<string>() : null;

    /// <summary>Whether the bundle is a chart.</summary>
    public bool IsChart => _data.ContainsKey(PlotlyMimeType);

    /// <summary>Sets a text representation.</summary>
    public MimeBundle Set(string mimeType, string text)
    {
        _data[mimeType] = JsonValue.Create(text);
        return this;
    }

    /// <summary>Sets a JSON representation.</summary>
    public MimeBundle Set(string mimeType, JsonNode json)
    {
        _data[mimeType] = json;
        return this;
    }

    /// <summary>The bundle as the <c>data</c> object of a Jupyter message (strings as they are).</summary>
    public JsonObject ToMessageData()
    {
        var data = new JsonObject();
        foreach (var (type, value) in _data) data[type] = value.DeepClone();
        return data;
    }

    /// <summary>The bundle as nbformat 4 output <c>data</c> (text as a list of lines, JSON and base64 images as they are).</summary>
    public JsonObject ToNotebookData()
    {
        var data = new JsonObject();
        foreach (var (type, value) in _data)
        {
            data[type] = value is JsonValue v && type.StartsWith("text/", StringComparison.Ordinal) ? NotebookDocument.Lines(v.GetValue<string>()) : value.DeepClone();
        }

        return data;
    }
}
