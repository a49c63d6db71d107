using System.CommandLine;
using MovieRec.Cli.Commands;
using Spectre.Console;

// Tables are wide: keep them readable when the output goes to a file or a pipe.
if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 200;

var root = new RootCommand("movierec: a hybrid movie recommender for .NET (MovieLens + TMDB).");
root.Subcommands.Add(DataCommands.Create());
root.Subcommands.Add(EvaluateCommand.Create());
root.Subcommands.Add(ModelsCommand.Create());
foreach (var command in RecommendCommands.Create()) root.Subcommands.Add(command);
root.Subcommands.Add(BenchCommand.Create());
root.Subcommands.Add(NotebooksCommand.Create());
root.Subcommands.Add(KernelCommand.Create());
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
