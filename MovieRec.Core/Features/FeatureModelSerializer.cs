using System.Text.Json;
using MovieRec.Features.Text;

namespace MovieRec.Features;

/// <summary>
/// Binary persistence of a fitted <see cref="FeatureModel"/>: its options, user statistics and the fitted user and movie
/// feature tables (embeddings included), plus the text model so new text can still be embedded. The dataset (ratings and
/// movies, whose indexes are the tables' rows) is stored beside it and handed back to <see cref="Read"/>.
/// </summary>
/// <remarks>A loaded model transforms ratings of the users and movies it was fitted with exactly as before. The genome
/// projection is not stored (its embeddings are in the movie table); <see cref="FeatureModel.Genome"/> is null after loading.</remarks>
internal static class FeatureModelSerializer
{
    private const string Magic = "MOVIEREC-FEATURES";
    private const int FormatVersion = 2; // 2: rows are the dataset's indexes; the catalog is the dataset's

    public static void Write(FeatureModel model, BinaryWriter w)
    {
        w.Write(Magic);
        w.Write(FormatVersion);
        w.Write(JsonSerializer.Serialize(model.Options, FeatureJson.Default.FeatureOptions));
        w.WriteInts([.. model.Catalog.MovieIds]);
        var s = model.Statistics;
        w.Write(s.GlobalMean);
        w.Write(s.GlobalStd);
        w.Write(s.GlobalLikeRatio);
        w.Write(s.GlobalModernShare);
        w.Write(s.ReferenceTime);
        w.WriteInts([.. model.Train.UserIds]);
        w.WriteInts(s.UserFavorite);
        w.WriteFloats(s.UserAffinity);
        w.WriteStrings([.. model.MovieFeatureNames]);
        w.WriteFloats(model.UserTableArray);
        w.WriteFloats(model.UnknownUser);
        w.WriteFloats(model.MovieTableArray);
        w.WriteFloats(model.UnknownMovie);
        w.Write(model.Text is not null);
        if (model.Text is { } text)
        {
            w.Write(JsonSerializer.Serialize(text.Options, FeatureJson.Default.TextEmbeddingOptions));
            w.WriteStrings([.. text.Tfidf.Terms]);
            w.WriteDoubles([.. text.Tfidf.Idf]);
            w.Write(text.Factors);
            w.WriteDoubles(text.Projection);
            w.WriteDoubles([.. text.SingularValues]);
            w.WriteDoubles([.. text.ExplainedVarianceRatio]);
        }
    }

    /// <summary>Reads a model written by <see cref="Write"/> for the dataset it was fitted on.</summary>
    /// <exception cref="InvalidDataException">Another format, or the dataset's users or movies differ from the model's.</exception>
    public static FeatureModel Read(BinaryReader r, RatingDataset train)
    {
        if (r.ReadString() != Magic) throw new InvalidDataException("Not a MovieRec feature model.");
        var version = r.ReadInt32();
        if (version != FormatVersion) throw new InvalidDataException($"Feature model format {version} is not supported (expected {FormatVersion}).");
        var options = JsonSerializer.Deserialize(r.ReadString(), FeatureJson.Default.FeatureOptions)!;
        if (train.Movies is null || !r.ReadInts().AsSpan().SequenceEqual([.. train.Movies.MovieIds]))
        {
            throw new InvalidDataException("The feature model's movies are not the dataset's.");
        }

        var (globalMean, globalStd, globalLikeRatio, globalModernShare, referenceTime) = (r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadInt64());
        if (!r.ReadInts().AsSpan().SequenceEqual([.. train.UserIds])) throw new InvalidDataException("The feature model's users are not the dataset's.");
        var stats = TrainingStatistics.Restore(globalMean, globalStd, globalLikeRatio, globalModernShare, referenceTime, r.ReadInts(), r.ReadFloats());
        var movieNames = r.ReadStrings();
        var userTable = r.ReadFloats();
        var unknownUser = r.ReadFloats();
        var movieTable = r.ReadFloats();
        var unknownMovie = r.ReadFloats();
        TextEmbeddingModel? text = null;
        if (r.ReadBoolean())
        {
            var textOptions = JsonSerializer.Deserialize(r.ReadString(), FeatureJson.Default.TextEmbeddingOptions)!;
            var tfidf = new TfidfModel(r.ReadStrings(), r.ReadDoubles(), textOptions.Tfidf);
            var components = r.ReadInt32();
            text = new TextEmbeddingModel(tfidf, r.ReadDoubles(), components, r.ReadDoubles(), r.ReadDoubles(), textOptions);
        }

        return new FeatureModel(options, train, stats, text, movieNames, userTable, unknownUser, movieTable, unknownMovie);
    }
}
