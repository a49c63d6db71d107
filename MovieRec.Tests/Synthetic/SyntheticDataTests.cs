namespace MovieRec.Tests.Synthetic;

/// <summary>The generator is deterministic, writes a loadable release, and plants structure that the data reveals.</summary>
public sealed class SyntheticDataTests : IClassFixture<SyntheticDataTests.SampleFixture>, IDisposable
{
    private readonly SampleFixture _sample;
    private readonly TempFolder _temp = new();

    public SyntheticDataTests(SampleFixture sample) => _sample = sample;

    public void Dispose() => _temp.Dispose();

    /// <summary>One default generation, and the committed data/sample loaded and cleaned.</summary>
    public sealed class SampleFixture
    {
        public SyntheticDataset Generated { get; } = SyntheticDataGenerator.Generate();

        public MovieLensDataset Loaded { get; } = MovieLensLoader.Load(TestPaths.Sample);
    }

    [Fact]
    public void Committed_sample_is_byte_identical_to_a_fresh_generation_with_default_options()
    {
        var folder = Path.Combine(_temp.Path, "sample");
        _sample.Generated.WriteTo(folder);
        foreach (var file in SyntheticDataset.FileNames)
        {
            var committed = File.ReadAllBytes(Path.Combine(TestPaths.Sample, file));
            var fresh = File.ReadAllBytes(Path.Combine(folder, file));
            Assert.True(committed.AsSpan().SequenceEqual(fresh), $"data/sample/{file} differs from what the generator writes; regenerate it (see data/sample/README.md)");
        }
    }

