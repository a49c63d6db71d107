using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace MovieRec.Recommendations;

/// <summary>Saving and loading a fitted recommender: fit once (<c>movierec fit</c>), answer many times.</summary>
public sealed partial class MovieRecommender
{
    /// <summary>The magic at the start of a saved recommender.</summary>
    private const string BundleMagic = "MOVIEREC-BUNDLE1";

    /// <summary>The bundle format <see cref="Save"/> writes and <see cref="Load(string)"/> reads.</summary>
    public const int BundleFormatVersion = 5; // 3: the classifier inside stores ClassifierOptions; 4: the hybrid's learned weights; 5: one movie index (the dataset's)

    /// <summary>What the bundle holds and how it was made.</summary>
    public RecommenderBundleInfo Info => _info ??= new(BundleFormatVersion, LibraryVersion, Fingerprint(Ratings, Catalog), _options.Seed,
        Ratings.Count, Ratings.UserIds.Count, Catalog.Count, ClassifierSelection.Chosen.Name);

    private RecommenderBundleInfo? _info;

    /// <summary>
    /// Saves everything the queries need (ratings, movie catalog with titles, genres, years and posters, the feature
    /// pipeline, the like classifier, the PureSVD factors, the options) into one file, written to a temporary file and
    /// renamed into place.
    /// </summary>
    /// <remarks>The file is a MovieRec container (magic <c>MOVIEREC-BUNDLE1</c>, format version, length, SHA-256) around a zip
    /// of <c>bundle.json</c> (<see cref="Info"/> and the options), <c>ratings.bin</c>, <c>movies.bin</c>, <c>features.bin</c>,
    /// <c>classifier.zip</c>, <c>svd.bin</c> and <c>space.bin</c> (the similarity space's vectors; a bundle without it, written before,
    /// rebuilds them from the features on load) (and <c>model-metrics.bin</c>, <c>model-parameters.bin</c> with a <see cref="ModelReport"/>).</remarks>
    public void Save(string path) => ChecksummedFile.Write(path, BundleMagic, BundleFormatVersion, payload =>
    {
        using var zip = new ZipArchive(payload, ZipArchiveMode.Create, leaveOpen: true);
        using (var stream = zip.CreateEntry("bundle.json", CompressionLevel.Fastest).Open())
        {
            JsonSerializer.Serialize(stream, new BundleHeader(Info, _options, ClassifierSelection, HybridSelection), BundleJson.Default.BundleHeader);
        }

        Entry(zip, "ratings.bin", w => w.WriteFrame(Ratings.ToDataFrame()));
        Entry(zip, "movies.bin", w => w.WriteFrame(Catalog.Table));
        Entry(zip, "features.bin", w => FeatureModelSerializer.Write(Features, w));
        Entry(zip, "svd.bin", Svd.Write);
        Entry(zip, "space.bin", Space.Write);
        if (ModelReport is { } report)
        {
            Entry(zip, "model-metrics.bin", w => w.WriteFrame(report.Metrics));
            Entry(zip, "model-parameters.bin", w => w.WriteFrame(report.BestParameters));
        }

        using (var stream = zip.CreateEntry("classifier.zip", CompressionLevel.NoCompression).Open())
        {
            Classifier.WritePayload(stream);
        }
    });

    /// <summary>Loads a recommender saved by <see cref="Save"/>; its answers are identical to the saved one's.</summary>
    /// <exception cref="DataFileException">The file is missing, not a MovieRec model, damaged (checksum) or of another
    /// format version: "… is not a MovieRec model", "… is damaged (checksum mismatch)", "… was written by format 3, this
    /// version of MovieRec reads format 2".</exception>
    public static MovieRecommender Load(string path) => Load(path, prefetchClassifier: true);

