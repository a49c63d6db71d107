using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace MovieRec.Notebooks;

/// <summary>
/// Restores the packages of <c>#r "nuget:"</c> lines with NuGet itself: a generated project (<c>net10.0</c>, this
/// machine's runtime identifier, one <c>PackageReference</c> per package) is restored by <c>dotnet restore</c>, and its
/// assets file says which runtime assemblies and native libraries to load, as the SDK would for an application.
/// </summary>
/// <remarks>
/// <para>Why a generated project rather than the NuGet client libraries in process (the way .NET Interactive chose
/// too): the restore is then exactly the SDK's (version ranges and floating versions, transitive dependencies, the
/// nearest-wins rule, framework and runtime-specific asset selection, signature checks, credential providers), and no
/// second copy of NuGet's resolver lives in the kernel. The price is one <c>dotnet restore</c> process (about 1.5 s when
/// the packages are in the global packages folder), paid once per set of packages: a set restored before is answered
/// from its assets file when every package it lists is still in the global packages folder, with no feed access.</para>
/// <para>Configuration: the <c>nuget.config</c> files that apply to the notebook's folder and the user's are honoured
/// (<c>RestoreRootConfigDirectory</c> is the notebook's folder), <c>#i</c> sources are added
/// (<c>RestoreAdditionalProjectSources</c>), and packages go to the ordinary global packages folder
/// (<c>NUGET_PACKAGES</c> or <c>~/.nuget/packages</c>) unless <see cref="NotebookSessionOptions.PackagesFolder"/> says otherwise.</para>
/// </remarks>
internal sealed partial class PackageRestorer(string notebookFolder, string projectsFolder, string? packagesFolder)
{
    private static readonly string Framework = $"net{Environment.Version.Major}.0";

    /// <summary>Where generated projects live by default: the user's cache folder (one project per set of packages).</summary>
    public static string DefaultProjectsFolder =>
        Path.Combine(Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } cache ? cache : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"), "movierec", "notebook-packages");

