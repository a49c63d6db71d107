namespace MovieRec.Notebooks;

/// <summary>Writes a cell's outputs into its nbformat 4 <c>outputs</c> array: consecutive console text of one stream is
/// merged, updated displays are replaced in place (nbformat keeps no display ids).</summary>
internal sealed class NotebookCellOutput(JsonArray outputs) : CellOutput
{
    private readonly Dictionary<string, JsonObject> _displays = new(StringComparer.Ordinal);
    private bool _clearPending;

    public override void Stream(string name, string text)
    {
        ClearIfPending();
        if (outputs.Count > 0 && outputs[^1] is JsonObject last && last["output_type"]?.GetValue<string>() == "stream" && last["name"]?.GetValue<string>() == name)
        {
            last["text"] = NotebookDocument.Lines(NotebookDocument.Join(last["text"]) + text);
            return;
        }

        outputs.Add(new JsonObject { ["output_type"] = "stream", ["name"] = name, ["text"] = NotebookDocument.Lines(text) });
    }

    public override void Display(MimeBundle bundle, string? displayId)
    {
        ClearIfPending();
        var output = new JsonObject { ["output_type"] = "display_data", ["data"] = bundle.ToNotebookData(), ["metadata"] = new JsonObject() };
        outputs.Add(output);
        if (displayId is not null) _displays[displayId] = output;
    }

    public override void UpdateDisplay(MimeBundle bundle, string displayId)
    {
        if (_displays.TryGetValue(displayId, out var output)) output["data"] = bundle.ToNotebookData();
    }

    public override void Result(MimeBundle bundle, int executionCount)
    {
        ClearIfPending();
        outputs.Add(new JsonObject { ["output_type"] = "execute_result", ["execution_count"] = executionCount, ["data"] = bundle.ToNotebookData(), ["metadata"] = new JsonObject() });
    }

    public override void ClearOutput(bool wait)
    {
        if (wait)
        {
            _clearPending = true;
            return;
        }

        outputs.Clear();
        _displays.Clear();
    }

    private void ClearIfPending()
    {
        if (!_clearPending) return;
        _clearPending = false;
        ClearOutput(wait: false);
    }
}