    /// <summary>Loads a recommender saved by <see cref="Save"/>; with <paramref name="prefetchClassifier"/> false, the like
    /// model's parts (the feature model and the classifier) are read, and ML.NET parses the classifier, only when an engine
    /// first needs them (ml, hybrid, a feature-table prediction).</summary>
    /// <param name="path">The bundle.</param>
    /// <param name="prefetchClassifier">True: the like model's parts are read, and the classifier parsed, on another thread
    /// while the rest loads (the first ml or hybrid answer does not wait for them). False: not before they are used, so a
    /// process that only asks the svd or content engine, similar movies or profiles never reads them nor loads ML.NET
    /// (<c>movierec recommend --engine svd</c>); a problem in those parts is then thrown by the first call that needs them, as
    /// the same <see cref="DataFileException"/>, and by every later one. Until then the recommender keeps the bundle's bytes
    /// (its file size) in memory: a long-lived process that will use every engine should prefetch.</param>
    /// <exception cref="DataFileException">As <see cref="Load(string)"/>.</exception>
    public static MovieRecommender Load(string path, bool prefetchClassifier)
    {
        var payload = ChecksummedFile.Read(path, BundleMagic, BundleFormatVersion, "a MovieRec model (a bundle written by 'movierec fit')");
        try
        {
            using var zip = Archive(payload);
            CheckEntries(zip, string.Empty);

            // A cold process spends most of a load compiling code, not reading bytes: the header (JSON) is parsed on another
            // thread while this one reads the ratings, the movies, the factors and the space. A thread that reads parts
            // opens its own ZipArchive over the payload (an archive is read by one thread).
            var headerBytes = Bytes(zip, "bundle.json");
            var headerTask = Task.Run(() => ReadHeader(headerBytes));
            TrainedClassifier ReadClassifier()
            {
                using var own = Archive(payload);
                var bytes = Bytes(own, "classifier.zip");
                using (var inner = Archive(bytes)) CheckEntries(inner, "classifier.zip: "); // ML.NET trusts its sizes
                var read = TrainedClassifier.ReadPayload(new MemoryStream(bytes, writable: false));
                if (prefetchClassifier) read.Prefetch(); // on its own thread, while the caller's reads the rest
                return read;
            }

            var classifierTask = prefetchClassifier ? Task.Run(ReadClassifier) : null;

            // Plain arrays, not DataFrames: a cold start compiles far less code (the catalog's table is built on demand).
            var ratings = Read(zip, "ratings.bin", BinaryColumns.Read);
            var movies = Read(zip, "movies.bin", MovieCatalog.Read);
            var set = RatingDataset.From(ratings.Values<int>(Columns.UserId), ratings.Values<int>(Columns.MovieId),
                Array.ConvertAll(ratings.Values<double>(Columns.Rating), v => (float)v),
                ratings.Has(Columns.Timestamp) ? ratings.Values<long>(Columns.Timestamp) : new long[ratings.Rows]).WithCatalog(movies);

            // The like model's parts (the feature model and the classifier, checked against each other): only the ml and
            // hybrid engines need them. Prefetching, they are read on another thread; otherwise on first use, so the svd and
            // content engines, similar movies and profiles never read them.
            (FeatureModel Features, TrainedClassifier Classifier) LikeParts()
            {
                FeatureModel features;
                using (var own = Archive(payload)) features = Read(own, "features.bin", r => FeatureModelSerializer.Read(r, set));
                var classifier = classifierTask?.GetAwaiter().GetResult() ?? ReadClassifier();
                if (!classifier.FeatureNames.SequenceEqual(features.FeatureNames))
                {
                    throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                        $"the classifier expects {classifier.FeatureNames.Count} features, the feature model makes {features.FeatureNames.Count} others: the part comes from another model"));
                }

                return (features, classifier);
            }

            var likeParts = prefetchClassifier ? Task.Run(LikeParts) : null;
            var svd = Read(zip, "svd.bin", r => PureSvdModel.Read(r, set));
            var report = zip.GetEntry("model-metrics.bin") is null ? null
                : new ModelReport(Read(zip, "model-metrics.bin", r => r.ReadFrame()), Read(zip, "model-parameters.bin", r => r.ReadFrame()));
            var header = headerTask.GetAwaiter().GetResult();

            // Bundles written before the space was kept (no space.bin) rebuild it from the features: the same vectors.
            var space = zip.GetEntry("space.bin") is null ? null : Read(zip, "space.bin", r => MovieEmbeddingSpace.Read(r, movies, header.Options.Space));
            var ranker = new HybridRanker(header.Options);
            HybridModel model;
            if (likeParts is null && space is not null)
            {
                model = ranker.Compose(set, new Lazy<(FeatureModel, TrainedClassifier)>(() => Resolve(LikeParts, path)), svd, header.Selection, header.Hybrid, space);
            }
            else
            {
                var (features, classifier) = likeParts?.GetAwaiter().GetResult() ?? LikeParts();
                model = ranker.Compose(features, svd, classifier, header.Selection, header.Hybrid, space);
            }