    /// <summary>Restores <paramref name="packages"/> together (versions in NuGet's syntax; null is the newest stable).</summary>
    /// <returns>Every package of the closure with its runtime assemblies and native libraries, in the assets file's order.</returns>
    /// <exception cref="PackageRestoreException">NuGet could not restore them; the message is NuGet's, naming the package and the sources tried.</exception>
    public async Task<IReadOnlyList<RestoredPackage>> RestoreAsync(IReadOnlyList<(string Name, string? Version)> packages, IReadOnlyList<string> sources, CancellationToken cancellationToken)
    {
        var project = Project(packages, sources);
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(notebookFolder + "\n" + project)))[..16];
        var folder = Path.Combine(projectsFolder, key);
        var assets = Path.Combine(folder, "obj", "project.assets.json");
        if (!Restored(folder))
        {
            Directory.CreateDirectory(folder);
            // Two kernels asking for the same packages at once restore one after the other; the second finds it done.
            using var gate = await LockAsync(Path.Combine(folder, ".restore.lock"), cancellationToken).ConfigureAwait(false);
            if (Restored(folder)) return ReadAssets(assets);
            var file = Path.Combine(folder, "notebook.csproj");
            var temporary = file + ".tmp";
            await File.WriteAllTextAsync(temporary, project, cancellationToken).ConfigureAwait(false);
            File.Move(temporary, file, overwrite: true);
            await RunRestoreAsync(file, cancellationToken).ConfigureAwait(false);
        }

        return ReadAssets(assets);
    }

    /// <summary>Holds <paramref name="path"/> open without sharing (the lock ends with the handle, even when the process
    /// dies); waits while another process holds it.</summary>
    private static async Task<FileStream> LockAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The generated project: a library for this runtime, its packages, the notebook's sources and folder.</summary>
    private string Project(IReadOnlyList<(string Name, string? Version)> packages, IReadOnlyList<string> sources)
    {
        static string Escape(string s) => System.Security.SecurityElement.Escape(s);
        var sb = new StringBuilder();
        sb.Append("<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n");
        sb.Append("    <TargetFramework>").Append(Framework).Append("</TargetFramework>\n");
        sb.Append("    <RuntimeIdentifier>").Append(RuntimeInformation.RuntimeIdentifier).Append("</RuntimeIdentifier>\n");
        sb.Append("    <SelfContained>false</SelfContained>\n    <UseAppHost>false</UseAppHost>\n    <EnableDefaultItems>false</EnableDefaultItems>\n");
        sb.Append("    <ImportDirectoryBuildProps>false</ImportDirectoryBuildProps>\n    <ImportDirectoryBuildTargets>false</ImportDirectoryBuildTargets>\n");
        sb.Append("    <ImportDirectoryPackagesProps>false</ImportDirectoryPackagesProps>\n    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>\n");
        sb.Append("    <NuGetAudit>false</NuGetAudit>\n");
        sb.Append("    <RestoreRootConfigDirectory>").Append(Escape(notebookFolder)).Append("</RestoreRootConfigDirectory>\n");
        if (sources.Count > 0) sb.Append("    <RestoreAdditionalProjectSources>").Append(Escape(string.Join(';', sources))).Append("</RestoreAdditionalProjectSources>\n");
        if (packagesFolder is not null) sb.Append("    <RestorePackagesPath>").Append(Escape(packagesFolder)).Append("</RestorePackagesPath>\n");
        sb.Append("  </PropertyGroup>\n  <ItemGroup>\n");
        foreach (var (name, version) in packages)
        {
            sb.Append("    <PackageReference Include=\"").Append(Escape(name)).Append("\" Version=\"").Append(Escape(version ?? "*")).Append("\" />\n");
        }

        sb.Append("  </ItemGroup>\n</Project>\n");
        return sb.ToString();
    }

    /// <summary>NuGet's own no-op test: the last restore of this project succeeded and every package file it expects is
    /// still there (the project's content is part of the folder's name).</summary>
    private static bool Restored(string folder)
    {
        var cache = Path.Combine(folder, "obj", "project.nuget.cache");
        if (!File.Exists(cache) || !File.Exists(Path.Combine(folder, "obj", "project.assets.json"))) return false;
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(cache));
            var root = json.RootElement;
            return root.GetProperty("success").GetBoolean()
                && root.GetProperty("expectedPackageFiles").EnumerateArray().All(f => File.Exists(f.GetString()));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IOException)
        {
            return false;
        }
    }

    private static async Task RunRestoreAsync(string project, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(DotnetHost(), ["restore", project, "-nologo", "-verbosity:quiet"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(project)!,
        };
        // A kernel started by MSBuild or the test host must not hand its MSBuild over to the SDK's.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList()) start.Environment.Remove(name);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new PackageRestoreException($"#r \"nuget:\" restores with the .NET SDK, and '{start.FileName}' could not be started ({e.Message}); install the .NET SDK or put dotnet on PATH");
        }

        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var output = await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false);
        if (process.ExitCode == 0) return;
        var errors = NugetError().Matches(output).Select(m => $"{m.Groups["code"].Value}: {m.Groups["message"].Value.Trim()}").Distinct().ToList();
        throw new PackageRestoreException(errors.Count > 0 ? string.Join(Environment.NewLine, errors) : $"dotnet restore failed (exit code {process.ExitCode}): {output.Trim()}");
    }

    /// <summary>The <c>dotnet</c> of the SDK that started us when there is one, else the one on PATH.</summary>
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)) return host;
        if (Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet") return path;
        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } root && File.Exists(Path.Combine(root, "dotnet"))) return Path.Combine(root, "dotnet");
        return "dotnet";
    }

    /// <summary>The packages of the assets file's runtime-specific target, with full paths of their runtime assemblies
    /// and native libraries (NuGet's <c>_._</c> placeholders left out).</summary>
    internal static IReadOnlyList<RestoredPackage> ReadAssets(string assets)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(assets));
        var root = json.RootElement;
        var packagesRoot = root.GetProperty("packageFolders").EnumerateObject().First().Name;
        var libraries = root.GetProperty("libraries");
        var target = root.GetProperty("targets").EnumerateObject().First(t => t.Name.Contains('/', StringComparison.Ordinal)).Value;
        var result = new List<RestoredPackage>();
        foreach (var entry in target.EnumerateObject())
        {
            if (entry.Value.GetProperty("type").GetString() != "package") continue;
            var folder = Path.Combine(packagesRoot, libraries.GetProperty(entry.Name).GetProperty("path").GetString()!);
            List<string> Files(string kind) => entry.Value.TryGetProperty(kind, out var files)
                ? [.. files.EnumerateObject().Select(f => f.Name).Where(f => Path.GetFileName(f) != "_._").Select(f => Path.GetFullPath(Path.Combine(folder, f)))]
                : [];
            var slash = entry.Name.IndexOf('/', StringComparison.Ordinal);
            result.Add(new RestoredPackage(entry.Name[..slash], entry.Name[(slash + 1)..], Files("runtime"), Files("native")));
        }

        return result;
    }

    [GeneratedRegex(@"error (?<code>NU\d+): (?<message>[^\r\n]*?)(\s+\[[^\]\r\n]*\.csproj\])?\r?$", RegexOptions.Multiline)]
    private static partial Regex NugetError();
}