    [Fact]
    public void Writing_replaces_the_folder_and_deletes_a_killed_run_leftover()
    {
        var folder = Path.Combine(_temp.Path, "gen");
        var stale = _temp.Sub(".gen.999999999-0123456789abcdef.tmp");
        File.WriteAllText(Path.Combine(stale, "ratings.csv"), "half");
        _temp.Write("gen/ratings.csv", "from an earlier run");
        _temp.Write("gen/README.md", "kept");

        _sample.Generated.WriteTo(folder, overwrite: true);

        Assert.False(Directory.Exists(stale));
        Assert.NotEqual("from an earlier run", File.ReadAllText(Path.Combine(folder, "ratings.csv")));
        Assert.Equal("kept", File.ReadAllText(Path.Combine(folder, "README.md")));
        Assert.Equal(["gen"], Directory.GetFileSystemEntries(_temp.Path).Select(Path.GetFileName));

        // A file the generator never writes means the folder is not (only) ours: never replaced, even with overwrite.
        _temp.Write("gen/notes.txt", "mine");
        var e = Assert.Throws<IOException>(() => _sample.Generated.WriteTo(folder, overwrite: true));
        Assert.Contains("holds notes.txt, which is not a generated dataset", e.Message, StringComparison.Ordinal);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(folder, "notes.txt")));
        File.Delete(Path.Combine(folder, "notes.txt"));
        Assert.Equal(_sample.Loaded.Ratings.Rows.Count, MovieLensLoader.Load(folder).Ratings.Rows.Count);
    }

    [Fact]
    public void Same_seed_same_data_other_seed_other_data()
    {
        var small = new SyntheticOptions { Users = 50, Movies = 200, Ratings = 3_000, GenomeMovies = 20 };
        var a = SyntheticDataGenerator.Generate(small);
        var b = SyntheticDataGenerator.Generate(small);
        var c = SyntheticDataGenerator.Generate(small with { Seed = 7 });
        Assert.Equal(a.Ratings.ToArray<double>(Columns.Rating), b.Ratings.ToArray<double>(Columns.Rating));
        Assert.Equal(a.Ratings.ToArray<long>(Columns.Timestamp), b.Ratings.ToArray<long>(Columns.Timestamp));
        Assert.NotEqual(a.Ratings.ToArray<long>(Columns.Timestamp), c.Ratings.ToArray<long>(Columns.Timestamp));
    }

    [Fact]
    public void Sample_has_the_documented_size_and_shape()
    {
        var ds = _sample.Loaded;
        var users = ds.Ratings.ToArray<int>(Columns.UserId);
        Assert.Equal(600, users.Distinct().Count());
        Assert.Equal(3_000, ds.Movies.Rows.Count);
        Assert.InRange(ds.Ratings.Rows.Count, 60_000, 100_000);
        Assert.All(users.GroupBy(u => u), g => Assert.True(g.Count() >= 20, $"user {g.Key} has {g.Count()} ratings"));
        Assert.All(ds.Ratings.ToArray<double>(Columns.Rating), r => Assert.True(RatingScale.HalfStars.Contains(r)));
        Assert.NotNull(ds.Metadata);
        Assert.NotNull(ds.Genome);
        Assert.NotNull(ds.Tags);
        var bytes = SyntheticDataset.FileNames.Sum(f => new FileInfo(Path.Combine(TestPaths.Sample, f)).Length);
        Assert.True(bytes < 5_000_000, $"data/sample is {bytes:N0} bytes");
        var clean = DataCleaning.Clean(ds);
        Assert.Equal(0, clean.Report.CountOf("ratings", "userId+movieId", "duplicate"));
        Assert.True(clean.Report.CountOf("movies", Columns.ReleaseYear, "release year taken from the title") > 0, "the sample exercises the title-year fallback");
    }

    [Fact]
    public void Planted_user_and_movie_biases_are_recoverable_from_the_ratings()
    {
        var data = _sample.Generated;
        var users = data.Ratings.ToArray<int>(Columns.UserId);
        var movies = data.Ratings.ToArray<int>(Columns.MovieId);
        var ratings = data.Ratings.ToArray<double>(Columns.Rating);
        var mean = ratings.Average();

        var userMeans = users.Zip(ratings).GroupBy(p => p.First).ToDictionary(g => g.Key, g => g.Average(p => p.Second) - mean);
        var userIds = userMeans.Keys.Order().ToArray();
        var rUser = Correlation(userIds.Select(u => userMeans[u]).ToArray(), userIds.Select(u => (double)data.Truth.UserBias[u - 1]).ToArray());
        Assert.True(rUser > 0.8, $"user bias correlation {rUser:F3}");

        var position = data.Truth.MovieIds.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        var movieStats = movies.Zip(ratings).GroupBy(p => p.First).Where(g => g.Count() >= 30).ToArray();
        var rMovie = Correlation(movieStats.Select(g => g.Average(p => p.Second)).ToArray(), movieStats.Select(g => (double)data.Truth.MovieBias[position[g.Key]]).ToArray());
        Assert.True(rMovie > 0.7, $"movie bias correlation {rMovie:F3} over {movieStats.Length} movies");
    }

    [Fact]
    public void Popularity_has_a_long_tail()
    {
        var counts = _sample.Generated.Ratings.ToArray<int>(Columns.MovieId).GroupBy(m => m).Select(g => g.Count()).OrderDescending().ToArray();
        var top10 = counts.Take(counts.Length / 10).Sum() / (double)counts.Sum();
        Assert.True(top10 > 0.5, $"the top 10% of movies hold {top10:P1} of ratings");
        var rare = counts.Count(c => c <= 5) / (double)counts.Length;
        Assert.True(rare > 0.18, $"{rare:P1} of the movies have at most 5 ratings");
    }

    [Fact]
    public void Overview_words_and_genome_follow_the_genres()
    {
        var data = _sample.Generated;
        var genres = data.Movies.ToStringArray(Columns.Genres);
        var overviews = data.Metadata.ToStringArray(Columns.Overview);
        var horrorWords = new[] { "haunted", "demon", "curse", "blood", "nightmare", "ghost", "killer", "possession", "terror", "creature" };
        double Share(bool horror) => Enumerable.Range(0, genres.Length)
            .Where(i => overviews[i].Length > 0 && genres[i].Split('|').Contains("Horror") == horror)
            .Average(i => horrorWords.Any(w => overviews[i].Contains(w, StringComparison.Ordinal)) ? 1.0 : 0.0);
        Assert.True(Share(true) > 0.5 && Share(false) < 0.15, $"horror words in horror overviews {Share(true):P0}, elsewhere {Share(false):P0}");

        var genome = data.GenomeScores;
        var tagNames = data.GenomeTags.ToStringArray(Columns.Tag);
        var dramaTag = Array.IndexOf(tagNames, "drama") + 1;
        var genomeMovies = genome.ToArray<int>(Columns.MovieId);
        var genomeTags = genome.ToArray<int>(Columns.TagId);
        var relevance = genome.ToArray<float>(Columns.Relevance);
        var genreOf = data.Movies.ToArray<int>(Columns.MovieId).Zip(genres).ToDictionary(p => p.First, p => p.Second);
        var dramaRel = Enumerable.Range(0, relevance.Length).Where(i => genomeTags[i] == dramaTag).GroupBy(i => genreOf[genomeMovies[i]].Contains("Drama", StringComparison.Ordinal))
            .ToDictionary(g => g.Key, g => g.Average(i => relevance[i]));
        Assert.True(dramaRel[true] > 0.7 && dramaRel[false] < 0.3, $"'drama' relevance: dramas {dramaRel[true]:F2}, others {dramaRel[false]:F2}");
    }

    [Fact]
    public void Options_are_validated()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticDataGenerator.Generate(new SyntheticOptions { Users = 10, Movies = 100, Ratings = 100 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticDataGenerator.Generate(new SyntheticOptions { Factors = 0 }));
    }

    [Fact]
    public void Writing_refuses_to_overwrite_unless_asked()
    {
        var small = SyntheticDataGenerator.Generate(new SyntheticOptions { Users = 30, Movies = 100, Ratings = 1_000, GenomeMovies = 10 });
        var folder = Path.Combine(_temp.Path, "small");
        small.WriteTo(folder);
        Assert.Throws<IOException>(() => small.WriteTo(folder));
        small.WriteTo(folder, overwrite: true);
        Assert.Equal(small.Ratings.Rows.Count, MovieLensLoader.Load(folder).Ratings.Rows.Count);
        Assert.Single(Directory.GetDirectories(_temp.Path)); // no temporary folder left behind
    }

    private static double Correlation(double[] x, double[] y)
    {
        double mx = x.Average(), my = y.Average(), sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        return sxy / Math.Sqrt(sxx * syy);
    }
}
