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

// The command groups, by the names they add. A process builds only the group its first argument names (the start-up of
// 'recommend --model' is mostly building and compiling code); help, a mistyped command and 'docs' (whose reference
// describes the whole tree) get every group.
(string[] Names, Func<IEnumerable<Command>> Create)[] groups =
[
    (["data"], () => [DataCommands.Create()]),
    (["evaluate"], () => [EvaluateCommand.Create()]),
    (["tune"], () => [TuneCommand.Create()]),
    (["models"], () => [ModelsCommand.Create()]),
    (["fit", "recommend", "similar", "profile"], RecommendCommands.Create),
    (["bench"], () => [BenchCommand.Create()]),
    (["notebooks"], () => [NotebooksCommand.Create()]),
    (["kernel"], () => [KernelCommand.Create()]),
    (["serve"], () => [MovieRec.Cli.Serve.ServeCommand.Create()]),
    (["docs"], () => [MovieRec.Cli.Docs.DocsCommand.Create()]),
];
var named = args.Length > 0 && args[0] != "docs" ? Array.FindAll(groups, g => g.Names.Contains(args[0], StringComparer.Ordinal)) : [];
var root = new RootCommand("movierec: a hybrid movie recommender for .NET (MovieLens + TMDB).");
foreach (var group in named.Length > 0 ? named : groups)
{
    foreach (var command in group.Create()) root.Subcommands.Add(command);
}

var verbose = new Option<bool>("--verbose") { Description = "On an error, also print its stack trace.", Recursive = true };
root.Options.Add(verbose);
var parsed = root.Parse(args);
CliRunner.Verbose = parsed.GetValue(verbose);
return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
