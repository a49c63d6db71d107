using System.IO.Compression;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace MovieRec.Classifiers;

/// <summary>A fitted like classifier (<see cref="LikeClassifier.Fit"/>): P(like) of feature rows; saves and loads as one file.</summary>
/// <remarks>A loaded classifier reads its ML.NET model on first use (<see cref="Model"/>, a prediction or a save): a process
/// that only asks for SVD or content recommendations from a bundle never loads ML.NET.</remarks>
public sealed class TrainedClassifier
{
    private readonly Lazy<Fitted> _fitted;

    internal TrainedClassifier(MLContext ml, ClassifierOptions options, ITransformer model, DataViewSchema inputSchema, IReadOnlyList<string> featureNames)
        : this(options, featureNames, new Lazy<Fitted>(new Fitted(ml, model, inputSchema)), modelBytes: null)
    {
    }

    private TrainedClassifier(ClassifierOptions options, IReadOnlyList<string> featureNames, Lazy<Fitted> fitted, byte[]? modelBytes)
    {
        Options = options;
        FeatureNames = featureNames;
        _fitted = fitted;
        _modelBytes = modelBytes;
        _linear = new(() => LinearScorer.TryCreate(Model, featureNames.Count));
    }

    /// <summary>Parses the ML.NET model now (a loaded classifier's first use would otherwise).</summary>
    internal void Prefetch() => _ = _fitted.Value;

    /// <summary>Whether ML.NET has parsed the model (always, for a fitted classifier; on first use, for a loaded one).</summary>
    internal bool ModelLoaded => _fitted.IsValueCreated;

    /// <summary>The saved ML.NET model of a loaded classifier, written back unchanged by a save (null for a fitted one).</summary>
    private readonly byte[]? _modelBytes;

    /// <summary>The ML.NET parts: their own type, so that nothing in ML.NET is loaded before one of them is used.</summary>
    private sealed record Fitted(MLContext Ml, ITransformer Model, DataViewSchema InputSchema)
    {
        public static Fitted Read(ClassifierOptions options, byte[] modelBytes)
        {
            var ml = new MLContext(options.Seed);
            try
            {
                var model = ml.Model.Load(new MemoryStream(modelBytes, writable: false), out var schema);
                return new Fitted(ml, model, schema);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                throw new InvalidDataException($"the classifier's ML.NET model cannot be read ({e.GetType().Name}: {e.Message})", e);
            }
        }
    }

    /// <summary>The family.</summary>
    public ClassifierKind Kind => Options.Kind;

    /// <summary>The family's options it was trained with (hyperparameters, seed, threads).</summary>
    public ClassifierOptions Options { get; }

    /// <summary>The ML.NET model (Features → Score, Probability, PredictedLabel).</summary>
    public ITransformer Model => _fitted.Value.Model;

    /// <summary>The feature names it expects, in order.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>P(like) for every row of <paramref name="table"/>.</summary>
    /// <remarks>A logistic-regression pipeline is scored as one dot product per row (the same formula ML.NET applies,
    /// without its per-row data-view overhead); other families go through ML.NET's <c>Transform</c>.</remarks>
    public float[] PredictProbabilities(FeatureTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (!table.Names.SequenceEqual(FeatureNames)) throw new ArgumentException("The table's features differ from the ones the model was trained on.", nameof(table));
        return _linear.Value is { } linear ? linear.Predict(table) : [.. Model.Transform(table.AsDataView()).GetColumn<float>("Probability")];
    }

    /// <summary>The one-dot-product form of a logistic-regression pipeline, or null for any other model.</summary>
    private readonly Lazy<LinearScorer?> _linear;

