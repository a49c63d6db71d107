using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using MovieRec.Cli.Serve;

namespace MovieRec.Tests.Serve;

/// <summary>Every endpoint of <c>movierec serve</c> and every bad parameter, on the in-memory test server.</summary>
[Trait("Category", "Integration")] // the served recommender is the tool's own fit (SampleBundle)
public sealed class ApiTests
{
    private readonly ServedApp _served = ServedApp.Shared;


    private static async Task<JsonNode> GetJsonAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {text}");
        Assert.StartsWith("application/json", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        return JsonNode.Parse(text)!;
    }

    [Fact]
    public async Task Every_endpoint_answers_with_what_the_library_says()
    {
        var (app, client) = await _served.StartInMemoryAsync();
        await using var _ = app;
        var recommender = _served.Recommender;

        var summary = await GetJsonAsync(client, "/api/summary");
        Assert.Equal(recommender.Info.Ratings, summary["ratings"]!.GetValue<int>());
        var library = DatasetSummary.Compute("sample", recommender.Ratings); // the library's numbers, not the app's own
        Assert.Equal(Math.Round(library.MeanRating, 3), summary["meanRating"]!.GetValue<double>());
        Assert.Equal(Math.Round(library.Density, 6), summary["density"]!.GetValue<double>());
        Assert.Equal(library.RatedMovies, summary["ratedMovies"]!.GetValue<int>());
        Assert.Equal(recommender.Info.Ratings, summary["ratingHistogram"]!.AsArray().Sum(r => r!["count"]!.GetValue<long>()));
        Assert.NotEmpty(summary["genres"]!.AsArray());
        Assert.NotEmpty(summary["ratingsPerYear"]!.AsArray());

        var models = await GetJsonAsync(client, "/api/models");
        Assert.Equal(recommender.ClassifierSelection.Scores.Count, models["classifierSelection"]!.AsArray().Count);
        Assert.Equal(["svd", "like", "content", "hybrid"], models["hybridSelection"]!.AsArray().Select(h => h!["component"]!.GetValue<string>()));
        Assert.Equal(recommender.ModelReport!.Metrics.Rows.Count, models["experiment"]!["metrics"]!.AsArray().Count);
        Assert.Equal(recommender.ModelReport.BestParameters.Rows.Count, models["experiment"]!["bestParameters"]!.AsArray().Count);

        var toy = recommender.MostRated(1)[0];
        var title = recommender.Catalog.TitleOf(toy);
        var query = Uri.EscapeDataString(title.ToLowerInvariant()); // forgiving: "hollow season (2003)" finds "Hollow Season (2003)"
        var found = (await GetJsonAsync(client, $"/api/movies?q={query}&limit=3")).AsArray();
        Assert.Equal(toy, found[0]!["movieId"]!.GetValue<int>());
        Assert.InRange(found.Count, 1, 3);

        var movie = await GetJsonAsync(client, $"/api/movies/{toy}");
        Assert.Equal(recommender.Catalog.TitleOf(toy), movie["title"]!.GetValue<string>());
        Assert.Equal(recommender.Ratings.ItemCounts[recommender.Ratings.ItemIndex(toy)], movie["ratings"]!.GetValue<int>());

        var similar = (await GetJsonAsync(client, $"/api/movies/{toy}/similar?n=5")).AsArray();
        Assert.Equal(recommender.Similar(toy, 5).Select(s => s.MovieId), similar.Select(s => s!["movieId"]!.GetValue<int>()));
        var toyGenres = movie["genres"]!.AsArray().Select(g => g!.GetValue<string>()).ToHashSet();
        Assert.All(similar, s => Assert.Subset(toyGenres, s!["sharedGenres"]!.AsArray().Select(g => g!.GetValue<string>()).ToHashSet()));

        Assert.Equal(recommender.Ratings.UserIds.Count, (await GetJsonAsync(client, "/api/users")).AsArray().Count);
        var user = recommender.Ratings.UserIds[0];
        var profile = await GetJsonAsync(client, $"/api/users/{user}/profile");
        Assert.Equal(recommender.Profile(user).Ratings, profile["ratings"]!.GetValue<int>());

        foreach (var (engine, which) in new[] { ("svd", RecommenderEngine.Svd), ("ml", RecommenderEngine.Ml), ("content", RecommenderEngine.Content), ("hybrid", RecommenderEngine.Hybrid) })
        {
            var list = await GetJsonAsync(client, $"/api/users/{user}/recommendations?engine={engine}&n=5");
            Assert.False(list["coldStart"]!.GetValue<bool>());
            Assert.Equal(recommender.Recommend(user, which, 5).Select(r => r.MovieId), list["items"]!.AsArray().Select(i => i!["movieId"]!.GetValue<int>()));
        }

        var filtered = await GetJsonAsync(client, $"/api/users/{user}/recommendations?genres=Comedy&minYear=1990&maxYear=2005&n=5");
        Assert.All(filtered["items"]!.AsArray(), i =>
        {
            Assert.Contains("Comedy", i!["genres"]!.AsArray().Select(g => g!.GetValue<string>()));
            Assert.InRange(i["year"]!.GetValue<int>(), 1990, 2005);
        });

        var cold = await GetJsonAsync(client, "/api/users/99999999/recommendations?n=3");
        Assert.True(cold["coldStart"]!.GetValue<bool>());
        Assert.Equal(3, cold["items"]!.AsArray().Count);

        var rated = recommender.MostRated(3);
        using var post = await client.PostAsync(new Uri("/api/recommendations/new-user", UriKind.Relative),
            Json(new JsonObject { ["ratings"] = new JsonArray([.. rated.Select(id => (JsonNode)new JsonObject { ["movieId"] = id, ["rating"] = 5 })]), ["n"] = 4 }));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        var fresh = JsonNode.Parse(await post.Content.ReadAsStringAsync())!["items"]!.AsArray().Select(i => i!["movieId"]!.GetValue<int>()).ToArray();
        Assert.Equal(4, fresh.Length);
        Assert.DoesNotContain(fresh, rated.Contains);

        var openApi = await GetJsonAsync(client, "/openapi/v1.json");
        var paths = openApi["paths"]!.AsObject().Select(p => p.Key).ToArray();
        Assert.Equal(9, paths.Count(p => p.StartsWith("/api/", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_bundle_keeps_the_classifier_experiment_for_the_models_tab()
    {
        using var temp = new Support.TempFolder();
        var path = temp.File("with-report.movierec");
        _served.Recommender.Save(path);
        var loaded = MovieRecommender.Load(path);
        var saved = _served.Recommender.ModelReport!;
        Assert.Equal(saved.Metrics.ToArray<double>("f1"), loaded.ModelReport!.Metrics.ToArray<double>("f1"));
        Assert.Equal(saved.Metrics.ToStringArray("model"), loaded.ModelReport.Metrics.ToStringArray("model"));
        Assert.Equal(saved.BestParameters.ToStringArray("parameters"), loaded.ModelReport.BestParameters.ToStringArray("parameters"));
    }

    [Fact]
    public async Task The_page_and_its_assets_are_served_from_the_assembly()
    {
        var (app, client) = await _served.StartInMemoryAsync();
        await using var _ = app;
        var page = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        foreach (var tab in new[] { "Data &amp; EDA", "Models", "Recommendations", "Similar movies" }) Assert.Contains(tab, page, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", page, StringComparison.Ordinal); // no CDN
        using var plotly = await client.GetAsync(new Uri("/plotly.min.js", UriKind.Relative));
        Assert.Equal("text/javascript", plotly.Content.Headers.ContentType!.MediaType);
        Assert.True((await plotly.Content.ReadAsByteArrayAsync()).Length > 1_000_000, "the whole plotly.js");
        Assert.Contains("Plotly.newPlot", await client.GetStringAsync(new Uri("/app.js", UriKind.Relative)), StringComparison.Ordinal);

        foreach (var path in new[] { "/../../etc/passwd", "/app.js/../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/index.html", "/wwwroot/app.js", "/MovieRec.Core.dll" })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode is HttpStatusCode.NotFound || (response.StatusCode is HttpStatusCode.OK && body.Contains("<title>MovieRec</title>", StringComparison.Ordinal)), $"{path}: {(int)response.StatusCode}");
            Assert.DoesNotContain("root:", body, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/api/movies", 400, "q")]
    [InlineData("/api/movies?q=toy&limit=0", 400, "limit")]
    [InlineData("/api/movies?q=toy&limit=101", 400, "limit")]
    [InlineData("/api/movies?q=toy&limit=ten", 400, "limit")]
    [InlineData("/api/movies/abc", 400, "movieId")]
    [InlineData("/api/movies/99999999", 404, "movieId")]
    [InlineData("/api/movies/1/similar?n=0", 400, "n")]
    [InlineData("/api/movies/99999999/similar", 404, "movieId")]
    [InlineData("/api/users/abc/profile", 400, "userId")]
    [InlineData("/api/users/99999999/profile", 404, "userId")]
    [InlineData("/api/users/1/recommendations?engine=magic", 400, "engine")]
    [InlineData("/api/users/1/recommendations?n=1000", 400, "n")]
    [InlineData("/api/users/1/recommendations?minYear=1200", 400, "minYear")]
    [InlineData("/api/users/1/recommendations?maxYear=3000", 400, "maxYear")]
    [InlineData("/api/users/1/recommendations?minYear=2000&maxYear=1990", 400, "minYear")]
    [InlineData("/api/users/1/recommendations?minRatings=-1", 400, "minRatings")]
    [InlineData("/api/users/1/recommendations?minYear=nineteen", 400, "minYear")]
    public async Task A_bad_parameter_is_a_problem_naming_it_never_a_stack_trace(string url, int status, string parameter)
    {
        var (app, client) = await _served.StartInMemoryAsync();
        await using var _ = app;
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        await AssertProblemAsync(response, status, parameter);
    }

    [Theory]
    [InlineData("{}", 400, "ratings")]
    [InlineData("{\"ratings\": []}", 400, "ratings")]
    [InlineData("{\"ratings\": [{\"movieId\": 1, \"rating\": 7}]}", 400, "ratings")]
    [InlineData("{\"ratings\": [{\"movieId\": 1, \"rating\": 0.25}]}", 400, "ratings")] // under the sample's scale (0.5-5)
    [InlineData("{\"ratings\": [{\"movieId\": 99999999, \"rating\": 4}]}", 404, "ratings")]
    [InlineData("{\"ratings\": [{\"movieId\": 1, \"rating\": 4}], \"n\": 0}", 400, "n")]
    public async Task A_bad_new_visitor_request_is_a_problem_naming_the_field(string body, int status, string parameter)
    {
        var (app, client) = await _served.StartInMemoryAsync();
        await using var _ = app;
        using var response = await client.PostAsync(new Uri("/api/recommendations/new-user", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
        await AssertProblemAsync(response, status, parameter);
    }

    [Fact]
    public async Task Malformed_oversized_and_too_frequent_requests_are_refused_cleanly()
    {
        var (app, client) = await _served.StartInMemoryAsync(new WebAppOptions { RequestsPerSecond = 5, MaxRequestBodyBytes = 1024 });
        await using var _ = app;
        using (var malformed = await client.PostAsync(new Uri("/api/recommendations/new-user", UriKind.Relative), new StringContent("{not json", Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
            Assert.DoesNotContain("   at ", await malformed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var big = "{\"ratings\": [" + string.Join(',', Enumerable.Repeat("{\"movieId\": 1, \"rating\": 4}", 200)) + "]}";
        using (var tooLarge = await client.PostAsync(new Uri("/api/recommendations/new-user", UriKind.Relative), new StringContent(big, Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        }

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            using var response = await client.GetAsync(new Uri("/api/users", UriKind.Relative));
            statuses.Add(response.StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }

    [Fact]
    public async Task Host_headers_other_than_the_bound_names_get_400_so_dns_rebinding_fails()
    {
        var (app, client) = await _served.StartInMemoryAsync();
        await using var _ = app;
        foreach (var (host, expected) in new[] { ("localhost", HttpStatusCode.OK), ("127.0.0.1", HttpStatusCode.OK), ("[::1]", HttpStatusCode.OK), ("attacker.example", HttpStatusCode.BadRequest), ("localhost.attacker.example", HttpStatusCode.BadRequest) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/openapi/v1.json", UriKind.Relative));
            request.Headers.Host = host;
            using var response = await client.SendAsync(request);
            Assert.True(response.StatusCode == expected, $"Host: {host} gave {(int)response.StatusCode}");
            if (expected == HttpStatusCode.BadRequest) Assert.DoesNotContain(host, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal); // never echoed
        }
    }

    [Theory]
    [InlineData("127.0.0.1", "localhost")]
    [InlineData("0.0.0.0", "*")]
    [InlineData("192.0.2.7", "192.0.2.7")]
    [InlineData("::1", "[::1]")]
    public void The_allowed_hosts_follow_the_bound_address(string host, string allowed)
    {
        Assert.Contains(allowed, new WebAppOptions { Host = host }.AllowedHosts);
        if (allowed != "*") Assert.DoesNotContain("*", new WebAppOptions { Host = host }.AllowedHosts);
    }

    [Theory]
    [InlineData("localhst")]
    [InlineData("example.com")]
    [InlineData("127.1")]
    [InlineData("")]
    public void A_host_that_is_not_an_address_is_refused_never_read_as_any_address(string host)
    {
        var e = Assert.Throws<ArgumentException>(() => WebAppOptions.ParseHost(host));
        Assert.Contains($"--host {host} is not an IP address or 'localhost'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_500_is_logged_with_the_request_id_the_client_sees()
    {
        using var log = new StringWriter();
        var app = WebApp.Build(_served.Recommender, new WebAppOptions { DatasetName = "sample", ErrorLog = log }, b => b.WebHost.UseTestServer());
        app.MapGet("/boom", string () => throw new InvalidOperationException("kaboom"));
        await app.StartAsync();
        await using var _ = app;
        using var response = await app.GetTestClient().GetAsync(new Uri("/boom", UriKind.Relative));
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("kaboom", text, StringComparison.Ordinal); // the client gets no internals
        var id = JsonNode.Parse(text)!["traceId"]!.GetValue<string>();
        Assert.Contains($"error {id}: GET /boom: System.InvalidOperationException: kaboom", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_visitor_rates_each_movie_once()
    {
        var (app, client) = await _served.StartInMemoryAsync();
        await using var _ = app;
        var movie = _served.Recommender.Catalog.MovieIds[0];
        var body = $"{{\"ratings\": [{{\"movieId\": {movie}, \"rating\": 5}}, {{\"movieId\": {movie}, \"rating\": 1}}]}}";
        using var response = await client.PostAsync(new Uri("/api/recommendations/new-user", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
        await AssertProblemAsync(response, 400, "ratings");
        Assert.Contains($"Movie {movie} is rated more than once", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, int status, string parameter)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = JsonNode.Parse(text)!;
        Assert.Equal(parameter, problem["parameter"]!.GetValue<string>());
        Assert.Contains(parameter, problem["detail"]!.GetValue<string>() + problem["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }

    private static StringContent Json(JsonNode node) => new(node.ToJsonString(), Encoding.UTF8, "application/json");
}
