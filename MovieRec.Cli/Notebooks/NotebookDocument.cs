using System.Text.Json;
using System.Text.Json.Nodes;

namespace MovieRec.Cli.Notebooks;

/// <summary>An nbformat 4 notebook as a JSON tree: unknown fields survive a load/save round trip.</summary>
internal sealed class NotebookDocument
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private NotebookDocument(string path, JsonObject root)
    {
        Path = path;
        Root = root;
    }

    public string Path { get; }

    public JsonObject Root { get; }

    public JsonArray Cells => Root["cells"] as JsonArray ?? throw new InvalidDataException($"{Path}: not a notebook (no 'cells' array).");

    public static NotebookDocument Load(string path)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not valid JSON ({e.Message}).", e);
        }

        if (node is not JsonObject root || root["cells"] is not JsonArray) throw new InvalidDataException($"{path}: not an nbformat 4 notebook (no 'cells' array).");
        return new NotebookDocument(path, root);
    }

    /// <summary>A cell's source as one string (nbformat allows a string or a list of lines).</summary>
    public static string Source(JsonNode cell) => Join(cell["source"]);

    /// <summary>An nbformat multi-line value (a string or a list of lines) as one string.</summary>
    public static string Join(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => l?.GetValue<string>() ?? string.Empty)),
        JsonValue value => value.GetValue<string>(),
        _ => string.Empty,
    };

    /// <summary>Splits text into nbformat's list-of-lines form (each line keeps its newline).</summary>
    public static JsonArray Lines(string text)
    {
        var array = new JsonArray();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\n') continue;
            array.Add(text[start..(i + 1)]);
            start = i + 1;
        }

        if (start < text.Length) array.Add(text[start..]);
        return array;
    }

    public static bool HasTag(JsonNode cell, string tag) =>
        cell["metadata"]?["tags"] is JsonArray tags && tags.Any(t => t?.GetValue<string>() == tag);

    public void Save(string path)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        var temp = path + ".tmp";
        File.WriteAllText(temp, Root.ToJsonString(Indented) + "\n");
        File.Move(temp, path, overwrite: true);
    }
}
