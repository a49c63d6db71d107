using MovieRec.Notebooks.Kernel;

namespace MovieRec.Cli.Commands;

/// <summary><c>movierec kernel</c>: the Jupyter kernel, and <c>kernel install|uninstall</c> for its kernelspec.</summary>
internal static class KernelCommand
{
    public static Command Create()
    {
        var connection = new Option<string>("--connection-file", "-f") { Description = "The connection file Jupyter passes ({connection_file} in kernel.json).", Required = true };
        var noPng = new Option<bool>("--no-png") { Description = "Skip the PNG copy of charts (rendered by headless Chromium when installed)." };
        var command = new Command("kernel", "The C# Jupyter kernel (protocol 5.3) that VS Code, JupyterLab, the Notebook and nbclient start: run 'movierec kernel install' once.")
        {
            connection, noPng,
        };
        command.SetAction((parse, cancellationToken) => CliRunner.RunAsync(async () =>
        {
            var info = ConnectionInfo.Load(parse.GetValue(connection)!);
            await JupyterKernel.RunAsync(info, new KernelOptions { NoPng = parse.GetValue(noPng), Log = Console.Error }, cancellationToken).ConfigureAwait(false);
        }));

        var user = new Option<bool>("--user") { Description = "Install for this user (the default): ~/.local/share/jupyter/kernels, or $JUPYTER_DATA_DIR/kernels." };
        var sysPrefix = new Option<bool>("--sys-prefix") { Description = "Install into the active Python environment (CONDA_PREFIX or VIRTUAL_ENV)." };
        var prefix = new Option<string?>("--prefix") { Description = "Install into PREFIX/share/jupyter/kernels." };
        var name = new Option<string>("--name") { Description = "The kernelspec name.", DefaultValueFactory = _ => KernelSpec.DefaultName };
        var install = new Command("install", "Write the kernelspec (kernel.json with this tool's path, display name \"C# (MovieRec)\", logos).") { user, sysPrefix, prefix, name, noPng };
        install.SetAction(parse => CliRunner.Run(() =>
        {
            var folder = KernelSpec.Install(Folder(parse, sysPrefix, prefix), parse.GetValue(name)!, Argv(parse.GetValue(noPng)));
            Console.WriteLine($"installed kernelspec '{parse.GetValue(name)}' in {folder}");
        }));
        var uninstall = new Command("uninstall", "Remove the kernelspec.") { user, sysPrefix, prefix, name };
        uninstall.SetAction(parse => CliRunner.Run(() =>
        {
            var folder = Folder(parse, sysPrefix, prefix);
            Console.WriteLine(KernelSpec.Uninstall(folder, parse.GetValue(name)!)
                ? $"removed kernelspec '{parse.GetValue(name)}' from {folder}"
                : $"no kernelspec '{parse.GetValue(name)}' in {folder}");
        }));
        command.Subcommands.Add(install);
        command.Subcommands.Add(uninstall);
        return command;
    }

    private static string Folder(ParseResult parse, Option<bool> sysPrefix, Option<string?> prefix)
    {
        if (parse.GetValue(prefix) is { } dir) return KernelSpec.KernelsFolder(KernelSpecScope.Prefix, dir);
        if (parse.GetValue(sysPrefix)) return KernelSpec.KernelsFolder(KernelSpecScope.SysPrefix);
        return KernelSpec.KernelsFolder(KernelSpecScope.User);
    }

    /// <summary>How Jupyter starts this tool: the apphost itself, or 'dotnet movierec.dll' when started through dotnet.</summary>
    private static List<string> Argv(bool noPng)
    {
        var process = Environment.ProcessPath ?? "movierec";
        List<string> argv = Path.GetFileNameWithoutExtension(process) == "dotnet"
            ? [process, Path.Combine(AppContext.BaseDirectory, "movierec.dll")]
            : [process];
        argv.AddRange(["kernel", "--connection-file", "{connection_file}"]);
        if (noPng) argv.Add("--no-png");
        return argv;
    }
}
