using System.Collections;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.Data.Analysis;

namespace MovieRec.Notebooks;

/// <summary>The session's packages (<c>#r "nuget:"</c>, <c>#i "nuget:"</c>) and its magics (<c>#!time</c>, <c>#!whos</c>).</summary>
public sealed partial class NotebookSession
{
    /// <summary>Native libraries of restored packages by file name, for every package assembly's P/Invokes (process-wide,
    /// as the runtime's resolver hook is).</summary>
    private static readonly ConcurrentDictionary<string, string> NativeLibraries = new(StringComparer.Ordinal);

    /// <summary>Full paths of the restored packages' assemblies: the ones whose P/Invokes look in <see cref="NativeLibraries"/>.</summary>
    private static readonly ConcurrentDictionary<string, byte> PackageAssemblies = new(StringComparer.Ordinal);

    private static readonly Lazy<bool> NativeResolverHooked = new(() =>
    {
        AppDomain.CurrentDomain.AssemblyLoad += (_, e) =>
        {
            if (e.LoadedAssembly.IsDynamic || !PackageAssemblies.ContainsKey(e.LoadedAssembly.Location)) return;
            try
            {
                NativeLibrary.SetDllImportResolver(e.LoadedAssembly, ResolveNative);
            }
            catch (InvalidOperationException)
            {
                // the assembly set a resolver of its own, which wins
            }
        };
        return true;
    });

    /// <summary>The assemblies the kernel itself runs with (the framework, MovieRec and its dependencies) by name: a
    /// restored package's copy of one of them is not loaded, the kernel's is referenced instead, so every cell shares one
    /// type identity (Microsoft.ML already brings Newtonsoft.Json, for one).</summary>
    private static readonly Lazy<Dictionary<string, string>> KernelAssemblies = new(() =>
    {
        var paths = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            paths.TryAdd(Path.GetFileNameWithoutExtension(path), path);
        }

        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies().Where(a => !a.IsDynamic && a.Location.Length > 0))
        {
            paths.TryAdd(assembly.GetName().Name ?? string.Empty, assembly.Location);
        }

