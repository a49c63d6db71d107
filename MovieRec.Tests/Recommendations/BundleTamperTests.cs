using System.IO.Compression;

namespace MovieRec.Tests.Recommendations;

/// <summary>
/// Bundles whose checksum was recomputed after tampering (the SHA-256 proves integrity, not origin): every part is checked
/// against the header's counts and every entry's size is capped at load, so a swapped or padded part is one clear error at
/// load, never a wrong answer or an out-of-memory later. Loaded without prefetching, the like model's parts (features and
/// classifier) are read on first use: their errors are then the first ml or hybrid answer's, the same error.
/// </summary>
public sealed class BundleTamperTests : IClassFixture<RecommenderTests.World>, IDisposable
{
    private readonly RecommenderTests.World _world;
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private readonly TempFolder _temp = new();

    public BundleTamperTests(RecommenderTests.World world) => _world = world;

    public void Dispose() => _temp.Dispose();

    /// <summary>Saves the world's recommender, lets <paramref name="change"/> edit its parts, and writes them back with a
    /// fresh, valid checksum, as anyone can.</summary>
    private string Tampered(string name, Action<Dictionary<string, byte[]>> change)
    {
        var original = _temp.File(name + ".orig");
        _world.Recommender.Save(original);
        var parts = BundleParts.Read(original);
        change(parts);
        var path = _temp.File(name + ".movierec");
        BundleParts.Write(path, parts);
        return path;
    }

    /// <summary>A part of a recommender fitted on <paramref name="ratings"/> with <paramref name="options"/>: another model's.</summary>
    private byte[] PartOfAnother(string part, DataFrame ratings, RecommenderOptions options)
    {
        var donor = _temp.File($"donor-{Guid.NewGuid():N}.movierec");
        MovieRecommender.Build(RatingDataset.From(ratings, _world.Movies), options).Save(donor);
        return BundleParts.Read(donor)[part];
    }

    private static string LoadError(string path) => Assert.Throws<DataFileException>(() => MovieRecommender.Load(path)).Message;

    /// <summary>Loaded without prefetching, a bundle whose like model's parts are bad answers the engines that do not
    /// use them as the world does, and the first ml answer (and every later one) throws the error the eager load throws.</summary>
    private string FirstUseError(string path)
    {
        var lazy = MovieRecommender.Load(path, prefetchClassifier: false);
        Assert.Equal(_world.Recommender.Recommend(3, RecommenderEngine.Svd, 5), lazy.Recommend(3, RecommenderEngine.Svd, 5));
        Assert.Equal(_world.Recommender.Similar(5, 5), lazy.Similar(5, 5));
        var first = Assert.Throws<DataFileException>(() => lazy.Recommend(3, RecommenderEngine.Ml, 5)).Message;
        Assert.Equal(first, Assert.Throws<DataFileException>(() => lazy.Recommend(3, RecommenderEngine.Hybrid, 5)).Message);
        Assert.Equal(LoadError(path), first);
        return first;
    }

    [Fact]
    public void An_unchanged_rewrite_loads_so_the_checks_below_are_about_the_changes()
    {
        var path = Tampered("same", _ => { });
        Assert.Equal(_world.Recommender.Recommend(3, RecommenderEngine.Svd, 5), MovieRecommender.Load(path).Recommend(3, RecommenderEngine.Svd, 5));
    }

