using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using MovieRec.Cli.Serve;

namespace MovieRec.Tests.Serve;

/// <summary>The recommender of the repository's sample, loaded from the tool's own fit (<see cref="SampleBundle"/>, as
/// <c>movierec serve --model</c> does) with a baseline classifier experiment attached, shared by the web app's tests
/// (<see cref="Shared"/>).</summary>
public sealed class ServedApp
{
    private static readonly Lazy<ServedApp> Instance = new(() => new ServedApp());

    /// <summary>The one instance of the test process (built by the first test that asks).</summary>
    public static ServedApp Shared => Instance.Value;

    private ServedApp()
    {
        var ds = MovieLensLoader.Load(TestPaths.Sample);
        var clean = DataCleaning.Clean(ds);
        var data = RatingDataset.From(clean.Ratings, clean.Movies, ds.Tags, ds.Genome);
        // Off the test's synchronization context: the bundle's fit is a process the first caller starts.
        Recommender = MovieRecommender.Load(Task.Run(SampleBundle.GetAsync).GetAwaiter().GetResult().Path);
        var experiment = ModelExperiment.Run(data, new ModelExperimentOptions { Kinds = [ClassifierKind.LogisticRegression, ClassifierKind.LightGbm] });
        Recommender.ModelReport = ModelReport.From(experiment);
    }

    public MovieRecommender Recommender { get; }

    /// <summary>The app on ASP.NET Core's in-memory test server (what WebApplicationFactory uses), with <paramref name="options"/>.</summary>
    internal async Task<(WebApplication App, HttpClient Client)> StartInMemoryAsync(WebAppOptions? options = null)
    {
        var app = WebApp.Build(Recommender, options ?? new WebAppOptions { DatasetName = "sample" }, b => b.WebHost.UseTestServer());
        await app.StartAsync();
        return (app, app.GetTestClient());
    }
}
