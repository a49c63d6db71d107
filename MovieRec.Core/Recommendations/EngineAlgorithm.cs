using Microsoft.Data.Analysis;
using MovieRec.Algorithms;
using MovieRec.Data;

namespace MovieRec.Recommendations;

/// <summary>
/// One engine of <see cref="MovieRecommender"/> as an algorithm: <see cref="Fit"/> builds the recommender on the training
/// ratings (features, the classifier chosen by validation, PureSVD, the similarity space, the hybrid's weights) and returns
/// <see cref="MovieRecommender.AsScorer"/>, so <see cref="Evaluation.Evaluator"/> measures the engine exactly as it measures
/// every other algorithm. <see cref="AlgorithmCatalog"/> names them <c>ml</c>, <c>content</c> and <c>hybrid</c>.
/// </summary>
internal sealed class EngineAlgorithm(RecommenderEngine engine, DataFrame movies, DataFrame? tags, GenomeMatrix? genome, int seed) : IRecommenderAlgorithm<IDenseScorer>
{
    public string Name => engine.ToString().ToLowerInvariant();

    public IDenseScorer Fit(RatingDataset train, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        cancellationToken.ThrowIfCancellationRequested();
        return MovieRecommender.Build(train.Movies is null ? train.WithMovies(movies, tags, genome) : train, new RecommenderOptions { Seed = seed }).ScorerFor(engine, train);
    }
}
