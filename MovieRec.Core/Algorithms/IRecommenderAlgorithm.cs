namespace MovieRec.Algorithms;

/// <summary>
/// An algorithm with its options (an <c>XOptions</c> record): <see cref="IFittable{TModel}.Fit"/> learns a typed model from a
/// <see cref="RatingDataset"/> (Surprise's <c>fit</c>, LensKit's <c>train</c>). <typeparamref name="TModel"/> is the
/// model's own type (e.g. <see cref="PureSvdModel"/>), so no caller casts; the parameter is covariant, so every algorithm
/// is also an <c>IRecommenderAlgorithm&lt;IDenseScorer&gt;</c>, which is what <c>AlgorithmRegistry</c> and
/// <see cref="Evaluation.Evaluator"/> take.
/// </summary>
/// <typeparam name="TModel">The fitted model.</typeparam>
/// <remarks>The ranking algorithms' form of the fit contract every learned step shares (<see cref="IFittable{TModel}"/>):
/// their models are scorers.</remarks>
public interface IRecommenderAlgorithm<out TModel> : IFittable<TModel>
    where TModel : IDenseScorer
{
    /// <summary>A short name with the options that matter, e.g. "biasedmf(f=100,e=20)".</summary>
    string Name { get; }
}
