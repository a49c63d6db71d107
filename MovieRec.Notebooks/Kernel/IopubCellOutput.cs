namespace MovieRec.Notebooks.Kernel;

/// <summary>A cell's outputs as iopub messages (stream, display_data, update_display_data, execute_result, clear_output).</summary>
internal sealed class IopubCellOutput(Action<string, JsonObject> publish) : CellOutput
{
    public override void Stream(string name, string text) => publish("stream", new JsonObject { ["name"] = name, ["text"] = text });

    public override void Display(MimeBundle bundle, string? displayId) => publish("display_data", Data(bundle, displayId));

    public override void UpdateDisplay(MimeBundle bundle, string displayId) => publish("update_display_data", Data(bundle, displayId));

    public override void Result(MimeBundle bundle, int executionCount) =>
        publish("execute_result", new JsonObject { ["execution_count"] = executionCount, ["data"] = bundle.ToMessageData(), ["metadata"] = new JsonObject() });

    public override void ClearOutput(bool wait) => publish("clear_output", new JsonObject { ["wait"] = wait });

    private static JsonObject Data(MimeBundle bundle, string? displayId)
    {
        var content = new JsonObject { ["data"] = bundle.ToMessageData(), ["metadata"] = new JsonObject() };
        if (displayId is not null) content["transient"] = new JsonObject { ["display_id"] = displayId };
        return content;
    }
}

/// <summary>Drops every output (silent execution).</summary>
internal sealed class SilentCellOutput : CellOutput
{
    public override void Stream(string name, string text)
    {
    }

    public override void Display(MimeBundle bundle, string? displayId)
    {
    }

    public override void UpdateDisplay(MimeBundle bundle, string displayId)
    {
    }

    public override void Result(MimeBundle bundle, int executionCount)
    {
    }

    public override void ClearOutput(bool wait)
    {
    }
}
