using MovieRec.Cli.Commands;

// '--version' alone answers before anything else is built (the command tree, Spectre's console): start-up is most of its time.
if (args is ["--version"])
{
    Console.Out.WriteLine(typeof(CliRunner).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
        is [System.Reflection.AssemblyInformationalVersionAttribute info, ..] ? info.InformationalVersion : "0");
    return 0;
}

// Output is the same on every machine: numbers and dates are formatted invariantly ("0.005", "55,992"), whatever the
// user's culture (the library formats invariantly too; this also covers notebook cells the tool runs).
System.Globalization.CultureInfo.DefaultThreadCurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;

// Tables are wide: keep them readable when the output goes to a file or a pipe.
if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 200;

var root = new RootCommand("movierec: a hybrid movie recommender for .NET (MovieLens + TMDB).");
root.Subcommands.Add(DataCommands.Create());
root.Subcommands.Add(EvaluateCommand.Create());
root.Subcommands.Add(TuneCommand.Create());
root.Subcommands.Add(ModelsCommand.Create());
foreach (var command in RecommendCommands.Create()) root.Subcommands.Add(command);
root.Subcommands.Add(BenchCommand.Create());
root.Subcommands.Add(NotebooksCommand.Create());
root.Subcommands.Add(KernelCommand.Create());
root.Subcommands.Add(MovieRec.Cli.Serve.ServeCommand.Create());
root.Subcommands.Add(MovieRec.Cli.Docs.DocsCommand.Create());
var verbose = new Option<bool>("--verbose") { Description = "On an error, also print its stack trace.", Recursive = true };
root.Options.Add(verbose);
var parsed = root.Parse(args);
CliRunner.Verbose = parsed.GetValue(verbose);
return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
