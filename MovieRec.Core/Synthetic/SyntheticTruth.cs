namespace MovieRec.Synthetic;

/// <summary>The parameters planted by <see cref="SyntheticDataGenerator"/>, for tests and notebooks that check recovery.</summary>
/// <remarks>User arrays are indexed by <c>userId - 1</c>; movie arrays by the position of the movie in <see cref="MovieIds"/>.
/// Factor arrays are row-major with <see cref="Factors"/> columns.</remarks>
public sealed class SyntheticTruth
{
    internal SyntheticTruth(double globalMean, int factors, int[] movieIds, float[] userBias, float[] movieBias, float[] userFactors,
        float[] movieFactors, string[][] movieGenres, double[] popularity)
    {
        GlobalMean = globalMean;
        Factors = factors;
        MovieIds = movieIds;
        UserBias = userBias;
        MovieBias = movieBias;
        UserFactors = userFactors;
        MovieFactors = movieFactors;
        MovieGenres = movieGenres;
        Popularity = popularity;
    }

    /// <summary>μ, the planted global mean before rounding and clamping.</summary>
    public double GlobalMean { get; }

    /// <summary>The number of latent factors.</summary>
    public int Factors { get; }

    /// <summary>The movieId of each movie position.</summary>
    public IReadOnlyList<int> MovieIds { get; }

    /// <summary>b_u per user (index userId - 1).</summary>
    public IReadOnlyList<float> UserBias { get; }

    /// <summary>b_i per movie position.</summary>
    public IReadOnlyList<float> MovieBias { get; }

    /// <summary>p_u, users × factors, row-major.</summary>
    public IReadOnlyList<float> UserFactors { get; }

    /// <summary>q_i, movies × factors, row-major.</summary>
    public IReadOnlyList<float> MovieFactors { get; }

    /// <summary>The MovieLens genre names of each movie position.</summary>
    public IReadOnlyList<string[]> MovieGenres { get; }

    /// <summary>The unnormalised popularity weight of each movie position.</summary>
    public IReadOnlyList<double> Popularity { get; }
}