    [Fact]
    public void Svd_factors_swapped_in_from_a_model_of_other_data_are_refused_at_load()
    {
        var fewer = _world.Ratings.Filter(_world.Ratings[Columns.UserId].ElementwiseLessThanOrEqual(30));
        var path = Tampered("swapped", parts => parts["svd.bin"] = PartOfAnother("svd.bin", fewer, _world.Options));
        Assert.Contains("the SVD factors (30 users", LoadError(path), StringComparison.Ordinal);
        Assert.Contains("do not fit the ratings (40 users", LoadError(path), StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_parts_written_through_the_generated_contracts_are_what_the_reflection_serializer_writes()
    {
        // Bundles written before the contracts were generated stay readable, and the contracts cannot drift unseen.
        var parts = BundleParts.Read(Tampered("json", _ => { }));
        var reflection = new JsonSerializerOptions
        {
            IncludeFields = true, WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
            TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
        };
        var header = JsonSerializer.Deserialize<MovieRecommender.BundleHeader>(parts["bundle.json"], reflection);
        Assert.Equal(Encoding.UTF8.GetString(parts["bundle.json"]), JsonSerializer.Serialize(header, reflection));

        using var classifier = new ZipArchive(new MemoryStream(parts["classifier.zip"]), ZipArchiveMode.Read);
        using var json = new StreamReader(classifier.GetEntry("classifier.json")!.Open());
        var text = json.ReadToEnd();
        var defaults = new JsonSerializerOptions { TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() };
        Assert.Equal(text, JsonSerializer.Serialize(JsonSerializer.Deserialize<TrainedClassifier.Header>(text, defaults), defaults));
    }

    [Fact]
    public void A_header_written_before_the_ml_engine_options_nested_keeps_its_classifiers_and_prior()
    {
        // Until RecommenderOptions.Like, the header kept Classifiers, ValidationFraction and PopularityPrior on the options.
        var path = Tampered("flat", parts =>
        {
            var root = JsonNode.Parse(parts["bundle.json"])!.AsObject();
            var options = root["Options"]!.AsObject();
            var like = options["Like"]!.AsObject();
            Assert.True(options.Remove("Like"));
            foreach (var name in new[] { "Classifiers", "ValidationFraction" }) options[name] = like[name]!.DeepClone();
            options["PopularityPrior"] = 0.5; // not the default, so reading it is seen
            parts["bundle.json"] = JsonSerializer.SerializeToUtf8Bytes(root, Indented);
        });
        var loaded = MovieRecommender.Load(path);
        Assert.Equal(0.5, loaded.Like.PopularityPrior);
        Assert.Equal(_world.Recommender.ClassifierSelection.Chosen.Name, loaded.ClassifierSelection.Chosen.Name);
        Assert.Equal(_world.Recommender.Recommend(3, RecommenderEngine.Svd, 5), loaded.Recommend(3, RecommenderEngine.Svd, 5));
        Assert.Equal(1.0, MovieRecommender.Load(Tampered("nested", _ => { })).Like.PopularityPrior); // the world's, from Like
    }

    [Fact]
    public void A_bundle_without_its_similarity_space_as_written_before_rebuilds_the_same_space()
    {
        var path = Tampered("nospace", parts => Assert.True(parts.Remove("space.bin")));
        var loaded = MovieRecommender.Load(path);
        Assert.Equal(_world.Recommender.Space.Vectors, loaded.Space.Vectors);
        var movie = _world.Recommender.Catalog.MovieIds[0];
        Assert.Equal(_world.Recommender.Similar(movie, 5), loaded.Similar(movie, 5));
        Assert.Equal(_world.Recommender.Recommend(3, RecommenderEngine.Content, 5), loaded.Recommend(3, RecommenderEngine.Content, 5));
    }

    [Fact]
    public void A_similarity_space_of_another_width_is_refused_at_load()
    {
        var path = Tampered("space", parts =>
        {
            using var bytes = new MemoryStream();
            using (var w = new BinaryWriter(bytes, Encoding.UTF8, leaveOpen: true))
            {
                w.Write(_world.Recommender.Space.Dimensions + 1);
                w.WriteFloats(_world.Recommender.Space.Vectors);
            }

            parts["space.bin"] = bytes.ToArray();
        });
        Assert.Contains("not one row per movie of the catalog's", LoadError(path), StringComparison.Ordinal);
    }

    [Fact]
    public void A_movie_table_whose_rows_are_out_of_the_dataset_order_is_refused_at_load()
    {
        var path = Tampered("movies", parts =>
        {
            var movies = new BinaryReader(new MemoryStream(parts["movies.bin"])).ReadFrame();
            var reversed = movies[Enumerable.Range(0, (int)movies.Rows.Count).Reverse().Select(i => (long)i).ToArray()];
            using var bytes = new MemoryStream();
            using (var w = new BinaryWriter(bytes, Encoding.UTF8, leaveOpen: true)) w.WriteFrame(reversed);
            parts["movies.bin"] = bytes.ToArray();
        });
        Assert.Contains("is not a consistent MovieRec model", LoadError(path), StringComparison.Ordinal);
        Assert.Contains("is out of place in the catalog (row 0)", LoadError(path), StringComparison.Ordinal);
    }

    [Fact]
    public void A_classifier_swapped_in_from_a_model_with_other_features_is_refused_at_load()
    {
        var options = _world.Options with { Features = _world.Options.Features with { Text = new() { Factors = 2 } } };
        var path = Tampered("classifier", parts => parts["classifier.zip"] = PartOfAnother("classifier.zip", _world.Ratings, options));
        Assert.Contains("the classifier expects", LoadError(path), StringComparison.Ordinal);
        Assert.Contains("the part comes from another model", LoadError(path), StringComparison.Ordinal);
        Assert.Contains("the part comes from another model", FirstUseError(path), StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_padded_past_its_cap_is_refused_before_it_is_read()
    {
        var path = Tampered("padded", parts => parts["bundle.json"] = [.. parts["bundle.json"], .. Enumerable.Repeat((byte)' ', 17 << 20)]);
        Assert.Contains("the entry bundle.json declares 17,", LoadError(path), StringComparison.Ordinal);
    }

    [Fact]
    public void A_classifier_part_that_unpacks_to_thousands_of_times_its_size_is_refused()
    {
        var path = Tampered("bomb", parts =>
        {
            using var inner = new MemoryStream();
            using (var zip = new ZipArchive(inner, ZipArchiveMode.Create, leaveOpen: true))
            {
                using var s = zip.CreateEntry("Model/Weights", CompressionLevel.Optimal).Open();
                s.Write(new byte[80 << 20]); // 80 MiB of zeros: tens of KB compressed
            }

            parts["classifier.zip"] = inner.ToArray();
        });
        Assert.Contains("classifier.zip: the entry Model/Weights declares 83,886,080 bytes", LoadError(path), StringComparison.Ordinal);
        Assert.Contains("classifier.zip: the entry Model/Weights declares 83,886,080 bytes", FirstUseError(path), StringComparison.Ordinal);
    }

    [Fact]
    public void A_forged_array_length_fails_before_it_allocates()
    {
        var path = Tampered("forged", parts =>
        {
            var svd = parts["svd.bin"];
            BitConverter.GetBytes(int.MaxValue).CopyTo(svd, 4); // the length of the offsets array, after k
        });
        Assert.Contains("svd.bin: a count of 2,147,483,647 needs 2,147,483,647 bytes, but only", LoadError(path), StringComparison.Ordinal);
    }
}
