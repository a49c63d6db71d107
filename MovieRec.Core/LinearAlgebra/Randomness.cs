namespace MovieRec.LinearAlgebra;

/// <summary>Seeded normal draws shared by every initializer, sketch and generator: <see cref="StandardNormal"/> and
/// <see cref="Normal"/> (Box–Muller on <see cref="Random"/>), and for padded factor rows <see cref="NormalRows(Random, int, int, int, double, double, int)"/>
/// (Marsaglia and Tsang's ziggurat on SplitMix64 streams seeded from the <see cref="Random"/>: about 6x faster, and the
/// same on every machine, as it uses only table lookups and scalar <see cref="Math"/> calls).</summary>
internal static class Randomness
{
    private const int Layers = 128;
    private const double TailStart = 3.442619855899;
    private static readonly uint[] LayerLimit = new uint[Layers];
    private static readonly double[] LayerWidth = new double[Layers];
    private static readonly double[] LayerDensity = new double[Layers];

    static Randomness()
    {
        // Marsaglia & Tsang (2000), "The Ziggurat Method for Generating Random Variables", 128 layers of equal area v.
        const double scale = 2147483648.0, area = 9.91256303526217e-3;
        double dn = TailStart, tn = dn, q = area / Math.Exp(-0.5 * dn * dn);
        LayerLimit[0] = (uint)(dn / q * scale);
        LayerLimit[1] = 0;
        LayerWidth[0] = q / scale;
        LayerWidth[Layers - 1] = dn / scale;
        LayerDensity[0] = 1.0;
        LayerDensity[Layers - 1] = Math.Exp(-0.5 * dn * dn);
        for (var i = Layers - 2; i >= 1; i--)
        {
            dn = Math.Sqrt(-2.0 * Math.Log((area / dn) + Math.Exp(-0.5 * dn * dn)));
            LayerLimit[i + 1] = (uint)(dn / tn * scale);
            tn = dn;
            LayerDensity[i] = Math.Exp(-0.5 * dn * dn);
            LayerWidth[i] = dn / scale;
        }
    }

    /// <summary>A standard normal draw (Box–Muller, one pair of uniforms per draw).</summary>
    public static double StandardNormal(Random rng)
    {
        var u1 = 1.0 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>An array of <paramref name="length"/> N(0, std²) draws by <see cref="StandardNormal"/>, rounded to float32.</summary>
    public static float[] Normal(Random rng, int length, double std)
    {
        var values = new float[length];
        for (var x = 0; x < values.Length; x++) values[x] = (float)(std * StandardNormal(rng));
        return values;
    }

    /// <summary><paramref name="rows"/> rows of <paramref name="columns"/> N(mean, std²) draws, rounded to float32, each
    /// row starting at a multiple of <paramref name="stride"/> (≥ columns) with zero padding after it. Rows come in chunks of
    /// <see cref="ChunkRows"/>, each from its own stream derived from one draw of <paramref name="rng"/> and the chunk's
    /// number, so the chunks fill on <paramref name="threads"/> threads with the same result.</summary>
    public static float[] NormalRows(Random rng, int rows, int columns, int stride, double mean, double std, int threads = 1) =>
        NormalRows(rng, rows, columns, stride, mean, std, threads, new float[rows * stride]);

    /// <summary><see cref="NormalRows(Random, int, int, int, double, double, int)"/> into <paramref name="values"/> (at
    /// least rows × stride long, e.g. pooled): the padding after each row is set to zero.</summary>
    public static float[] NormalRows(Random rng, int rows, int columns, int stride, double mean, double std, int threads, float[] values)
    {
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(stride, columns);
        ArgumentOutOfRangeException.ThrowIfLessThan(values.Length, rows * stride);
        var seed = (ulong)rng.NextInt64();
        float m = (float)mean, s = (float)std;
        var chunks = (rows + ChunkRows - 1) / ChunkRows;
        void Fill(int chunk)
        {
            var state = seed + ((ulong)chunk * 0xD1B54A32D192ED03UL);
            for (var r = chunk * ChunkRows; r < Math.Min(rows, (chunk + 1) * ChunkRows); r++)
            {
                var row = values.AsSpan(r * stride, columns);
                for (var c = 0; c < row.Length; c++) row[c] = m + (s * (float)Ziggurat(ref state));
                values.AsSpan((r * stride) + columns, stride - columns).Clear();
            }
        }

        if (threads <= 1 || chunks == 1)
        {
            for (var chunk = 0; chunk < chunks; chunk++) Fill(chunk);
        }
        else
        {
            Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = threads }, Fill);
        }

        return values;
    }

    /// <summary>Rows per independently seeded chunk of <see cref="NormalRows(Random, int, int, int, double, double, int)"/>.</summary>
    public const int ChunkRows = 512;

    /// <summary>One N(0, 1) draw: 31 bits of magnitude, 7 of layer and one of sign from one 64-bit word. The fast path
    /// (97%) is a lookup and a multiply, and the sign is applied without a branch (a 50/50 branch costs 3x here).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static double Ziggurat(ref ulong state)
    {
        var bits = SplitMix64(ref state);
        var magnitude = (uint)(bits >> 33);
        var layer = (int)(bits & (Layers - 1));
        return magnitude < LayerLimit[layer] ? Signed(magnitude * LayerWidth[layer], bits) : ZigguratEdge(ref state, magnitude, layer, bits);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static double ZigguratEdge(ref ulong state, uint magnitude, int layer, ulong bits)
    {
        while (true)
        {
            var x = magnitude * LayerWidth[layer];
            if (magnitude < LayerLimit[layer]) return Signed(x, bits);
            if (layer == 0)
            {
                double tail, y;
                do
                {
                    tail = -Math.Log(Uniform(ref state)) / TailStart;
                    y = -Math.Log(Uniform(ref state));
                }
                while (y + y < tail * tail);
                return Signed(TailStart + tail, bits);
            }

            var density = LayerDensity[layer] + (Uniform(ref state) * (LayerDensity[layer - 1] - LayerDensity[layer]));
            if (density < Math.Exp(-0.5 * x * x)) return Signed(x, bits);
            bits = SplitMix64(ref state);
            magnitude = (uint)(bits >> 33);
            layer = (int)(bits & (Layers - 1));
        }
    }

    /// <summary>x with the sign of bit 7 of <paramref name="bits"/>.</summary>
    private static double Signed(double x, ulong bits) => BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(x) ^ (long)((bits & Layers) << 56));

    private static double Uniform(ref ulong state) => ((SplitMix64(ref state) >> 11) + 0.5) * (1.0 / (1UL << 53));

    private static ulong SplitMix64(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
