using System.Text.Json;
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
        Ints(w, catalog.MovieIds);
        Ints(w, catalog.Years);
        w.Write(catalog.Genres.Length);
        foreach (var g in catalog.Genres) Ints(w, g);
        Strings(w, catalog.GenreNames);
        var s = model.Statistics;
        w.Write(s.GlobalMean);
        w.Write(s.GlobalStd);
        w.Write(s.GlobalLikeRatio);
        w.Write(s.GlobalModernShare);
        w.Write(s.ReferenceTime);
        Ints(w, s.UserIds);
        Ints(w, s.UserFavorite);
        Floats(w, s.UserAffinity);
        Strings(w, [.. model.MovieFeatureNames]);
        Floats(w, model.UserTableArray);
        Floats(w, model.UnknownUser);
        Floats(w, model.MovieTableArray);
        Floats(w, model.UnknownMovie);
        w.Write(model.Text is not null);
        if (model.Text is { } text)
        {
            w.Write(JsonSerializer.Serialize(text.Options));
            Strings(w, [.. text.Tfidf.Terms]);
            Doubles(w, [.. text.Tfidf.Idf]);
            w.Write(text.Components);
            Doubles(w, text.Projection);
            Doubles(w, [.. text.SingularValues]);
            Doubles(w, [.. text.ExplainedVarianceRatio]);
        }
    }

    public static FeatureModel Read(BinaryReader r)
    {
        if (r.ReadString() != Magic) throw new InvalidDataException("Not a MovieRec feature model.");
        var version = r.ReadInt32();
        if (version != FormatVersion) throw new InvalidDataException($"Feature model format {version} is not supported (expected {FormatVersion}).");
        var options = JsonSerializer.Deserialize<FeatureOptions>(r.ReadString())!;
        var movieIds = Ints(r);
        var years = Ints(r);
        var genres = new int[r.ReadInt32()][];
        for (var i = 0; i < genres.Length; i++) genres[i] = Ints(r);
        var catalog = new MovieCatalog(movieIds, years, genres, Strings(r));
        var stats = TrainingStatistics.Restore(r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadInt64(), Ints(r), Ints(r), Floats(r));
        var movieNames = Strings(r);
        var userTable = Floats(r);
        var unknownUser = Floats(r);
        var movieTable = Floats(r);
        var unknownMovie = Floats(r);
        TextEmbeddingModel? text = null;
        if (r.ReadBoolean())
        {
            var textOptions = JsonSerializer.Deserialize<TextEmbeddingOptions>(r.ReadString())!;
            var tfidf = new TfidfModel(Strings(r), Doubles(r), textOptions.Tfidf);
            var components = r.ReadInt32();
            text = new TextEmbeddingModel(tfidf, Doubles(r), components, Doubles(r), Doubles(r), textOptions);
        }

        return new FeatureModel(options, catalog, stats, text, movieNames, userTable, unknownUser, movieTable, unknownMovie);
    }

    private static void Ints(BinaryWriter w, int[] values)
    {
        w.Write(values.Length);
        foreach (var v in values) w.Write(v);
    }

    private static int[] Ints(BinaryReader r)
    {
        var values = new int[r.ReadInt32()];
        for (var i = 0; i < values.Length; i++) values[i] = r.ReadInt32();
        return values;
    }

    private static void Floats(BinaryWriter w, float[] values)
    {
        w.Write(values.Length);
        foreach (var v in values) w.Write(v);
    }

    private static float[] Floats(BinaryReader r)
    {
        var values = new float[r.ReadInt32()];
        for (var i = 0; i < values.Length; i++) values[i] = r.ReadSingle();
        return values;
    }

    private static void Doubles(BinaryWriter w, double[] values)
    {
        w.Write(values.Length);
        foreach (var v in values) w.Write(v);
    }

    private static double[] Doubles(BinaryReader r)
    {
        var values = new double[r.ReadInt32()];
        for (var i = 0; i < values.Length; i++) values[i] = r.ReadDouble();
        return values;
    }

    private static void Strings(BinaryWriter w, string[] values)
    {
        w.Write(values.Length);
        foreach (var v in values) w.Write(v);
    }

    private static string[] Strings(BinaryReader r)
    {
        var values = new string[r.ReadInt32()];
        for (var i = 0; i < values.Length; i++) values[i] = r.ReadString();
        return values;
    }
}
