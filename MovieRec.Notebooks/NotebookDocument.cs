namespace MovieRec.Notebooks;

/// <summary>An nbformat 4 notebook as a JSON tree: unknown fields survive a load/save round trip.</summary>
public sealed class NotebookDocument
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private NotebookDocument(string path, JsonObject root)
    {
        Path = path;
        Root = root;
    }

    /// <summary>The file the notebook came from.</summary>
    public string Path { get; }

    /// <summary>The whole notebook.</summary>
    public JsonObject Root { get; }

    /// <summary>The cells, in file order.</summary>
    public JsonArray Cells => (JsonArray)Root["cells"]!;

    /// <summary>The number of bytes from the first invalid UTF-8 sequence to the end.</summary>
    private static int InvalidTail(byte[] bytes)
    {
        System.Text.Unicode.Utf8.ToUtf16(bytes, new char[bytes.Length], out var read, out _, replaceInvalidSequences: false);
        return bytes.Length - read;
    }

    /// <summary>The largest notebook file <see cref="Load"/> reads: 64 MiB (a single JSON string past about 166 MB cannot be
    /// written back, so a bigger notebook would run to the end and then fail to save).</summary>
    public const long MaxBytes = 64L << 20;

    /// <summary>Reads and checks a notebook.</summary>
    /// <exception cref="NotebookRunException">The file is missing, is not a regular file (a device, a pipe), is larger than
    /// <see cref="MaxBytes"/>, is not JSON, or is not an nbformat 4 notebook; the message names the file and the first
    /// problem (cells numbered from 1, as they are in the file).</exception>
    public static NotebookDocument Load(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        JsonNode? node;
        try
        {
            var kind = MovieRec.Data.FileKinds.Of(System.IO.Path.GetFullPath(path));
            if (kind is not (MovieRec.Data.FileKind.Regular or MovieRec.Data.FileKind.Missing))
            {
                throw new NotebookRunException(name, 0, $"is {MovieRec.Data.FileKinds.Describe(kind)}, not a notebook file");
            }

            if (File.Exists(path) && new FileInfo(path).Length is var length and > MaxBytes)
            {
                throw new NotebookRunException(name, 0, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"is {length / (1 << 20):N0} MiB; notebooks of up to {MaxBytes / (1 << 20)} MiB are read (a saved notebook's text must stay under the JSON writer's limits)"));
            }

            var bytes = File.ReadAllBytes(path);
            if (!System.Text.Unicode.Utf8.IsValid(bytes))
            {
                // JsonNode decodes strings lazily, so invalid UTF-8 inside one would surface later as another exception.
                var valid = bytes.Length - InvalidTail(bytes);
                throw new NotebookRunException(name, 0, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"not valid UTF-8 (byte {valid + 1}); nbformat files are UTF-8 JSON"));
            }

            node = JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions { MaxDepth = 256, AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            throw new NotebookRunException(name, 0, $"not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {e.Message.Split(" Path:")[0]}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NotebookRunException(name, 0, $"cannot be read: {e.Message}", e);
        }

        if (node is not JsonObject root) throw new NotebookRunException(name, 0, "not a notebook: the top level is not a JSON object");
        if (root["nbformat"] is not JsonValue format || !format.TryGetValue(out int major) || major != 4)
        {
            throw new NotebookRunException(name, 0, "not an nbformat 4 notebook ('nbformat' is not 4)");
        }

        if (root["cells"] is not JsonArray cells) throw new NotebookRunException(name, 0, "not a notebook: no 'cells' array");
        for (var c = 0; c < cells.Count; c++)
        {
            if (cells[c] is not JsonObject cell) throw new NotebookRunException(name, c + 1, "the cell is not a JSON object");
            if (cell["cell_type"] is not JsonValue type || !type.TryGetValue(out string? kind) || kind is not ("code" or "markdown" or "raw"))
            {
                throw new NotebookRunException(name, c + 1, "'cell_type' is not \"code\", \"markdown\" or \"raw\"");
            }

            if (!IsText(cell["source"])) throw new NotebookRunException(name, c + 1, "'source' is not a string or a list of strings");
            if (cell["metadata"] is not null and not JsonObject) throw new NotebookRunException(name, c + 1, "'metadata' is not an object");
            if (kind == "code" && cell["outputs"] is not null and not JsonArray) throw new NotebookRunException(name, c + 1, "'outputs' is not a list");
        }

        return new NotebookDocument(path, root);
    }

    /// <summary>A cell's type (<c>code</c>, <c>markdown</c> or <c>raw</c>).</summary>
    public static string CellType(JsonNode cell) => cell["cell_type"]!.GetValue<string>();

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

    /// <summary>Whether a cell carries <paramref name="tag"/> in its metadata.</summary>
    public static bool HasTag(JsonNode cell, string tag) =>
        cell["metadata"]?["tags"] is JsonArray tags && tags.Any(t => t is JsonValue v && v.TryGetValue(out string? s) && s == tag);

    /// <summary>Writes the notebook to <paramref name="path"/> atomically: a temporary file in the same folder, renamed into place.</summary>
    public void Save(string path) => MovieRec.Data.AtomicFile.WriteAllText(path, Root.ToJsonString(Indented) + "\n");

    private static bool IsText(JsonNode? node) => node switch
    {
        JsonValue v => v.TryGetValue(out string? _),
        JsonArray a => a.All(l => l is JsonValue v && v.TryGetValue(out string? _)),
        _ => false,
    };
}
