namespace MovieRec.Tests.Support;

/// <summary>A fact that needs ../shared/data (real MovieLens and TMDB files); skipped with the reason when it is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RealDataFactAttribute : FactAttribute
{
    public RealDataFactAttribute()
    {
        if (!Directory.Exists(TestPaths.MlLatestSmall) || !Directory.Exists(TestPaths.SeedSample) || !Directory.Exists(TestPaths.TmdbSample))
        {
            Skip = $"needs the real reference data at {TestPaths.SharedData} (ml-latest-small, seed-sample, tmdb-sample), which is not present; it is never committed to this repository";
        }
    }
}
