namespace MovieRec.Tests.Data;

/// <summary>Every kind of bad input gives one exception type naming file, line, column and text; never a dataset.</summary>
public sealed class BadInputTests : IDisposable
{
    private const string Movies = "movieId,title,genres\n1,A (1999),Drama\n2,B (2001),Comedy\n";
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Missing_movies_file()
    {
        var dir = Release("userId,movieId,rating,timestamp\n1,1,4.0,1\n", movies: null);
        var e = Assert.Throws<DataFileException>(() => MovieLensLoader.Load(dir));
        Assert.Equal(Path.Combine(dir, "movies.csv"), e.FilePath);
        Assert.Contains("file not found", e.Message);
    }

    [Fact]
    public void Missing_column()
    {
        var dir = Release("userId,movieId,score,timestamp\n1,1,4.0,1\n");
        var e = Assert.Throws<DataFileException>(() => MovieLensLoader.Load(dir));
        Assert.EndsWith("ratings.csv", e.FilePath);
        Assert.Equal(1, e.Line);
        Assert.Contains("has no column 'rating'", e.Message);
        Assert.Equal("userId,movieId,score,timestamp", e.Text);
    }

    [Fact]
    public void A_header_of_200000_fields_is_one_error_about_its_width()
    {
        // The header check was quadratic in the width: 200,000 fields pinned a core for minutes. Now the reader stops at
        // MaxFields, in one pass.
        var dir = Release(string.Join(',', Enumerable.Range(0, 200_000).Select(i => "c" + i.ToString(CultureInfo.InvariantCulture))) + "\n1\n");
        var e = Assert.Throws<DataFileException>(() => MovieLensLoader.Load(dir));
        Assert.EndsWith("ratings.csv", e.FilePath);
        Assert.Equal(1, e.Line);
        Assert.Contains("has more than 10,000 fields on one line", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wide_header_with_repeated_names_is_checked_in_one_pass()
    {
        // 9,000 fields (under the cap), every name repeated: the duplicate check sees each once.
        var names = Enumerable.Range(0, 9_000).Select(i => "x" + (i % 100).ToString(CultureInfo.InvariantCulture));
        var dir = Release(string.Join(',', names) + ",userId,movieId,rating,timestamp,userId\n");
        var e = Assert.Throws<DataFileException>(() => MovieLensLoader.Load(dir));
        Assert.Contains("has the column 'userId' twice in its header (positions 9001 and 9005)", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(20_000)]
    public void Old_mac_line_endings_are_named(int rows)
    {
        // CR-only line endings make the whole file one line: short files fail on the header, long ones on the width.
        var text = "userId,movieId,rating,timestamp\r" + string.Concat(Enumerable.Range(1, rows).Select(i => $"1,{i},4.0,964982703\r"));
        var e = Assert.Throws<DataFileException>(() => MovieLensLoader.Load(Release(text)));
        Assert.Equal(1, e.Line);
        Assert.Contains("old Mac (CR-only) line endings", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_numeric_field()
    {
        var dir = Release("userId,movieId,rating,timestamp\n1,1,4.0,1\n1,2,four,2\n");
        var e = Assert.Throws<DataFileException>(() => MovieLensLoader.Load(dir));
        Assert.Equal(3, e.Line);
        Assert.Equal("'rating' (3)", e.Column);
        Assert.Equal("four", e.Text);
        Assert.Equal($"{Path.Combine(dir, "ratings.csv")}, line 3, column 'rating' (3): 'four' is not a number", e.Message);
    }

    [Fact]
    public void Decimal_comma_is_not_silently_read_as_another_number()
    {
        var dir = Release("userId,movieId,rating,timestamp\n1,1,\"4,5\",1\n");
        var e = Assert.Throws<DataFileException>(() => MovieLensLoader.Load(dir));
        Assert.Equal("4,5", e.Text);
        Assert.Equal("'rating' (3)", e.Column);
    }

    [Theory]
    [InlineData("5.5")]
    [InlineData("0.0")]
    [InlineData("3.25")]
    [InlineData("-1")]
    public void Rating_outside_the_release_scale(string rating)
    {
        var dir = Release($"userId,movieId,rating,timestamp\n1,1,4.0,1\n2,2,{rating},2\n");
        var e = Assert.Throws<DataFileException>(() => MovieLensLoader.Load(dir));
        Assert.Equal(3, e.Line);
        Assert.Equal(rating, e.Text);
        Assert.Contains("not a rating on this release's scale (0.5–5 in steps of 0.5)", e.Message);
    }

    [Fact]
    public void Half_star_in_a_whole_star_release()
    {
        var dir = _temp.Sub("ml-1m");
        File.WriteAllText(Path.Combine(dir, "ratings.dat"), "1::1::4::1\n1::2::3.5::2\n");
        File.WriteAllText(Path.Combine(dir, "movies.dat"), "1::A (1999)::Drama\n2::B (2000)::Drama\n");
        File.WriteAllText(Path.Combine(dir, "users.dat"), "1::F::1::10::48067\n");
        var e = Assert.Throws<DataFileException>(() => MovieLensLoader.Load(dir));
        Assert.Equal(2, e.Line);
        Assert.Equal("3.5", e.Text);
    }

    [Fact]
    public void Wrong_separator_in_a_csv_header()
    {
        var dir = Release("userId;movieId;rating;timestamp\n1;1;4.0;1\n");
        var e = Assert.Throws<DataFileException>(() => MovieLensLoader.Load(dir));
        Assert.Equal(1, e.Line);
        Assert.Contains("wrong separator", e.Message);
        Assert.Contains("';'-separated", e.Message);
    }

    [Fact]
    public void Wrong_separator_in_a_headerless_file()
    {
        var dir = _temp.Sub("ml-100k");
        File.WriteAllText(Path.Combine(dir, "u.data"), "196,242,3,881250949\n");
        File.WriteAllText(Path.Combine(dir, "u.item"), "");
        var e = Assert.Throws<DataFileException>(() => MovieLensLoader.Load(dir));
        Assert.Equal(1, e.Line);
        Assert.Contains("expected 4 fields, found 1", e.Message);
        Assert.Contains("wrong separator", e.Message);
    }

    [Fact]
    public void Truncated_row()
    {
        var dir = Release("userId,movieId,rating,timestamp\n1,1,4.0,1\n1,2,3.5,2\n1,3");
        var e = Assert.Throws<DataFileException>(() => MovieLensLoader.Load(dir));
        Assert.Equal(4, e.Line);
        Assert.Equal("'movieId' (2)", e.Column);
        Assert.Contains("expected 4 fields, found 2", e.Message);
    }

    [Fact]
    public void Unclosed_quote_at_the_end_of_the_file()
    {
        var dir = Release("userId,movieId,rating,timestamp\n1,1,4.0,1\n", movies: "movieId,title,genres\n1,\"A (1999),Drama\n");
        var e = Assert.Throws<DataFileException>(() => MovieLensLoader.Load(dir));
        Assert.EndsWith("movies.csv", e.FilePath);
        Assert.Equal(2, e.Line);
        Assert.Contains("never closed", e.Message);
    }

    [Fact]
    public void Extra_field_from_an_unquoted_comma()
    {
        var dir = Release("userId,movieId,rating,timestamp\n1,1,4.0,1\n", movies: "movieId,title,genres\n1,American President, The (1995),Drama\n");
        var e = Assert.Throws<DataFileException>(() => MovieLensLoader.Load(dir));
        Assert.Equal(2, e.Line);
        Assert.Contains("expected 3 fields, found 4", e.Message);
    }

    [Fact]
    public void Empty_file()
    {
        var dir = Release("");
        var e = Assert.Throws<DataFileException>(() => MovieLensLoader.Load(dir));
        Assert.EndsWith("ratings.csv", e.FilePath);
        Assert.Equal(1, e.Line);
        Assert.Contains("file is empty", e.Message);
    }

    [Fact]
    public void Header_without_ratings()
    {
        var dir = Release("userId,movieId,rating,timestamp\n");
        var e = Assert.Throws<DataFileException>(() => MovieLensLoader.Load(dir));
        Assert.Contains("holds no ratings", e.Message);
    }

    [Fact]
    public void Non_utf8_csv_release()
    {
        var dir = Release("userId,movieId,rating,timestamp\n1,1,4.0,1\n", movies: null);
        File.WriteAllBytes(Path.Combine(dir, "movies.csv"), Encoding.Latin1.GetBytes("movieId,title,genres\n1,Misérables (1995),Drama\n"));
        var e = Assert.Throws<DataFileException>(() => MovieLensLoader.Load(dir));
        Assert.EndsWith("movies.csv", e.FilePath);
        Assert.Equal(2, e.Line);
        Assert.Equal("'title' (2)", e.Column);
        Assert.Equal("Misérables (1995)", e.Text);
        Assert.Contains("not valid UTF-8", e.Message);
    }

    [Fact]
    public void Duplicate_movie_id()
    {
        var dir = Release("userId,movieId,rating,timestamp\n1,1,4.0,1\n", movies: "movieId,title,genres\n1,A (1999),Drama\n1,B (2000),Drama\n");
        var e = Assert.Throws<DataFileException>(() => MovieLensLoader.Load(dir));
        Assert.Equal(3, e.Line);
        Assert.Contains("duplicate movieId", e.Message);
    }

    [Fact]
    public void Bad_optional_file_fails_the_whole_load()
    {
        // A good ratings and movies file do not make a partial dataset when tags.csv is broken.
        var dir = Release("userId,movieId,rating,timestamp\n1,1,4.0,1\n");
        File.WriteAllText(Path.Combine(dir, "tags.csv"), "userId,movieId,tag,timestamp\n1,1,funny,yesterday\n");
        var e = Assert.Throws<DataFileException>(() => MovieLensLoader.Load(dir));
        Assert.EndsWith("tags.csv", e.FilePath);
        Assert.Equal("'timestamp' (4)", e.Column);
        Assert.Equal("yesterday", e.Text);
    }

    [Fact]
    public void Genome_out_of_range_and_half_pair()
    {
        var dir = Release("userId,movieId,rating,timestamp\n1,1,4.0,1\n");
        File.WriteAllText(Path.Combine(dir, "genome-scores.csv"), "movieId,tagId,relevance\n1,1,1.5\n");
        File.WriteAllText(Path.Combine(dir, "genome-tags.csv"), "tagId,tag\n1,x\n");
        Assert.Contains("relevance range", Assert.Throws<DataFileException>(() => MovieLensLoader.Load(dir)).Message);
        File.Delete(Path.Combine(dir, "genome-tags.csv"));
        File.WriteAllText(Path.Combine(dir, "genome-scores.csv"), "movieId,tagId,relevance\n1,1,0.5\n");
        Assert.EndsWith("genome-tags.csv", Assert.Throws<DataFileException>(() => MovieLensLoader.Load(dir)).FilePath);
    }

    [Theory]
    [InlineData("99999999999999")]
    [InlineData("-99999999999999")]
    public void Timestamp_outside_the_representable_years(string timestamp)
    {
        var dir = Release($"userId,movieId,rating,timestamp\n1,1,4.0,1\n1,2,3.0,{timestamp}\n");
        var e = Assert.Throws<DataFileException>(() => MovieLensLoader.Load(dir));
        Assert.Equal(3, e.Line);
        Assert.Equal("'timestamp' (4)", e.Column);
        Assert.Contains("between the years 1 and 9999", e.Message);
    }

    [Fact]
    public void Movies_file_with_a_header_only()
    {
        var dir = Release("userId,movieId,rating,timestamp\n1,1,4.0,1\n", movies: "movieId,title,genres\n");
        var e = Assert.Throws<DataFileException>(() => MovieLensLoader.Load(dir));
        Assert.EndsWith("movies.csv", e.FilePath);
        Assert.Contains("holds no movies", e.Message);
    }

    [Fact]
    public void Ratings_that_all_refer_to_unknown_movies_fail_cleaning_with_the_file_named()
    {
        var dir = Release("userId,movieId,rating,timestamp\n1,7,4.0,1\n2,8,3.0,2\n");
        var e = Assert.Throws<DataFileException>(() => DataCleaning.Clean(MovieLensLoader.Load(dir)));
        Assert.Equal(Path.Combine(dir, "ratings.csv"), e.FilePath);
        Assert.Contains("none of its 2 ratings refers to a movie", e.Message);
    }

    [Theory]
    [InlineData("4.0\0\0", "'rating' (3)")]
    [InlineData("4.0", "'userId' (1)", "1\0")]
    public void Numbers_with_nul_bytes_are_rejected(string rating, string column, string user = "1")
    {
        var dir = Release($"userId,movieId,rating,timestamp\n{user},1,{rating},1\n");
        var e = Assert.Throws<DataFileException>(() => MovieLensLoader.Load(dir));
        Assert.Equal(column, e.Column);
        Assert.Contains("NUL byte", e.Message);
    }

    [Fact]
    public void Duplicate_header_name()
    {
        var dir = Release("userId,movieId,rating,rating,timestamp\n1,1,4.0,2.0,1\n");
        var e = Assert.Throws<DataFileException>(() => MovieLensLoader.Load(dir));
        Assert.Equal(1, e.Line);
        Assert.Contains("has the column 'rating' twice in its header (positions 3 and 4)", e.Message);
    }

    [Theory]
    [InlineData("links.csv")]
    [InlineData("tags.csv")]
    [InlineData("movies.csv")]
    public void A_folder_where_a_file_belongs(string file)
    {
        var dir = Release("userId,movieId,rating,timestamp\n1,1,4.0,1\n", movies: file == "movies.csv" ? null : Movies);
        Directory.CreateDirectory(Path.Combine(dir, file));
        var e = Assert.Throws<DataFileException>(() => MovieLensLoader.Load(dir));
        Assert.Equal(Path.Combine(dir, file), e.FilePath);
        Assert.Contains("is a folder, not a file", e.Message);
    }

    [Fact]
    public void An_unreadable_folder_says_so()
    {
        if (OperatingSystem.IsWindows()) return; // Unix permissions
        var dir = Release("userId,movieId,rating,timestamp\n1,1,4.0,1\n");
        File.SetUnixFileMode(dir, UnixFileMode.None);
        try
        {
            if (Directory.EnumerateFileSystemEntries(dir).Any()) return; // running as root: permissions do not apply
        }
        catch (UnauthorizedAccessException)
        {
        }

        try
        {
            var e = Assert.Throws<DataFileException>(() => MovieLensLoader.Load(dir));
            Assert.Contains("cannot be read", e.Message);
            Assert.DoesNotContain("holds no MovieLens", e.Message);
        }
        finally
        {
            File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public void A_record_longer_than_the_limit_names_the_line()
    {
        var dir = Release("userId,movieId,rating,timestamp\n1,1,4.0,1\n");
        using (var stream = File.Open(Path.Combine(dir, "ratings.csv"), FileMode.Append))
        {
            var line = new byte[17 << 20];
            Array.Fill(line, (byte)'9');
            stream.Write(line);
        }

        var e = Assert.Throws<DataFileException>(() => MovieLensLoader.Load(dir));
        Assert.Equal(3, e.Line);
        Assert.Contains("longer than 16 MiB", e.Message);
    }

    [Theory]
    [InlineData("-1,1,4.0,1", "'userId' (1)")]
    [InlineData("1,-5,4.0,1", "'movieId' (2)")]
    public void Negative_ids_are_rejected(string row, string column)
    {
        var dir = Release($"userId,movieId,rating,timestamp\n{row}\n");
        var e = Assert.Throws<DataFileException>(() => MovieLensLoader.Load(dir));
        Assert.Equal(column, e.Column);
        Assert.Contains("negative ID", e.Message);
    }

    private string Release(string ratings, string? movies = Movies)
    {
        var dir = _temp.Sub("r" + Guid.NewGuid().ToString("N")[..6]);
        File.WriteAllText(Path.Combine(dir, "ratings.csv"), ratings);
        if (movies is not null) File.WriteAllText(Path.Combine(dir, "movies.csv"), movies);
        return dir;
    }
}
