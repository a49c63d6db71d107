namespace MovieRec.LinearAlgebra;

/// <summary>Seeded normal draws shared by every initializer, sketch and generator: one Box–Muller formula, so a seed
/// means the same numbers everywhere.</summary>
internal static class Randomness
{
    /// <summary>A standard normal draw (Box–Muller, one pair of uniforms per draw).</summary>
    public static double StandardNormal(Random rng)
    {
        var u1 = 1.0 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>An array of <paramref name="length"/> N(0, std²) draws, rounded to float32.</summary>
    public static float[] Normal(Random rng, int length, double std)
    {
        var values = new float[length];
        for (var x = 0; x < values.Length; x++) values[x] = (float)(std * StandardNormal(rng));
        return values;
    }
}
