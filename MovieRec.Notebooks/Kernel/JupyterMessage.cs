using System.Security.Cryptography;

namespace MovieRec.Notebooks.Kernel;

/// <summary>
/// One Jupyter message (protocol 5.3) and its wire form: routing identities, the <c>&lt;IDS|MSG&gt;</c> delimiter, the
/// HMAC-SHA256 signature (lowercase hex over header, parent header, metadata and content), then those four JSON frames
/// and any binary buffers.
/// </summary>
public sealed class JupyterMessage
{
    /// <summary>The protocol version this kernel speaks.</summary>
    public const string ProtocolVersion = "5.3";

    private static readonly byte[] Delimiter = "<IDS|MSG>"u8.ToArray();

    /// <summary>Creates a message.</summary>
    public JupyterMessage(JsonObject header, JsonObject parentHeader, JsonObject metadata, JsonObject content, IReadOnlyList<byte[]>? identities = null, IReadOnlyList<byte[]>? buffers = null)
    {
        Header = header;
        ParentHeader = parentHeader;
        Metadata = metadata;
        Content = content;
        Identities = identities ?? [];
        Buffers = buffers ?? [];
    }

    /// <summary>The routing identities (ROUTER sockets).</summary>
    public IReadOnlyList<byte[]> Identities { get; }

    /// <summary>The header: msg_id, session, username, date, msg_type, version.</summary>
    public JsonObject Header { get; }

    /// <summary>The header of the message this one answers (empty when none).</summary>
    public JsonObject ParentHeader { get; }

    /// <summary>Metadata.</summary>
    public JsonObject Metadata { get; }

    /// <summary>The content.</summary>
    public JsonObject Content { get; }

    /// <summary>Binary buffers after the content.</summary>
    public IReadOnlyList<byte[]> Buffers { get; }

    /// <summary>The message type.</summary>
    public string Type => Header["msg_type"]?.GetValue<string>() ?? string.Empty;

    /// <summary>A new message of <paramref name="type"/> answering (or caused by) <paramref name="parent"/>, in its session.</summary>
    public static JupyterMessage Create(string type, JsonObject content, JupyterMessage? parent, string session, IReadOnlyList<byte[]>? identities = null) =>
        new(new JsonObject
        {
            ["msg_id"] = Guid.NewGuid().ToString("N"),
            ["session"] = session,
            ["username"] = "kernel",
            ["date"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            ["msg_type"] = type,
            ["version"] = ProtocolVersion,
        }, parent?.Header.DeepClone().AsObject() ?? [], [], content, identities ?? parent?.Identities);

    /// <summary>The frames to send, signed with <paramref name="key"/>.</summary>
    public List<byte[]> ToFrames(byte[] key)
    {
        var parts = new[] { Header, ParentHeader, Metadata, Content }.Select(p => Encoding.UTF8.GetBytes(p.ToJsonString())).ToArray();
        var frames = new List<byte[]>(Identities.Count + 6 + Buffers.Count);
        frames.AddRange(Identities);
        frames.Add(Delimiter);
        frames.Add(Encoding.ASCII.GetBytes(Sign(key, parts)));
        frames.AddRange(parts);
        frames.AddRange(Buffers);
        return frames;
    }

    /// <summary>Parses received frames and checks their signature.</summary>
    /// <returns>The message, or null with the reason when the frames are malformed or the signature does not match.</returns>
    public static (JupyterMessage? Message, string? Problem) Parse(IReadOnlyList<byte[]> frames, byte[] key)
    {
        var at = -1;
        for (var i = 0; i < frames.Count; i++)
        {
            if (frames[i].AsSpan().SequenceEqual(Delimiter))
            {
                at = i;
                break;
            }
        }

        if (at < 0 || frames.Count < at + 6) return (null, "malformed message (no <IDS|MSG> delimiter or too few frames)");
        var parts = new[] { frames[at + 2], frames[at + 3], frames[at + 4], frames[at + 5] };
        var expected = Encoding.ASCII.GetBytes(Sign(key, parts));
        if (!CryptographicOperations.FixedTimeEquals(expected, frames[at + 1])) return (null, "bad signature");
        try
        {
            var objects = parts.Select(p => JsonNode.Parse(p) as JsonObject ?? []).ToArray();
            return (new JupyterMessage(objects[0], objects[1], objects[2], objects[3], [.. frames.Take(at)], [.. frames.Skip(at + 6)]), null);
        }
        catch (System.Text.Json.JsonException e)
        {
            return (null, $"malformed JSON in a signed message: {e.Message}");
        }
    }

    private static string Sign(byte[] key, byte[][] parts)
    {
        if (key.Length == 0) return string.Empty;
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        foreach (var p in parts) hmac.AppendData(p);
        return Convert.ToHexStringLower(hmac.GetHashAndReset());
    }
}
