namespace MovieRec.Synthetic;

/// <summary>Options of <see cref="SyntheticDataGenerator"/>. The defaults produce the committed <c>data/sample</c>.</summary>
/// <remarks>
/// The model behind the ratings is Koren's biased factor model with planted parameters:
/// <c>r(u,i) = snap(μ + b_u + b_i + p_uᵀq_i + ε)</c>, with <c>b_u ~ N(0, UserBiasStdDev²)</c>,
/// <c>b_i ~ N(0, MovieBiasStdDev²)</c>, <c>ε ~ N(0, NoiseStdDev²)</c>, <c>p_u ~ N(0, UserFactorStdDev²)</c> per factor and
/// <c>q_i</c> a mix of the latent vectors of the movie's genres and its own noise; <c>snap</c> rounds onto half stars.
/// Which movies a user rates follows a Zipf-like popularity (<c>w ∝ rank^-PopularityExponent</c>), thinned by taste (<see cref="TasteSelection"/>).
/// </remarks>
public sealed record SyntheticOptions
{
    /// <summary>The size of MovieLens 25M: 162,000 users, 59,000 movies, 25,000,000 ratings (1,000 genome movies, larger people pools).</summary>
    public static SyntheticOptions Scale25m { get; } = new()
    {
        Users = 162_000, Movies = 59_000, Ratings = 25_000_000, GenomeMovies = 1_000, Actors = 20_000, Directors = 5_000,
    };

    /// <summary>Number of users (ids 1..Users).</summary>
    public int Users { get; init; } = 600;

    /// <summary>Number of movies (ids increase with random gaps, as in MovieLens).</summary>
    public int Movies { get; init; } = 3_000;

    /// <summary>Target number of ratings; the result is within a few per cent of it.</summary>
    public long Ratings { get; init; } = 80_000;

    /// <summary>Every user rates at least this many movies (MovieLens' own rule is 20).</summary>
    public int MinRatingsPerUser { get; init; } = 20;

    /// <summary>Number of planted latent taste factors (each one is a "theme" with its own words and genome tags).</summary>
    public int Factors { get; init; } = 8;

    /// <summary>The seed of every random draw: the same options give byte-identical files.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Global mean rating μ.</summary>
    public double GlobalMean { get; init; } = 3.5;

    /// <summary>Standard deviation of the planted user biases.</summary>
    public double UserBiasStdDev { get; init; } = 0.45;

    /// <summary>Standard deviation of the planted movie biases.</summary>
    public double MovieBiasStdDev { get; init; } = 0.4;

    /// <summary>Standard deviation of each user factor.</summary>
    public double UserFactorStdDev { get; init; } = 0.35;

    /// <summary>Standard deviation of the rating noise ε.</summary>
    public double NoiseStdDev { get; init; } = 0.5;

    /// <summary>Zipf exponent of movie popularity (larger: a longer tail).</summary>
    public double PopularityExponent { get; init; } = 1.2;

    /// <summary>
    /// Taste-driven selection β (missing not at random, as in real data): a popularity-drawn candidate is kept with
    /// probability max(0.05, σ(β · p_uᵀq_i)), so users rate more of what they like. 0 makes selection taste-blind.
    /// </summary>
    public double TasteSelection { get; init; } = 2.0;

    /// <summary>How many of the most popular movies carry genome scores (the real genome covers popular movies only).</summary>
    public int GenomeMovies { get; init; } = 800;

    /// <summary>Share of movies whose overview is missing.</summary>
    public double MissingOverviewRate { get; init; } = 0.15;

    /// <summary>Share of movies whose metadata lacks the release year (cleaning then takes it from the title).</summary>
    public double MissingYearRate { get; init; } = 0.03;

    /// <summary>Size of the actor pool.</summary>
    public int Actors { get; init; } = 600;

    /// <summary>Size of the director pool.</summary>
    public int Directors { get; init; } = 180;

    /// <summary>Share of "liked" ratings (≥ 4) that also get a user tag.</summary>
    public double TagRate { get; init; } = 0.03;

    /// <summary>Earliest release year.</summary>
    public int FirstYear { get; init; } = 1930;

    /// <summary>Latest release year; ratings run until the end of this year.</summary>
    public int LastYear { get; init; } = 2018;

    /// <summary>Checks that the options are usable.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range.</exception>
    public void Validate()
    {
        static void Check(bool ok, string name, string why)
        {
            if (!ok) throw new ArgumentOutOfRangeException(name, why);
        }

        Check(Users >= 1, nameof(Users), "must be at least 1");
        Check(Movies >= 10, nameof(Movies), "must be at least 10");
        Check(MinRatingsPerUser >= 1, nameof(MinRatingsPerUser), "must be at least 1");
        Check(MinRatingsPerUser * 2 <= Movies, nameof(MinRatingsPerUser), "must be at most half the movies");
        Check(Ratings >= (long)Users * MinRatingsPerUser, nameof(Ratings), "must be at least Users × MinRatingsPerUser");
        Check(Ratings <= (long)Users * Movies / 2, nameof(Ratings), "must be at most half of Users × Movies");
        Check(Factors is >= 1 and <= 16, nameof(Factors), "must be between 1 and 16 (one theme per factor)");
        Check(GenomeMovies >= 0 && GenomeMovies <= Movies, nameof(GenomeMovies), "must be between 0 and Movies");
        Check(Actors >= 10 && Directors >= 5, nameof(Actors), "pools need at least 10 actors and 5 directors");
        Check(FirstYear < LastYear && FirstYear >= 1900 && LastYear <= 2100, nameof(FirstYear), "must be a range within 1900–2100");
        Check(MissingOverviewRate is >= 0 and <= 1 && MissingYearRate is >= 0 and <= 1 && TagRate is >= 0 and <= 1, nameof(MissingOverviewRate), "rates must lie in [0, 1]");
    }
}
