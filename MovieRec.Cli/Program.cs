using System.CommandLine;
using MovieRec.Cli.Commands;

var root = new RootCommand("movierec: a hybrid movie recommender for .NET (MovieLens + TMDB).");
root.Subcommands.Add(DataCommands.Create());
return await root.Parse(args).InvokeAsync();
