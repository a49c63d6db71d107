namespace MovieRec.Algorithms;

/// <summary>An algorithm with its options: <see cref="Fit"/> learns a model from training ratings (Surprise's <c>fit</c>).</summary>
public interface IRecommenderAlgorithm
{
    /// <summary>A short name with the options that matter, e.g. "biasedmf(f=100,e=20)".</summary>
    string Name { get; }

    /// <summary>Learns a model from <paramref name="train"/>.</summary>
    IRecommenderModel Fit(RatingSet train, CancellationToken cancellationToken = default);
}
