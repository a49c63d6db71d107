using System.Text.Json.Serialization;

namespace MovieRec.Recommendations;

/// <summary>The JSON contract of a saved recommender's header (<c>bundle.json</c>), generated at build time: a cold process
/// (<c>movierec recommend --model</c>) reads it without the reflection-based serializer's start-up cost (about 0.1 s).</summary>
/// <remarks>Fields included, indented, NaN and infinities as names: a metric with no validation users is NaN, an empty
/// score −∞.</remarks>
[JsonSourceGenerationOptions(IncludeFields = true, WriteIndented = true, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(MovieRecommender.BundleHeader))]
internal sealed partial class BundleJson : JsonSerializerContext;
