using System.Text.Json;
using MovieRec.Data;

namespace MovieRec.Cli.Commands;

/// <summary>Writes a <c>--json</c> output atomically (a temporary file renamed into place): a failed or killed run leaves
/// the previous file or none, never half a document.</summary>
internal static class JsonFile
{
    public static void Write(string path, Action<Utf8JsonWriter> body) => AtomicFile.Write(path, stream =>
    {
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        body(writer);
    });
}