    /// <summary>P(like) for every row of an interaction dataset (streamed, not materialized).</summary>
    public float[] PredictProbabilities(InteractionDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!data.FeatureNames.SequenceEqual(FeatureNames)) throw new ArgumentException("The dataset's features differ from the ones the model was trained on.", nameof(data));
        return [.. Model.Transform(data.AsDataView()).GetColumn<float>("Probability")];
    }

    /// <summary>The magic at the start of a saved classifier.</summary>
    private const string FileMagic = "MOVIEREC-CLASSIF";

    /// <summary>The format version <see cref="Save"/> writes and <see cref="Load"/> reads.</summary>
    public const int FileFormatVersion = 3; // 2: one options record per family (ClassifierOptions), seed inside; 3: no feature model inside (it belongs to its dataset)

    /// <summary>Saves the model and its parameters into one file, atomically.</summary>
    /// <remarks>The file is a MovieRec container (magic, format version, length, SHA-256) around a zip with the ML.NET
    /// model and a JSON header; <see cref="Load"/> verifies the container before reading. The feature model that makes its
    /// rows belongs to the dataset it was fitted on and is saved with it (a <see cref="Recommendations.MovieRecommender"/> bundle).</remarks>
    public void Save(string path) => ChecksummedFile.Write(path, FileMagic, FileFormatVersion, WritePayload);

    /// <summary>Writes the model as a zip (ML.NET model, JSON header) into <paramref name="payload"/>.</summary>
    internal void WritePayload(Stream payload)
    {
        using var zip = new ZipArchive(payload, ZipArchiveMode.Create, leaveOpen: true);
        using (var stream = zip.CreateEntry("model.zip").Open())
        {
            if (_modelBytes is not null && !_fitted.IsValueCreated) stream.Write(_modelBytes); // what was loaded, unchanged
            else SaveModel(stream);
        }

        using (var stream = zip.CreateEntry("classifier.json").Open())
        {
            JsonSerializer.Serialize(stream, new Header(Options, [.. FeatureNames]), ClassifierJson.Default.Header);
        }
    }

    private void SaveModel(Stream stream)
    {
        var fitted = _fitted.Value;
        fitted.Ml.Model.Save(fitted.Model, fitted.InputSchema, stream);
    }

    /// <summary>Loads a file written by <see cref="Save"/>; predictions are identical to the saved model's.</summary>
    /// <exception cref="DataFileException">The file is missing, not a MovieRec classifier, damaged (truncated or changed:
    /// checksum), or of another format version. No other exception type escapes for a bad file.</exception>
    public static TrainedClassifier Load(string path)
    {
        var payload = ChecksummedFile.Read(path, FileMagic, FileFormatVersion, "a MovieRec classifier");
        try
        {
            var classifier = ReadPayload(new MemoryStream(payload, writable: false));
            classifier.Prefetch(); // a classifier file is loaded to be used: every problem is this call's DataFileException
            return classifier;
        }
        catch (Exception e) when (e is not DataFileException and not OutOfMemoryException)
        {
            // The checksum matched, so the bytes are what Save wrote: this is a library mismatch, still one clear error.
            throw new DataFileException(path, $"cannot be read by this version of MovieRec ({e.GetType().Name}: {e.Message})", inner: e);
        }
    }

    /// <summary>Reads what <see cref="WritePayload"/> wrote: the header now, the ML.NET model on first use.</summary>
    /// <remarks>Every entry is read here, so a damaged part still fails the load; only ML.NET's parsing of the model waits.</remarks>
    internal static TrainedClassifier ReadPayload(Stream payload)
    {
        using var zip = new ZipArchive(payload, ZipArchiveMode.Read);
        Header header;
        using (var stream = Entry(zip, "classifier.json").Open()) header = JsonSerializer.Deserialize(stream, ClassifierJson.Default.Header) ?? throw new InvalidDataException("classifier.json is null");
        var options = header.Options ?? throw new InvalidDataException("classifier.json has no options");
        var featureNames = header.FeatureNames ?? throw new InvalidDataException("classifier.json has no feature names");
        byte[] modelBytes;
        using (var memory = CopyOf(Entry(zip, "model.zip"))) modelBytes = memory.ToArray();
        CheckZip(modelBytes);
        return new TrainedClassifier(options, featureNames, new Lazy<Fitted>(() => Fitted.Read(options, modelBytes)), modelBytes);
    }

    /// <summary>Reads every entry of the ML.NET model to its end, so a damaged one fails its CRC now rather than at first use.</summary>
    private static void CheckZip(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        foreach (var entry in zip.Entries)
        {
            if (entry.Length > MaxModelEntryBytes) throw new InvalidDataException($"model.zip: the entry {entry.FullName} declares {entry.Length:N0} bytes");
            using var stream = entry.Open();
            stream.CopyTo(Stream.Null);
        }
    }

    /// <summary>The most bytes one entry of a saved ML.NET model may unpack to.</summary>
    private const long MaxModelEntryBytes = 256L << 20;

    private static ZipArchiveEntry Entry(ZipArchive zip, string name) => zip.GetEntry(name) ?? throw new InvalidDataException($"the entry {name} is missing");

    private static MemoryStream CopyOf(ZipArchiveEntry entry)
    {
        var memory = new MemoryStream();
        using (var source = entry.Open()) source.CopyTo(memory);
        memory.Position = 0;
        return memory;
    }

    internal sealed record Header(ClassifierOptions Options, string[] FeatureNames);
}