            return new MovieRecommender(set, model, header.Options) { ModelReport = report };
        }
        catch (Exception e) when (e is not DataFileException and not OutOfMemoryException)
        {
            throw LoadError(path, e);
        }
    }

    /// <summary>The like model's parts of a bundle loaded without prefetching, on first use: what <see cref="Load(string, bool)"/>
    /// would have thrown, thrown by the first call that needs them.</summary>
    private static (FeatureModel, TrainedClassifier) Resolve(Func<(FeatureModel, TrainedClassifier)> parts, string path)
    {
        try
        {
            return parts();
        }
        catch (Exception e) when (e is not DataFileException and not OutOfMemoryException)
        {
            throw LoadError(path, e);
        }
    }

    /// <summary>A failure after the checksum matched, as one clear error: a part that disagrees with the others or breaks a
    /// cap (tampered, or assembled by hand), else a library mismatch (the bytes are what Save wrote).</summary>
    private static DataFileException LoadError(string path, Exception e) => e is InvalidDataException
        ? new DataFileException(path, $"is not a consistent MovieRec model: {e.Message}", inner: e)
        : new DataFileException(path, $"cannot be read by this version of MovieRec ({e.GetType().Name}: {e.Message})", inner: e);

    /// <summary>SHA-256 (first 16 hex digits) of the ratings and the movie IDs: which data a bundle was fitted on.</summary>
    private static string Fingerprint(RatingDataset ratings, MovieCatalog movies)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(Array.ConvertAll(ratings.Users, u => ratings.UserIds[u]).AsSpan()));
        hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(Array.ConvertAll(ratings.Items, i => ratings.ItemIds[i]).AsSpan()));
        hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(Array.ConvertAll(ratings.Ratings, r => (double)r).AsSpan()));
        hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(movies.MovieIds.ToArray().AsSpan()));
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    private static string LibraryVersion =>
        typeof(MovieRecommender).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(MovieRecommender).Assembly.GetName().Version?.ToString() ?? "0";

    private static void Entry(ZipArchive zip, string name, Action<BinaryWriter> write)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        using var writer = new BinaryWriter(stream);
        write(writer);
    }

    /// <summary>The most bytes the header may unpack to.</summary>
    private const long MaxHeaderBytes = 16L << 20;

    /// <summary>How many times its compressed size an entry may unpack to (real parts: under 10; a zip bomb: thousands).</summary>
    private const long MaxExpansion = 64;

    /// <summary>Caps every entry's declared size before anything is allocated from it: the header at
    /// <see cref="MaxHeaderBytes"/>, every entry at <see cref="MaxExpansion"/> times its compressed size (or 64 MiB) and
    /// below 2 GiB. A bundle whose checksum was recomputed after tampering is still refused by its sizes.</summary>
    private static void CheckEntries(ZipArchive zip, string prefix)
    {
        foreach (var entry in zip.Entries)
        {
            var cap = entry.FullName == "bundle.json" && prefix.Length == 0 ? MaxHeaderBytes : Math.Min(Math.Max(64L << 20, entry.CompressedLength * MaxExpansion), Array.MaxLength);
            if (entry.Length > cap)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                    $"{prefix}the entry {entry.FullName} declares {entry.Length:N0} bytes from {entry.CompressedLength:N0} compressed, above its cap of {cap:N0}: not a part MovieRec wrote"));
            }
        }
    }

    private static T Read<T>(ZipArchive zip, string name, Func<BinaryReader, T> read)
    {
        var entry = Entry(zip, name);
        using var stream = entry.Open();
        using var buffered = new BufferedStream(stream, 1 << 16);
        using var bounded = new BoundedStream(buffered, entry.Length, name);
        using var reader = new BinaryReader(bounded);
        return read(reader);
    }

    private static ZipArchive Archive(byte[] bytes) => new(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);

    private static byte[] Bytes(ZipArchive zip, string name)
    {
        var entry = Entry(zip, name);
        var bytes = new byte[entry.Length];
        using var stream = entry.Open();
        stream.ReadExactly(bytes);
        return bytes;
    }

    private static Stream Open(ZipArchive zip, string name) => Entry(zip, name).Open();

    private static ZipArchiveEntry Entry(ZipArchive zip, string name) =>
        zip.GetEntry(name) ?? throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"the entry {name} is missing"));

    /// <summary>Reads <c>bundle.json</c>. A format-5 header written before the ML engine's options were nested
    /// (<see cref="RecommenderOptions.Like"/>) keeps <c>Classifiers</c>, <c>ValidationFraction</c> and <c>PopularityPrior</c> on
    /// the options themselves: they are moved into <c>Like</c> first, so such a bundle answers as it did.</summary>
    private static BundleHeader ReadHeader(byte[] bytes)
    {
        if (bytes.AsSpan().IndexOf("\"Like\": {"u8) < 0 && JsonNode.Parse(bytes) is JsonObject { } root
            && root["Options"] is JsonObject options && !options.ContainsKey(nameof(RecommenderOptions.Like)))
        {
            var like = new JsonObject();
            foreach (var name in (string[])["Classifiers", "ValidationFraction", "PopularityPrior"])
            {
                if (options.Remove(name, out var value)) like[name] = value;
            }

            options[nameof(RecommenderOptions.Like)] = like;
            bytes = JsonSerializer.SerializeToUtf8Bytes(root);
        }

        return JsonSerializer.Deserialize(bytes, BundleJson.Default.BundleHeader) ?? throw new InvalidDataException("bundle.json is null");
    }

    internal sealed record BundleHeader(RecommenderBundleInfo Info, RecommenderOptions Options, ClassifierSelection Selection, HybridSelection Hybrid);
}
