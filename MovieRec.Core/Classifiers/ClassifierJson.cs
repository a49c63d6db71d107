using System.Text.Json.Serialization;

namespace MovieRec.Classifiers;

/// <summary>The JSON contract of a saved classifier's header (its options, polymorphic by family, and its feature names),
/// generated at build time: a cold process reads it without the reflection-based serializer's start-up cost. Same
/// options as <see cref="System.Text.Json.JsonSerializer"/>'s defaults, so the bytes are those it writes.</summary>
[JsonSerializable(typeof(TrainedClassifier.Header))]
internal sealed partial class ClassifierJson : JsonSerializerContext;
