namespace MovieRec.Tests.Data;

/// <summary>Against the real files in ../shared/data; skipped with the reason where they are absent.</summary>
[Trait("Category", "RealData")]
public sealed class RealDataTests
{
    [RealDataFact]
    public void Ml_latest_small_loads_with_the_official_counts()
    {
        var ds = MovieLensLoader.Load(TestPaths.MlLatestSmall);
        var users = ds.Ratings.ToArray<int>(Columns.UserId);
        var movies = ds.Ratings.ToArray<int>(Columns.MovieId);

        Assert.Equal(MovieLensFormat.Csv, ds.Format);
        Assert.Equal(100_836, ds.Ratings.Rows.Count);
        Assert.Equal(610, users.Distinct().Count());
        Assert.Equal(9_742, ds.Movies.Rows.Count);
        Assert.Equal(9_724, movies.Distinct().Count());
        Assert.Equal(3_683, ds.Tags!.Rows.Count);
        Assert.Equal(9_742, ds.Links!.Rows.Count);
        Assert.Equal(964982703L, ds.Ratings.ToArray<long>(Columns.Timestamp)[0]);
        Assert.Equal(3.501557, ds.Ratings.ToArray<double>(Columns.Rating).Average(), 6);

        var clean = DataCleaning.Clean(ds);
        Assert.Equal(100_836, clean.Ratings.Rows.Count);
        Assert.Equal(0, clean.Report.CountOf("ratings", "userId+movieId", "duplicate"));
    }

    [RealDataFact]
    public void Seed_sample_metadata_and_genome_load()
    {
        var ds = MovieLensLoader.Load(TestPaths.SeedSample);
        Assert.Equal(8_999, ds.Ratings.Rows.Count);
        Assert.Equal(8_318, ds.Movies.Rows.Count);

        var meta = ds.Metadata!;
        Assert.Equal(554, meta.Rows.Count);
        Assert.Equal("Tom Hanks|Tim Allen|Don Rickles|Jim Varney|Wallace Shawn", meta[Columns.Actors][0]);
        Assert.StartsWith("Led by Woody, Andy's toys", (string)meta[Columns.Overview][0]);
        Assert.Equal(862, meta[Columns.TmdbId][0]);

        Assert.Equal(1_128, ds.GenomeTags!.Rows.Count);
        Assert.Equal(8_999, ds.GenomeScores!.Rows.Count);
        var genome = ds.Genome!;
        Assert.Equal(1_128, genome.TagCount);
        Assert.Equal(8, genome.MovieCount); // 8,999 rows: 7 full movies and part of an eighth
        Assert.Equal((8L * 1_128) - 8_999, genome.MissingCount);

        var clean = DataCleaning.Clean(ds);
        Assert.Equal(785, clean.Report.CountOf("ratings", Columns.MovieId, "rating of a movie absent"));
        Assert.Equal(8_999 - 785, clean.Ratings.Rows.Count);
        Assert.Equal(554, clean.Report.CountOf("movies", Columns.ReleaseYear, "release year from metadata"));
    }

    [RealDataFact]
    public void Ml_latest_small_joined_with_the_tmdb_sample_gives_2350_movies_with_metadata()
    {
        var ds = MovieLensLoader.Load(TestPaths.MlLatestSmall);
        var meta = MovieMetadataLoader.Load(Path.Combine(TestPaths.TmdbSample, "movies_metadata.csv"), ds.Links);

        Assert.Equal(2_350, meta.Rows.Count);
        Assert.Equal(2_348, meta.ToStringArray(Columns.Overview).Count(o => o.Length > 0)); // two TMDB overviews are empty
        var clean = DataCleaning.Clean(ds, meta);
        var withMeta = new HashSet<int>(meta.ToArray<int>(Columns.MovieId));
        Assert.Equal(51_661, clean.Ratings.ToArray<int>(Columns.MovieId).Count(withMeta.Contains));

        var toyStory = Array.IndexOf(clean.Movies.ToArray<int>(Columns.MovieId), 1);
        Assert.Equal("Toy Story (1995)", clean.Movies[Columns.Title][toyStory]);
        Assert.Equal("Animation|Comedy|Family", clean.Movies[Columns.GenresMeta][toyStory]);
        Assert.Equal("John Lasseter", clean.Movies[Columns.Directors][toyStory]);
        Assert.StartsWith("Tom Hanks|Tim Allen", (string)clean.Movies[Columns.Actors][toyStory]);
        Assert.Equal("https://image.tmdb.org/t/p/w500/rhIRbceoE9lR4veEXuwCC2wARtG.jpg", clean.Movies[Columns.PosterUrl][toyStory]);
        Assert.Contains("jealousy", (string)clean.Movies[Columns.Keywords][toyStory]);
    }
}
