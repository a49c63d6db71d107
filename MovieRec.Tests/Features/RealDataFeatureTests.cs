namespace MovieRec.Tests.Features;

[Trait("Category", "RealData")]
public sealed class RealDataFeatureTests
{
    [RealDataFact]
    public void Text_embeddings_for_ml_latest_small_with_the_tmdb_sample()
    {
        var ds = MovieLensLoader.Load(TestPaths.MlLatestSmall);
        var clean = DataCleaning.Clean(ds, MovieMetadataLoader.Load(Path.Combine(TestPaths.TmdbSample, "movies_metadata.csv"), ds.Links));
        var model = new FeaturePipeline(new FeatureOptions { Text = new() { IncludeGenres = false } }).Fit(RatingDataset.From(clean.Ratings, clean.Movies));

        Assert.Equal(5_000, model.Text!.Tfidf.Terms.Count);
        Assert.Equal(100, model.Text.Factors);
        var hasText = model.MovieFeatures().ToArray<float>("hasText");
        Assert.InRange(hasText.Count(h => h == 1f), 2_340, 2_600); // ~2,348 overviews, plus keywords-only movies
        Assert.InRange(model.Text.ExplainedVarianceRatio.Sum(), 0.1, 1.0); // sparse text: 100 of 5,000 dimensions keep ~18%

        // Genres are left out of the text, yet overviews of movies sharing a genre are nearer than of movies sharing none.
        var space = MovieEmbeddingSpace.Build(model, new MovieSpaceOptions { NumericWeight = 0, GenreWeight = 0 });
        var ids = clean.Movies.ToArray<int>(Columns.MovieId);
        var genres = clean.Movies.ToStringArray(Columns.Genres).Select(g => g.Split('|').ToHashSet()).ToArray();
        var withText = Enumerable.Range(0, ids.Length).Where(i => hasText[i] == 1f).ToArray();
        var rng = new Random(11);
        var shared = new List<double>();
        var disjoint = new List<double>();
        while (shared.Count < 3_000 || disjoint.Count < 3_000)
        {
            int a = withText[rng.Next(withText.Length)], b = withText[rng.Next(withText.Length)];
            if (a == b) continue;
            var list = genres[a].Overlaps(genres[b]) ? shared : disjoint;
            if (list.Count < 3_000) list.Add(space.Similarity(ids[a], ids[b]));
        }

        Assert.True(shared.Average() > disjoint.Average() + 0.01, $"shared genre {shared.Average():F3}, disjoint {disjoint.Average():F3}");
    }
}
