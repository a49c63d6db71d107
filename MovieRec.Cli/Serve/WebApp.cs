using System.Reflection;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MovieRec.Cli.Serve;

/// <summary>
/// The original project's four-tab app as a local web app: JSON endpoints over one <see cref="MovieRecommender"/> and one
/// page (HTML, JS, CSS and plotly.js, all embedded in this assembly: no request path reaches the file system).
/// </summary>
internal static class WebApp
{
    /// <summary>The embedded assets by URL path, with their content types.</summary>
    private static readonly Dictionary<string, (string Resource, string ContentType)> Assets = new(StringComparer.Ordinal)
    {
        ["/"] = ("index.html", "text/html; charset=utf-8"),
        ["/app.js"] = ("app.js", "text/javascript; charset=utf-8"),
        ["/app.css"] = ("app.css", "text/css; charset=utf-8"),
    };

    /// <summary>Builds the app; <paramref name="configure"/> may change the builder (tests use an in-memory server).</summary>
    public static WebApplication Build(MovieRecommender recommender, WebAppOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(recommender);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production, ApplicationName = "movierec" });
        builder.Logging.ClearProviders();
        var address = options.Address; // an IP address or localhost, else an error before anything is bound
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            k.AddServerHeader = false;
            k.Listen(address, options.Port);
        });
        builder.Services.Configure<Microsoft.AspNetCore.HostFiltering.HostFilteringOptions>(h => h.AllowedHosts = [.. options.AllowedHosts]);
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            o.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals;
        });
        builder.Services.AddRateLimiter(r =>
        {
            r.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            r.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.RequestsPerSecond, Window = TimeSpan.FromSeconds(1), QueueLimit = 0 }));
        });
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseHostFiltering();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // Never a stack trace: a problem with the status only (request too large is the client's fault).
            StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not BadHttpRequestException && !context.RequestAborted.IsCancellationRequested)
            {
                // The client sees a 500 problem with this request id (traceId); the log keeps what went wrong.
                var id = System.Diagnostics.Activity.Current?.Id ?? context.TraceIdentifier; // what the problem's traceId says
                (options.ErrorLog ?? Console.Error).WriteLine($"error {id}: {context.Request.Method} {context.Request.Path}{context.Request.QueryString}: {e}");
                throw;
            }
        });
        app.UseStatusCodePages();
        app.UseRateLimiter();
        app.Use(async (context, next) =>
        {
            if (context.Request.ContentLength > options.MaxRequestBodyBytes)
            {
                // Kestrel enforces the limit on streamed bodies too; this answers declared sizes at once, on any server.
                await Results.Problem($"The request body is larger than {options.MaxRequestBodyBytes:N0} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge,
                    title: "Request too large").ExecuteAsync(context).ConfigureAwait(false);
                return;
            }

            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers["Referrer-Policy"] = "no-referrer";
            await next(context).ConfigureAwait(false);
        });

        var api = new Api(recommender, options.DatasetName);
        var group = app.MapGroup("/api");
        group.MapGet("/summary", api.GetSummary).WithSummary("Dataset summary and EDA aggregates (rating histogram, genres, ratings per year and per user).");
        group.MapGet("/models", api.GetModels).WithSummary("The models inside the bundle: classifier selection and the hybrid's learned weights, with validation metrics.");
        group.MapGet("/movies", (string? q, string? limit) => api.SearchMovies(q, limit)).WithSummary("Movies whose title matches q (forgiving: case, punctuation, articles, year), best first.");
        group.MapGet("/movies/{movieId}", (string movieId) => api.GetMovie(movieId)).WithSummary("A movie's details: poster, overview, cast, directors, ratings.");
        group.MapGet("/movies/{movieId}/similar", (string movieId, string? n) => api.GetSimilar(movieId, n)).WithSummary("The n movies most similar to a movie, with similarity and shared genres.");
        group.MapGet("/users", api.GetUsers).WithSummary("Every user with ratings, for the picker.");
        group.MapGet("/users/{userId}/profile", (string userId) => api.GetProfile(userId)).WithSummary("A user's rating behaviour and taste.");
        group.MapGet("/users/{userId}/recommendations", (string userId, string? engine, string? n, string? genres, string? minYear, string? maxYear, string? minRatings) =>
            api.Recommend(userId, engine, n, genres, minYear, maxYear, minRatings)).WithSummary("Top-n recommendations of one engine (svd, ml, content, hybrid) with filters; an unknown user gets the labelled cold-start list.");
        group.MapPost("/recommendations/new-user", (NewUserRequest? request) => api.RecommendForNewUser(request)).WithSummary("Recommendations for a visitor from a few (movieId, rating) pairs, by PureSVD fold-in.");
        app.MapOpenApi("/openapi/{documentName}.json");

        foreach (var (path, (resource, contentType)) in Assets)
        {
            var bytes = Resource(resource);
            app.MapGet(path, () => Results.Bytes(bytes, contentType)).ExcludeFromDescription();
        }

        var plotly = System.Text.Encoding.UTF8.GetBytes(MovieRec.Notebooks.MimeFormatter.PlotlyJs.Value);
        app.MapGet("/plotly.min.js", () => Results.Bytes(plotly, "text/javascript; charset=utf-8")).ExcludeFromDescription();
        return app;
    }

    private static byte[] Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("MovieRec.Cli.Serve.wwwroot." + name)
            ?? throw new InvalidOperationException($"The embedded asset {name} is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
