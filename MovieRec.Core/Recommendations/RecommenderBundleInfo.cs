namespace MovieRec.Recommendations;

/// <summary>What a saved recommender (<see cref="MovieRecommender.Save"/>) holds and how it was made.</summary>
/// <param name="FormatVersion">The bundle format.</param>
/// <param name="LibraryVersion">The MovieRec version that wrote it.</param>
/// <param name="DatasetFingerprint">SHA-256 (16 hex digits) of the ratings and movie IDs it was fitted on.</param>
/// <param name="Seed">The seed of every learned part.</param>
/// <param name="Ratings">Ratings fitted on.</param>
/// <param name="Users">Users.</param>
/// <param name="Movies">Movies in the catalog.</param>
/// <param name="Classifier">The ML engine's classifier, as chosen by validation (<see cref="MovieRecommender.ClassifierSelection"/>).</param>
public sealed record RecommenderBundleInfo(int FormatVersion, string LibraryVersion, string DatasetFingerprint, int Seed, int Ratings, int Users, int Movies, string Classifier);
