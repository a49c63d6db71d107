using Microsoft.Extensions.Hosting;
using MovieRec.Cli.Commands;

namespace MovieRec.Cli.Serve;

/// <summary><c>movierec serve</c>: the four-tab web app over a saved model (or a dataset fitted on start).</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var model = new Option<string?>("--model") { Description = "A recommender saved by 'movierec fit' (loads in milliseconds)." };
        var data = new Option<string>("--data") { Description = "Without --model: a MovieLens folder or catalog name to fit on start.", DefaultValueFactory = _ => "sample" };
        var metadata = new Option<string?>("--metadata") { Description = "Without --model: a movie metadata file, or a collection name (tmdb-sample, seed-sample), for the fit." };
        var port = new Option<int>("--port") { Description = "The port (0: any free port).", DefaultValueFactory = _ => WebAppOptions.Defaults.Port }.InRange(0, 65_535);
        var host = new Option<string>("--host")
        {
            Description = "The address to bind. The default, 127.0.0.1, serves this machine only. To let others reach the app, "
                + "bind deliberately, e.g. --host 0.0.0.0, and put it behind a reverse proxy with TLS: it has no authentication.",
            DefaultValueFactory = _ => WebAppOptions.Defaults.Host,
        };
        var rate = new Option<int>("--rate-limit") { Description = "Requests per second one client address may make.", DefaultValueFactory = _ => WebAppOptions.Defaults.RequestsPerSecond }.InRange(1, 1_000_000);
        var command = new Command("serve", "Serve the four-tab web app (data & EDA, models, recommendations, similar movies) and its JSON API on a local port.")
        {
            model, data, metadata, port, host, rate,
        };
        command.SetAction((parse, cancellationToken) => CliRunner.RunAsync(async () =>
        {
            WebAppOptions.ParseHost(parse.GetValue(host)!); // before any loading: a typo never binds anything
            var recommender = await RecommendCommands.BuildAsync(parse.GetValue(data)!, parse.GetValue(metadata), parse.GetValue(model), cancellationToken: cancellationToken).ConfigureAwait(false);
            var name = parse.GetValue(model) is { } path ? Path.GetFileName(path) : parse.GetValue(data)!;
            var options = new WebAppOptions { Port = parse.GetValue(port), Host = parse.GetValue(host)!, RequestsPerSecond = parse.GetValue(rate), DatasetName = name };
            await using var app = WebApp.Build(recommender, options);
            try
            {
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException)
            {
                var reason = e.InnerException is System.Net.Sockets.SocketException socket ? socket.Message : e.Message;
                throw new IOException($"cannot listen on {options.Host} port {options.Port}: {reason}"
                    + (options.Port is > 0 and < 1024 ? " (ports below 1024 need root; try --port 5080)" : ""), e);
            }

            foreach (var url in app.Urls) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"serving {name} on {url} (Ctrl+C stops; API description at {url}/openapi/v1.json)"));
            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        }));
        return command;
    }
}