        return paths;
    });

    private readonly List<(string Name, string? Version)> _requested = [];
    private readonly List<string> _sources = [];
    private readonly Dictionary<string, string> _loadedPackages = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _referencedAssemblies = new(StringComparer.OrdinalIgnoreCase);
    private PackageRestorer? _restorer;

    /// <summary>Adds the cell's package sources, restores its new packages together with the session's earlier ones,
    /// and references their assemblies from this cell on; a progress line shows the restore and then what was added.</summary>
    private async Task AddPackagesAsync(ParsedCell parsed, CancellationToken cancellationToken)
    {
        foreach (var source in parsed.Sources)
        {
            var resolved = Uri.TryCreate(source, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? source
                : Path.GetFullPath(Path.Combine(_options.BaseDirectory, source));
            if (!_sources.Contains(resolved, StringComparer.Ordinal)) _sources.Add(resolved);
        }

        var fresh = new List<PackageRequest>();
        foreach (var request in parsed.Packages)
        {
            if (NotebookPackages.Known.TryGetValue(request.Name, out var shipped))
            {
                CheckShipped(request, shipped);
                continue;
            }

            var earlier = _requested.FindIndex(p => string.Equals(p.Name, request.Name, StringComparison.OrdinalIgnoreCase));
            if (earlier < 0)
            {
                if (!fresh.Exists(p => string.Equals(p.Name, request.Name, StringComparison.OrdinalIgnoreCase))) fresh.Add(request);
                continue;
            }

            if (request.Version is not null && request.Version != _requested[earlier].Version)
            {
                var loaded = _loadedPackages.GetValueOrDefault(request.Name, _requested[earlier].Version ?? "?");
                throw new DirectiveException(request.Line, $"package '{request.Name}' {loaded} is already loaded in this session, and a running kernel cannot load another version of it (assemblies cannot be unloaded): restart the kernel to use {request.Version}");
            }
        }

        if (fresh.Count == 0) return;
        var names = string.Join(", ", fresh.Select(p => p.Version is null ? p.Name : $"{p.Name} {p.Version}"));
        var progress = Guid.NewGuid().ToString("N");
        Show($"Restoring {names}…", progress);
        _restorer ??= new PackageRestorer(Path.GetFullPath(_options.BaseDirectory), _options.RestoreProjectsFolder ?? PackageRestorer.DefaultProjectsFolder, _options.PackagesFolder);
        IReadOnlyList<RestoredPackage> restored;
        try
        {
            restored = await _restorer.RestoreAsync([.. _requested, .. fresh.Select(p => (p.Name, p.Version))], _sources, cancellationToken).ConfigureAwait(false);
        }
        catch (PackageRestoreException e)
        {
            Update($"Could not restore {names}", progress);
            throw new DirectiveException(fresh[0].Line, $"could not restore {names}{(_sources.Count > 0 ? $" (sources added by #i: {string.Join(", ", _sources)})" : string.Empty)}:{Environment.NewLine}{e.Message}");
        }

        var references = new List<MetadataReference>();
        var added = new List<string>();
        // What the cell asked for first, in its order, then what they brought along.
        var asked = fresh.Select(p => p.Name).ToList();
        var order = restored.OrderBy(p => asked.FindIndex(n => string.Equals(n, p.Name, StringComparison.OrdinalIgnoreCase)) is >= 0 and var i ? i : asked.Count);
        foreach (var package in order)
        {
            if (_loadedPackages.TryGetValue(package.Name, out var loaded))
            {
                if (loaded != package.Version) added.Add($"{package.Name} stays at {loaded} (loaded by an earlier cell; NuGet now chose {package.Version})");
                continue;
            }

            var files = new List<string>();
            foreach (var path in package.Assemblies)
            {
                var name = Path.GetFileNameWithoutExtension(path);
                if (!_referencedAssemblies.Add(name)) continue;
                if (KernelAssemblies.Value.TryGetValue(name, out var own))
                {
                    references.Add(MetadataReference.CreateFromFile(own, documentation: Documentation.Beside(own)));
                    files.Add($"{Path.GetFileName(own)} {AssemblyName.GetAssemblyName(own).Version}, the kernel's own copy");
                    continue;
                }

                PackageAssemblies[path] = 0;
                references.Add(MetadataReference.CreateFromFile(path, documentation: Documentation.Beside(path)));
                files.Add(Path.GetFileName(path));
            }

            foreach (var native in package.NativeLibraries) NativeLibraries[Path.GetFileName(native)] = native;
            if (package.NativeLibraries.Count > 0) _ = NativeResolverHooked.Value;
            _loadedPackages[package.Name] = package.Version;
            var what = files.Count > 0 ? string.Join("; ", files) : package.Assemblies.Count > 0 ? "already referenced" : "no assemblies";
            if (package.NativeLibraries.Count > 0) what += ", native: " + string.Join(", ", package.NativeLibraries.Select(Path.GetFileName));
            added.Add($"{package.Name} {package.Version} ({what})");
        }

        _requested.AddRange(fresh.Select(p => (p.Name, p.Version)));
        _scriptOptions = _scriptOptions.AddReferences(references);
        Update("Added " + string.Join("; ", added), progress);
    }

    private static void CheckShipped(PackageRequest request, NotebookPackage shipped)
    {
        var version = request.Version;
        if (version is null || version == shipped.Version || (version.EndsWith('*') && shipped.Version.StartsWith(version.TrimEnd('*'), StringComparison.Ordinal))) return;
        throw new DirectiveException(request.Line, $"package '{request.Name}' ships with this kernel at {shipped.Version}, and that version is loaded: a running kernel cannot load another version of it (assemblies cannot be unloaded), so the notebook's {version} cannot be honoured; ask for {shipped.Version} or leave the version out");
    }

    private static IntPtr ResolveNative(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        string[] candidates = [name, name + ".so", "lib" + name + ".so", name + ".dylib", "lib" + name + ".dylib", name + ".dll"];
        foreach (var candidate in candidates)
        {
            if (NativeLibraries.TryGetValue(candidate, out var path)) return NativeLibrary.Load(path);
        }

        return IntPtr.Zero; // not a package's: the runtime's own probing goes on
    }

    /// <summary>The session's variables for <c>#!whos</c>: the latest of each name, in declaration order.</summary>
    private List<SessionVariable> Variables()
    {
        if (_state is null) return [];
        var latest = new Dictionary<string, ScriptVariable>(StringComparer.Ordinal); // insertion order: first declaration
        foreach (var variable in _state.Variables) latest[variable.Name] = variable;
        return [.. latest.Values.Select(v => new SessionVariable(v.Name, TypeName(v.Type), ShortValue(v.Value)))];
    }

    private static string TypeName(Type type) => type.IsGenericType
        ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(TypeName))}>"
        : type.IsArray ? TypeName(type.GetElementType()!) + "[]" : type.Name;

    private static string ShortValue(object? value)
    {
        var text = value switch
        {
            null => "null",
            DataFrame frame => string.Create(CultureInfo.InvariantCulture, $"{frame.Rows.Count} rows × {frame.Columns.Count} columns"),
            string s => s,
            ICollection collection => string.Create(CultureInfo.InvariantCulture, $"Count = {collection.Count}"),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };
        var line = text.Split('\n')[0].TrimEnd('\r');
        return line.Length > 60 ? line[..59] + "…" : line;
    }
}
