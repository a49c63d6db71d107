namespace MovieRec.Datasets;

/// <summary>A dataset as loaded from its folder and after merging and cleaning: what every stage after loading starts from.</summary>
/// <param name="Raw">The files as read (ratings, movies, links, tags, genome), with the folder they came from.</param>
/// <param name="Clean">Ratings and movies merged with the metadata and cleaned, with the cleaning report.</param>
public sealed record PreparedDataset(MovieLensDataset Raw, CleanResult Clean)
{
    /// <summary>The cleaned ratings indexed with the cleaned movies, the tags and the genome: the one dataset every stage
    /// fits on, its splits included (<see cref="Evaluation.EvaluationProtocol.Splits(RatingDataset, int)"/>).</summary>
    public RatingDataset ToRatingDataset() => RatingDataset.From(Clean.Ratings, Clean.Movies, Raw.Tags, Raw.Genome);
}
