namespace MovieRec.Algorithms;

/// <summary>
/// A learned blend of rankers: each component's scores are standardized per user and summed with weights chosen to
/// maximize NDCG@k on a validation split carved from the training ratings only.
/// </summary>
/// <remarks>
/// <para>Fit: (1) hold out <see cref="BlendOptions.ValidationFraction"/> of each training user's ratings
/// (<see cref="Evaluation.Splitters.RandomPerUser"/>, seeded; users with one rating keep it); (2) fit every component on the rest and standardize its scores per validation user, z = (s − mean) / sd
/// over the movies the user has not rated (a movie a component does not score gets z = −10); (3) start from the best
/// single component and, for <see cref="BlendOptions.Rounds"/> rounds, set each weight in turn to the value of
/// <see cref="BlendOptions.WeightGrid"/> with the best validation NDCG@k (ties keep the current weight); (4) refit every
/// component on all training ratings. Score: Σ_c w_c z_c(u, i). Nothing learned sees a test rating.</para>
/// <para>Components come from <see cref="BlendOptions.Create"/> (by default <c>AlgorithmRegistry</c>) with the blend's seed. A ranker: unknown users and movies
/// predict 0 (flagged).</para>
/// </remarks>
public sealed class Blend(BlendOptions? options = null) : IRecommenderAlgorithm<BlendModel>
{
    /// <summary>The options.</summary>
    public BlendOptions Options { get; } = options ?? new BlendOptions();

    /// <inheritdoc />
    public string Name => $"blend({string.Join('+', Options.Components)})";

    /// <inheritdoc />
    public BlendModel Fit(RatingDataset train, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        var o = Options;
        if (o.Components.Count == 0) throw new ArgumentException("A blend needs at least one component.");
        if (o.Components.Contains("blend")) throw new ArgumentException("A blend cannot contain itself.");
        if (o.WeightGrid.Count == 0 || o.WeightGrid.Any(w => !(w >= 0))) throw new ArgumentException("The weight grid needs non-negative weights.");

        var (inner, heldOut) = train.HoldOut(o.ValidationFraction, o.Seed);
        var validation = new BlendValidation(inner, heldOut, o.K, o.MaxValidationUsers, o.Seed);
        foreach (var name in o.Components)
        {
            cancellationToken.ThrowIfCancellationRequested();
            validation.Add(o.Create(name, o.Seed).Fit(inner, cancellationToken));
        }

        var (weights, singles, score) = validation.Search(o.WeightGrid, o.Rounds);
        var components = new IDenseScorer?[o.Components.Count];
        for (var c = 0; c < components.Length; c++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (weights[c] != 0) components[c] = o.Create(o.Components[c], o.Seed).Fit(train, cancellationToken);
        }

        return new BlendModel(train, o.Components, weights, components, singles, score);
    }
}
