using System.Text.Json;
using MovieRec.Data;
using MovieRec.Features.Text;

namespace MovieRec.Features;

/// <summary>
/// Binary persistence of a fitted <see cref="FeatureModel"/>: its options, movie catalog, user statistics and the
/// fitted user and movie feature tables (embeddings included), plus the text model so new text can still be embedded.
/// </summary>
/// <remarks>A loaded model transforms ratings of the users and movies it was fitted with exactly as before. The genome
/// projection is not stored (its embeddings are in the movie table); <see cref="FeatureModel.Genome"/> is null after loading.</remarks>
internal static class FeatureModelSerializer
{
    private const string Magic = "MOVIEREC-FEATURES";
    private const int FormatVersion = 1;

    public static void Write(FeatureModel model, BinaryWriter w)
    {
        w.Write(Magic);
        w.Write(FormatVersion);
        w.Write(JsonSerializer.Serialize(model.Options));
        var catalog = model.Catalog;
        w.WriteInts(catalog.MovieIds);
        w.WriteInts(catalog.Years);
        w.Write(catalog.Genres.Length);
        foreach (var g in catalog.Genres) w.WriteInts(g);
        w.WriteStrings(catalog.GenreNames);
        var s = model.Statistics;
        w.Write(s.GlobalMean);
        w.Write(s.GlobalStd);
        w.Write(s.GlobalLikeRatio);
        w.Write(s.GlobalModernShare);
        w.Write(s.ReferenceTime);
        w.WriteInts(s.UserIds);
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
            w.Write(JsonSerializer.Serialize(text.Options));
            w.WriteStrings([.. text.Tfidf.Terms]);
            w.WriteDoubles([.. text.Tfidf.Idf]);
            w.Write(text.Components);
            w.WriteDoubles(text.Projection);
            w.WriteDoubles([.. text.SingularValues]);
            w.WriteDoubles([.. text.ExplainedVarianceRatio]);
        }
    }

    public static FeatureModel Read(BinaryReader r)
    {
        if (r.ReadString() != Magic) throw new InvalidDataException("Not a MovieRec feature model.");
        var version = r.ReadInt32();
        if (version != FormatVersion) throw new InvalidDataException($"Feature model format {version} is not supported (expected {FormatVersion}).");
        var options = JsonSerializer.Deserialize<FeatureOptions>(r.ReadString())!;
        var movieIds = r.ReadInts();
        var years = r.ReadInts();
        var genres = new int[r.ReadInt32()][];
        for (var i = 0; i < genres.Length; i++) genres[i] = r.ReadInts();
        var catalog = new MovieCatalog(movieIds, years, genres, r.ReadStrings());
        var stats = TrainingStatistics.Restore(r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadInt64(), r.ReadInts(), r.ReadInts(), r.ReadFloats());
        var movieNames = r.ReadStrings();
        var userTable = r.ReadFloats();
        var unknownUser = r.ReadFloats();
        var movieTable = r.ReadFloats();
        var unknownMovie = r.ReadFloats();
        TextEmbeddingModel? text = null;
        if (r.ReadBoolean())
        {
            var textOptions = JsonSerializer.Deserialize<TextEmbeddingOptions>(r.ReadString())!;
            var tfidf = new TfidfModel(r.ReadStrings(), r.ReadDoubles(), textOptions.Tfidf);
            var components = r.ReadInt32();
            text = new TextEmbeddingModel(tfidf, r.ReadDoubles(), components, r.ReadDoubles(), r.ReadDoubles(), textOptions);
        }

        return new FeatureModel(options, catalog, stats, text, movieNames, userTable, unknownUser, movieTable, unknownMovie);
    }
}
