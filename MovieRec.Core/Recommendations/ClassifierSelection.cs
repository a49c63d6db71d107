using MovieRec.Evaluation;

namespace MovieRec.Recommendations;

/// <summary>
/// How the ML engine's classifier was chosen: each candidate's ROC-AUC and average precision on a validation split carved
/// from the training ratings, and the winner.
/// </summary>
/// <remarks>
/// A random <see cref="LikeRankerOptions.ValidationFraction"/> of each user's training ratings is held out; the features
/// are refitted on the rest (the text and genome models are reused: they do not depend on ratings), every candidate is
/// trained on its leave-one-out rows and scored on the held-out rows. The candidate with the highest ROC-AUC wins (ties:
/// the earlier candidate). Nothing here sees a test rating: callers pass training ratings only.
/// </remarks>
/// <param name="Scores">One row per candidate, in the order given.</param>
/// <param name="Chosen">The winner.</param>
public sealed record ClassifierSelection(IReadOnlyList<CandidateScore> Scores, ClassifierCandidate Chosen)
{
    /// <summary>Scores every candidate on a validation split of <paramref name="train"/> and picks the best.</summary>
    /// <param name="train">The dataset the recommender is fitted on (never test ratings), with its movies table.</param>
    /// <param name="features">The feature model fitted on all of <paramref name="train"/>; its text and genome models are reused.</param>
    /// <param name="options">Candidates, validation fraction and seed.</param>
    public static ClassifierSelection Run(RatingDataset train, FeatureModel features, LikeRankerOptions options)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Classifiers.Count == 0) throw new ArgumentException("The options' Classifiers is empty: the ML engine needs at least one classifier.", nameof(options));
        if (options.Classifiers.Count == 1) return Single(options.Classifiers[0]);
        return Run(ValidationFold(train, features, options), options).Selection;
    }

    /// <summary>The validation split of <paramref name="train"/> as a one-fold <see cref="RatingFolds"/>:
    /// <see cref="LikeRankerOptions.ValidationFraction"/> of each user's ratings held out, the features refitted on the rest
    /// (reusing <paramref name="features"/>' text and genome embeddings).</summary>
    internal static RatingFolds ValidationFold(RatingDataset train, FeatureModel features, LikeRankerOptions options)
    {
        train.RequireMovies("The classifier selection");
        return RatingFolds.HoldOut(train, options.PartFeatures, features, options.ValidationFraction, options.Seed);
    }

    /// <summary>The selection without validation: the only candidate.</summary>
    internal static ClassifierSelection Single(ClassifierCandidate candidate) =>
        new([new CandidateScore(candidate.Name, candidate.Kind.ToString(), candidate.Options.Describe(), double.NaN, double.NaN)], candidate);

    /// <summary>Trains every candidate on the validation fold's training part and scores it on its held-out ratings (the
    /// loop of the searches, <see cref="ClassifierSearch"/>, read for ROC-AUC and average precision); returns the selection
    /// and the winner as trained there; <paramref name="cancellationToken"/> is checked before and inside every fit.</summary>
    internal static (ClassifierSelection Selection, TrainedClassifier Inner) Run(RatingFolds validation, LikeRankerOptions options, CancellationToken cancellationToken = default)
    {
        var candidates = options.Classifiers;
        var scores = new CandidateScore[candidates.Count];
        var models = new TrainedClassifier[candidates.Count];
        ClassifierSearch.Evaluate([.. candidates.Select(c => options.Classifier(c.Options))], validation, (c, _, model, table, p) =>
        {
            models[c] = model;
            scores[c] = new CandidateScore(candidates[c].Name, candidates[c].Kind.ToString(), candidates[c].Options.Describe(),
                ClassificationMetrics.RocAuc(table.Labels, p), ClassificationMetrics.AveragePrecision(table.Labels, p));
        }, cancellationToken);
        var best = 0;
        for (var c = 1; c < candidates.Count; c++)
        {
            if (scores[c].ValidationAuc > scores[best].ValidationAuc) best = c;
        }

        var selection = candidates.Count == 1 ? Single(candidates[0]) : new ClassifierSelection(scores, candidates[best]);
        return (selection, models[best]);
    }

    /// <summary>The scores as a table: candidate, kind, parameters, validationAuc, validationAveragePrecision, chosen.</summary>
    public DataFrame ToDataFrame() => new(
        new StringDataFrameColumn("candidate", Scores.Select(s => s.Candidate)),
        new StringDataFrameColumn("kind", Scores.Select(s => s.Kind)),
        new StringDataFrameColumn("parameters", Scores.Select(s => s.Parameters)),
        new DoubleDataFrameColumn("validationAuc", Scores.Select(s => s.ValidationAuc)),
        new DoubleDataFrameColumn("validationAveragePrecision", Scores.Select(s => s.ValidationAveragePrecision)),
        new BooleanDataFrameColumn("chosen", Scores.Select(s => s.Candidate == Chosen.Name)));
}
