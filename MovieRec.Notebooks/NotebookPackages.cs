namespace MovieRec.Notebooks;

/// <summary>
/// The NuGet packages a notebook may reference with <c>#r "nuget: NAME, VERSION"</c>: each maps to an assembly this
/// library ships with, at the version the build pinned.
/// </summary>
/// <remarks>
/// Versions are not written in code: the build stamps every centrally pinned package version
/// (<c>Directory.Packages.props</c>) into this assembly as <c>[AssemblyMetadata("nuget:NAME", "VERSION")]</c>, and the
/// MovieRec packages carry the project version. <c>Plotly.NET.Interactive</c> (the Polyglot kernel extension) is an alias of
/// Plotly.NET: charts display through <see cref="MimeFormatter"/>.
/// </remarks>
public static class NotebookPackages
{
    private static readonly Lazy<IReadOnlyDictionary<string, NotebookPackage>> All = new(Build);

    /// <summary>The packages by name (case-insensitive).</summary>
    public static IReadOnlyDictionary<string, NotebookPackage> Known => All.Value;

    /// <summary>The version the build pinned for <paramref name="package"/>, from this assembly's metadata; null when not pinned.</summary>
    public static string? PinnedVersion(string package) =>
        typeof(NotebookPackages).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => string.Equals(a.Key, "nuget:" + package, StringComparison.OrdinalIgnoreCase))?.Value;

    private static IReadOnlyDictionary<string, NotebookPackage> Build()
    {
        var map = new Dictionary<string, NotebookPackage>(StringComparer.OrdinalIgnoreCase);
        void Pinned(string name, Type type, string? versionOf = null)
        {
            var version = PinnedVersion(versionOf ?? name) ?? throw new InvalidOperationException($"the build did not stamp a version for package {versionOf ?? name}");
            map[name] = new NotebookPackage(name, version, type.Assembly);
        }

        void Own(Type type)
        {
            var assembly = type.Assembly;
            var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
                ?? assembly.GetName().Version?.ToString(3) ?? "0.0.0";
            map[assembly.GetName().Name!] = new NotebookPackage(assembly.GetName().Name!, version, assembly);
        }

        Own(typeof(MovieRec.Data.Columns));
        Own(typeof(MovieRec.Charts.Plot));
        Own(typeof(NotebookSession));
        Pinned("Microsoft.Data.Analysis", typeof(Microsoft.Data.Analysis.DataFrame));
        Pinned("Microsoft.ML", typeof(Microsoft.ML.MLContext));
        Pinned("Microsoft.ML.FastTree", typeof(Microsoft.ML.Trainers.FastTree.FastTreeBinaryTrainer));
        Pinned("Microsoft.ML.LightGbm", typeof(Microsoft.ML.Trainers.LightGbm.LightGbmBinaryTrainer));
        Pinned("MathNet.Numerics", typeof(MathNet.Numerics.LinearAlgebra.Matrix<double>));
        Pinned("Plotly.NET", typeof(Plotly.NET.GenericChart));
        Pinned("Plotly.NET.CSharp", typeof(Plotly.NET.CSharp.Chart));
        Pinned("Plotly.NET.Interactive", typeof(Plotly.NET.GenericChart), versionOf: "Plotly.NET");
        return map;
    }
}
