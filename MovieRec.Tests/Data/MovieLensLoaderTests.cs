namespace MovieRec.Tests.Data;

/// <summary>Every release format, from tiny fixtures written here in exactly the release's layout.</summary>
public sealed class MovieLensLoaderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Csv_release_loads_every_table_with_exact_types_and_values()
    {
        var dir = _temp.Sub("ml-csv");
        File.WriteAllText(Path.Combine(dir, "ratings.csv"), "userId,movieId,rating,timestamp\r\n1,1,4.0,964982703\r\n1,3,4.5,964981247\r\n2,1,0.5,1445714994\r\n");
        File.WriteAllText(Path.Combine(dir, "movies.csv"), "movieId,title,genres\n1,Toy Story (1995),Adventure|Animation\n3,\"American President, The (1995)\",Comedy|Drama|Romance\n");
        File.WriteAllText(Path.Combine(dir, "links.csv"), "movieId,imdbId,tmdbId\n1,0114709,862\n3,0112346,\n");
        File.WriteAllText(Path.Combine(dir, "tags.csv"), "userId,movieId,tag,timestamp\n2,1,\"funny, \"\"very\"\"\",1445714994\n");
        File.WriteAllText(Path.Combine(dir, "genome-tags.csv"), "tagId,tag\n1,007\n2,funny\n");
        File.WriteAllText(Path.Combine(dir, "genome-scores.csv"), "movieId,tagId,relevance\n1,1,0.025\n1,2,0.975\n3,1,0.5\n");

        var ds = MovieLensLoader.Load(dir);

        Assert.Equal(MovieLensFormat.Csv, ds.Format);
        Assert.Equal("ml-csv", ds.Name);
        Assert.Equal(RatingScale.HalfStars, ds.Scale);
        Assert.Equal([1, 1, 2], ds.Ratings.ToArray<int>(Columns.UserId));
        Assert.Equal([4.0, 4.5, 0.5], ds.Ratings.ToArray<double>(Columns.Rating));
        Assert.Equal([964982703L, 964981247L, 1445714994L], ds.Ratings.ToArray<long>(Columns.Timestamp)); // LoadCsv would give 964982700
        Assert.Equal("American President, The (1995)", ds.Movies[Columns.Title][1]);
        Assert.Equal(862, ds.Links![Columns.TmdbId][0]);
        Assert.Null(ds.Links[Columns.TmdbId][1]);
        Assert.Equal(114709, ds.Links[Columns.ImdbId][0]);
        Assert.Equal("funny, \"very\"", ds.Tags![Columns.Tag][0]);
        Assert.Equal(3, ds.GenomeScores!.Rows.Count);
        var genome = ds.Genome!;
        Assert.Equal(2, genome.MovieCount);
        Assert.Equal(0.975f, genome.Row(genome.RowOf(1))[1]);
        Assert.Equal(1, genome.MissingCount); // (3, funny) absent
        Assert.Null(ds.Metadata);
    }

    [Fact]
    public void Numbers_parse_invariantly_whatever_the_current_culture()
    {
        var dir = WriteMinimalCsv("userId,movieId,rating,timestamp\n1,1,4.5,964982703\n");
        using var _ = new CultureScope("de-DE");
        var ds = MovieLensLoader.Load(dir);
        Assert.Equal(4.5, ds.Ratings.ToArray<double>(Columns.Rating)[0]);
    }

    [Fact]
    public void Ml100k_turns_genre_flags_into_a_joined_string_and_reads_latin1()
    {
        var dir = _temp.Sub("ml-100k");
        File.WriteAllText(Path.Combine(dir, "u.data"), "196\t242\t3\t881250949\n186\t302\t3\t891717742\n22\t377\t1\t878887116\n");
        var flagsToyStory = "0|0|0|1|1|1|0|0|0|0|0|0|0|0|0|0|0|0|0"; // Animation, Children's, Comedy
        var flagsUnknown = "1|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0";
        var item = $"242|Kolya (1996)|24-Jan-1997||http://us.imdb.com/M/title-exact?Kolya%20(1996)|{flagsToyStory}\n"
            + $"302|L.A. Confidential (1997)|01-Jan-1997||http://x|{flagsToyStory}\n"
            + $"377|Café au lait (1993)|01-Jan-1993||http://x|{flagsUnknown}\n";
        File.WriteAllBytes(Path.Combine(dir, "u.item"), Encoding.Latin1.GetBytes(item));

        var ds = MovieLensLoader.Load(dir);

        // A copy re-encoded as UTF-8 reads the same titles (it was read as Latin-1 without a word: "CafÃ© au lait").
        var utf8 = _temp.Sub("ml-100k-utf8");
        File.Copy(Path.Combine(dir, "u.data"), Path.Combine(utf8, "u.data"));
        File.WriteAllBytes(Path.Combine(utf8, "u.item"), Encoding.UTF8.GetBytes(item));
        Assert.Equal("Café au lait (1993)", MovieLensLoader.Load(utf8).Movies[Columns.Title][2]);

        Assert.Equal(MovieLensFormat.Ml100k, ds.Format);
        Assert.Equal(RatingScale.WholeStars, ds.Scale);
        Assert.Equal(3, ds.Ratings.Rows.Count);
        Assert.Equal([242, 302, 377], ds.Ratings.ToArray<int>(Columns.MovieId));
        Assert.Equal("Animation|Children|Comedy", ds.Movies[Columns.Genres][0]);
        Assert.Equal("(no genres listed)", ds.Movies[Columns.Genres][2]);
        Assert.Equal("Café au lait (1993)", ds.Movies[Columns.Title][2]);
    }

    [Fact]
    public void Ml1m_reads_double_colon_files_with_whole_stars_and_latin1_titles()
    {
        var dir = _temp.Sub("ml-1m");
        File.WriteAllText(Path.Combine(dir, "ratings.dat"), "1::1193::5::978300760\n1::661::3::978302109\n");
        File.WriteAllBytes(Path.Combine(dir, "movies.dat"), Encoding.Latin1.GetBytes("1193::One Flew Over the Cuckoo's Nest (1975)::Drama\n661::Star Wars: Episode IV - A New Hope (1977)::Action|Sci-Fi\n3::Misérables, Les (1995)::Drama\n"));
        File.WriteAllText(Path.Combine(dir, "users.dat"), "1::F::1::10::48067\n");

        var ds = MovieLensLoader.Load(dir);

        Assert.Equal(MovieLensFormat.Ml1m, ds.Format);
        Assert.Equal(RatingScale.WholeStars, ds.Scale);
        Assert.Equal([5.0, 3.0], ds.Ratings.ToArray<double>(Columns.Rating));
        Assert.Equal("Star Wars: Episode IV - A New Hope (1977)", ds.Movies[Columns.Title][1]); // single ':' is not a separator
        Assert.Equal("Misérables, Les (1995)", ds.Movies[Columns.Title][2]);
    }

    [Fact]
    public void Ml10m_reads_half_stars_and_tags()
    {
        var dir = _temp.Sub("ml-10M100K");
        File.WriteAllText(Path.Combine(dir, "ratings.dat"), "1::122::5::838985046\n1::185::4.5::838983525\n");
        File.WriteAllText(Path.Combine(dir, "movies.dat"), "122::Boomerang (1992)::Comedy|Romance\n185::Net, The (1995)::Action|Crime|Thriller\n");
        File.WriteAllText(Path.Combine(dir, "tags.dat"), "15::4973::excellent!::1215184630\n");

        var ds = MovieLensLoader.Load(dir);

        Assert.Equal(MovieLensFormat.Ml10m, ds.Format);
        Assert.Equal(4.5, ds.Ratings.ToArray<double>(Columns.Rating)[1]);
        Assert.Equal("excellent!", ds.Tags![Columns.Tag][0]);
    }

    [Fact]
    public void Seed_metadata_in_the_folder_is_loaded_with_canonical_names()
    {
        var dir = WriteMinimalCsv("userId,movieId,rating,timestamp\n1,1,4.0,1\n");
        File.WriteAllText(Path.Combine(dir, "movie_metadata.csv"),
            "movieId,title,tmdb_id,overview,poster_url,genres,release_year,actors,directors\r\n"
            + "1,Toy Story (1995),862,\"Led by Woody, Andy's toys\r\nlive happily.\",https://image.tmdb.org/t/p/w500/a.jpg,Family|Comedy,1995,Tom Hanks|Tim Allen,John Lasseter\r\n");

        var meta = MovieLensLoader.Load(dir).Metadata!;

        Assert.Equal(862, meta[Columns.TmdbId][0]);
        Assert.Equal("Led by Woody, Andy's toys\r\nlive happily.", meta[Columns.Overview][0]);
        Assert.Equal("Family|Comedy", meta[Columns.GenresMeta][0]);
        Assert.Equal(1995, meta[Columns.ReleaseYear][0]);
        Assert.Equal("Tom Hanks|Tim Allen", meta[Columns.Actors][0]);
        Assert.Equal("https://image.tmdb.org/t/p/w500/a.jpg", meta[Columns.PosterUrl][0]);
    }

    [Fact]
    public void A_large_file_crossing_buffer_boundaries_loads_every_row()
    {
        var sb = new StringBuilder("userId,movieId,rating,timestamp\n");
        const int n = 150_000; // ~3.5 MB: several 1 MB buffer refills, records split across them
        for (var i = 0; i < n; i++) sb.Append(i / 100 + 1).Append(',').Append(i % 100 + 1).Append(',').Append(i % 2 == 0 ? "3.5" : "4.0").Append(',').Append(1_000_000_000L + i).Append('\n');
        var dir = WriteMinimalCsv(sb.ToString());

        var ratings = MovieLensLoader.Load(dir).Ratings;

        Assert.Equal(n, ratings.Rows.Count);
        var times = ratings.ToArray<long>(Columns.Timestamp);
        for (var i = 0; i < n; i++) Assert.Equal(1_000_000_000L + i, times[i]);
        Assert.Equal(n / 1000.0 * 3750, ratings.ToArray<double>(Columns.Rating).Sum(), 6);
    }

    [Fact]
    public void A_field_larger_than_the_read_buffer_is_read_whole()
    {
        var dir = WriteMinimalCsv("userId,movieId,rating,timestamp\n1,1,4.0,1\n");
        var overview = new string('x', 3 << 20);
        File.WriteAllText(Path.Combine(dir, "movie_metadata.csv"), $"movieId,overview\n1,\"{overview}\"\n");
        Assert.Equal(overview.Length, ((string)MovieLensLoader.Load(dir).Metadata![Columns.Overview][0]).Length);
    }

    [Fact]
    public void Format_detection_names_the_folder_when_nothing_matches()
    {
        var dir = _temp.Sub("empty");
        var e = Assert.Throws<DataFileException>(() => MovieLensLoader.Load(dir));
        Assert.Contains("no MovieLens ratings file", e.Message);
        Assert.Equal(dir, e.FilePath);
    }

    private string WriteMinimalCsv(string ratings)
    {
        var dir = _temp.Sub("csv-" + Guid.NewGuid().ToString("N")[..6]);
        File.WriteAllText(Path.Combine(dir, "ratings.csv"), ratings);
        var movies = new StringBuilder("movieId,title,genres\n");
        for (var i = 1; i <= 100; i++) movies.Append(i).Append(",Movie ").Append(i).Append(" (2000),Drama\n");
        File.WriteAllText(Path.Combine(dir, "movies.csv"), movies.ToString());
        return dir;
    }
}
