using System.Diagnostics;
using MovieRec.Synthetic;

namespace MovieRec.Cli.Commands;

/// <summary><c>movierec data ...</c>: summary, generate, download, list.</summary>
internal static class DataCommands
{
    public static Command Create()
    {
        var data = new Command("data", "Load, clean, generate and download datasets.");
        data.Subcommands.Add(Summary());
        data.Subcommands.Add(Generate());
        data.Subcommands.Add(Download());
        data.Subcommands.Add(List());
        return data;
    }

    private static Command Summary()
    {
        var dataset = new Argument<string>("dataset") { Description = "A dataset name (see 'movierec data list') or a folder.", DefaultValueFactory = _ => "sample" };
        var metadata = new Option<string?>("--metadata") { Description = "A movie_metadata.csv or a Kaggle TMDB movies_metadata.csv (joined through links.csv), or a collection name: tmdb-sample, seed-sample." };
        var command = new Command("summary", "Load a dataset, merge its metadata, clean it and print a summary table.") { dataset, metadata };
        command.SetAction((parse, cancellationToken) => CliRunner.RunAsync(async () =>
        {
            var watch = Stopwatch.StartNew();
            var (loaded, clean) = await new DatasetCatalog().PrepareAsync(parse.GetValue(dataset)!, parse.GetValue(metadata), cancellationToken: cancellationToken).ConfigureAwait(false);
            var folder = loaded.Folder;
            var summary = DatasetSummary.Compute(loaded, clean);
            watch.Stop();

            var table = new Table().Title($"[bold]{Markup.Escape(loaded.Name)}[/]").AddColumn("metric").AddColumn(new TableColumn("value").RightAligned());
            foreach (var (metric, value) in summary.Rows()) table.AddRow(Markup.Escape(metric), Markup.Escape(value));
            AnsiConsole.Write(table);

            var report = new Table().Title("[bold]cleaning report[/]").AddColumn("table").AddColumn("column").AddColumn("action").AddColumn(new TableColumn("rows").RightAligned());
            foreach (var a in clean.Report.Actions.Where(a => a.Count > 0)) report.AddRow(a.Table, Markup.Escape(a.Column), Markup.Escape(a.Action), a.Count.ToString("N0", CultureInfo.InvariantCulture));
            if (report.Rows.Count == 0) report.AddRow("-", "-", "nothing to clean", "0");
            AnsiConsole.Write(report);
            AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"[grey]{Markup.Escape(folder)} loaded, merged and cleaned in {watch.Elapsed.TotalSeconds:F2} s[/]"));
        }));
        return command;
    }

    private static Command Generate()
    {
        var defaults = new SyntheticOptions();
        var output = new Option<string>("--out") { Description = "The folder to write.", DefaultValueFactory = _ => Path.Combine("data", "sample") };
        var users = new Option<int>("--users") { Description = "Number of users.", DefaultValueFactory = _ => defaults.Users }.InRange(1, 10_000_000);
        var movies = new Option<int>("--movies") { Description = "Number of movies.", DefaultValueFactory = _ => defaults.Movies }.InRange(1, 10_000_000);
        var ratings = new Option<long>("--ratings") { Description = "Target number of ratings.", DefaultValueFactory = _ => defaults.Ratings }.InRange(1, 1_000_000_000);
        var genome = new Option<int>("--genome-movies") { Description = "Movies with genome scores (the most popular).", DefaultValueFactory = _ => defaults.GenomeMovies }.InRange(0, 10_000_000);
        var seed = new Option<int>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => defaults.Seed };
        var force = new Option<bool>("--force") { Description = "Replace the folder if it exists." };
        var command = new Command("generate", "Write a deterministic synthetic dataset (CSV release format + movie_metadata.csv + genome).")
        {
            output, users, movies, ratings, genome, seed, force,
        };
        command.SetAction(parse => CliRunner.Run(() =>
        {
            var options = defaults with
            {
                Users = parse.GetValue(users),
                Movies = parse.GetValue(movies),
                Ratings = parse.GetValue(ratings),
                GenomeMovies = parse.GetValue(genome),
                Seed = parse.GetValue(seed),
            };
            var folder = parse.GetValue(output)!;
            if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any() && !parse.GetValue(force))
            {
                SyntheticDataset.CheckTarget(folder, overwrite: true); // a folder that is not ours says so first
                throw new ArgumentException($"{folder} already holds a generated dataset; pass --force to replace it.");
            }

            SyntheticDataset.CheckTarget(folder, parse.GetValue(force)); // before generating: nothing is drawn for a write that cannot happen
            var watch = Stopwatch.StartNew();
            var data = SyntheticDataGenerator.GenerateTo(folder, options, parse.GetValue(force));
            AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"wrote {Path.GetFullPath(folder)}: {data.Ratings.Rows.Count:N0} ratings, {options.Users:N0} users, {options.Movies:N0} movies in {watch.Elapsed.TotalSeconds:F1} s"));
        }));
        return command;
    }

    private static Command Download()
    {
        var name = new Argument<string>("name") { Description = "A GroupLens dataset name, e.g. ml-latest-small." };
        var force = new Option<bool>("--force") { Description = "Download again even if cached." };
        var baseUrl = new Option<Uri?>("--base-url")
        {
            Description = $"Download from this location instead of GroupLens (a mirror, or a test server); default ${DatasetCatalogOptions.BaseUriEnvironmentVariable} or {DatasetCatalog.GroupLensBaseUri}.",
            CustomParser = r => Uri.TryCreate(r.Tokens[0].Value.EndsWith('/') ? r.Tokens[0].Value : r.Tokens[0].Value + "/", UriKind.Absolute, out var u) && u.Scheme is "http" or "https"
                ? u : Error(r, $"--base-url must be an http(s) URL, not '{r.Tokens[0].Value}'"),
        };
        var command = new Command("download", "Download a MovieLens release from GroupLens, verify its MD5 and extract it into the cache.") { name, force, baseUrl };
        command.SetAction(async (parse, ct) => await CliRunner.RunAsync(async () =>
        {
            var catalog = parse.GetValue(baseUrl) is { } uri ? new DatasetCatalog(new DatasetCatalogOptions { BaseUri = uri }) : new DatasetCatalog();
            var progress = new Progress<DownloadProgress>(p => Console.Error.Write(string.Create(CultureInfo.InvariantCulture,
                $"\r{p.Dataset}: {p.BytesReceived / 1e6:F1} MB{(p.Fraction is { } f ? $" ({f:P0})" : string.Empty)}   ")));
            var folder = await catalog.DownloadAsync(parse.GetValue(name)!, parse.GetValue(force), progress, ct).ConfigureAwait(false);
            Console.Error.WriteLine();
            AnsiConsole.WriteLine(folder);
        }).ConfigureAwait(false));
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "List the dataset names the catalog knows and where each one is found.");
        command.SetAction(_ => CliRunner.Run(() =>
        {
            var catalog = new DatasetCatalog();
            var table = new Table().AddColumn("name").AddColumn("description").AddColumn("found at");
            foreach (var (name, description) in DatasetCatalog.KnownDatasets)
            {
                table.AddRow(name, Markup.Escape(description), Markup.Escape(catalog.TryFind(name) ?? "-"));
            }

            AnsiConsole.Write(table);
        }));
        return command;
    }

    private static Uri? Error(System.CommandLine.Parsing.ArgumentResult result, string message)
    {
        result.AddError(message);
        return null;
    }

}
