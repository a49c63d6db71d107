using System.Text.Json.Serialization;
using MovieRec.Features.Text;

namespace MovieRec.Features;

/// <summary>The JSON contract of the options a saved feature model stores, generated at build time: a cold process reads
/// them without the reflection-based serializer's start-up cost (about 0.1 s). Same options as
/// <see cref="System.Text.Json.JsonSerializer"/>'s defaults, so the bytes are those it writes.</summary>
[JsonSerializable(typeof(FeatureOptions))]
[JsonSerializable(typeof(TextEmbeddingOptions))]
internal sealed partial class FeatureJson : JsonSerializerContext;
