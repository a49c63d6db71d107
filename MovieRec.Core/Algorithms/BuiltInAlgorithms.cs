using static System.FormattableString;

namespace MovieRec.Algorithms;

/// <summary>The collaborative-filtering algorithms by name: the part of <c>AlgorithmRegistry</c> (Recommendations) that the
/// blends resolve their component names through, below the engines the registry adds.</summary>
internal static class BuiltInAlgorithms
{
    /// <summary>The tuned biased-MF options: the best RMSE of a 24-candidate grid search (5-fold CV, ml-latest-small).</summary>
    public static BiasedMFOptions TunedBiasedMF { get; } = new() { Factors = 64, Epochs = 25, LearningRate = 0.015, Regularization = 0.08 };

    /// <summary>The sequence k-NN options that are best inside <see cref="Blend"/>: the blend's <c>AlgorithmRegistry.TuningGrid</c>
    /// (window 50/200, decay 0.5/1, normalization 0.4/0.5, 200/400 neighbours for its seqknn-blend component), scored on a
    /// validation split of the recommenders protocol's training part (ml-latest-small), with <c>ease-sessions</c> among the
    /// components. Alone, <see cref="SequenceKnnOptions.Defaults"/> rank better.</summary>
    public static SequenceKnnOptions BlendSequenceKnn { get; } = new() { Window = 50, Decay = 1, Normalization = 0.5, Neighbors = 200 };

    /// <summary>The EASE options with sessions (<see cref="EaseOptions.SessionLength"/>) that are best on validation: the
    /// <c>ease-sessions</c> <c>AlgorithmRegistry.TuningGrid</c> (sessions of 5/10/20/40 ratings, γ 1/2/4, λ 250/500/750/1000, the
    /// 1,500 most-rated movies), scored on a validation split of the recommenders protocol's training part
    /// (ml-latest-small; <c>movierec tune --algorithm ease-sessions</c>).</summary>
    public static EaseOptions SessionEase { get; } = new() { SessionLength = 20, SessionWeight = 2, Regularization = 750 };

    /// <summary>Every name with what it creates.</summary>
    public static IReadOnlyDictionary<string, string> Descriptions { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["globalmean"] = "the training mean for every rating",
        ["bias"] = "μ + b_u + b_i by ALS (Surprise BaselineOnly defaults)",
        ["popular"] = "most rated movies first (top-N only)",
        ["biasedmf"] = "biased MF / Funk SVD with Surprise's SVD defaults (100 factors, 20 epochs, lr 0.005, reg 0.02)",
        ["biasedmf-tuned"] = "biased MF with 64 factors, 25 epochs, lr 0.015, reg 0.08",
        ["puresvd"] = "PureSVD of the user-mean-centred matrix, 50 factors",
        ["puresvd-raw"] = "PureSVD of the raw matrix (the top-N variant), 50 factors",
        ["itemknn"] = "item k-NN, cosine, 40 neighbours, shrinkage 25",
        ["ease"] = Invariant($"EASE^R closed-form item-item autoencoder (Steck 2019), λ {EaseOptions.Defaults.Regularization}, the {EaseOptions.Defaults.MaxItems:N0} most-rated movies"),
        ["ease-sessions"] = Invariant($"EASE^R whose Gram matrix also counts each user's sessions ({SessionEase.SessionLength} consecutive ratings in time order) with weight {SessionEase.SessionWeight}, λ {SessionEase.Regularization}, the {SessionEase.MaxItems:N0} most-rated movies"),
        ["als"] = Invariant($"implicit ALS (Hu et al. 2008) with conjugate-gradient updates (Takács et al. 2011), {ImplicitAlsOptions.Defaults.Factors} factors, λ {ImplicitAlsOptions.Defaults.Regularization}, α {ImplicitAlsOptions.Defaults.Alpha}"),
        ["bpr"] = Invariant($"BPR-MF (Rendle et al. 2009), {BprOptions.Defaults.Factors} factors, {BprOptions.Defaults.Epochs} epochs, λ {BprOptions.Defaults.Regularization}, uniformly sampled negatives"),
        ["seqknn"] = Invariant($"item k-NN over time-adjacent ratings (session-based k-NN, Ludewig & Jannach 2018): window {SequenceKnnOptions.Defaults.Window}, decay d^-{SequenceKnnOptions.Defaults.Decay}, normalization (n_i n_j)^{SequenceKnnOptions.Defaults.Normalization}, {SequenceKnnOptions.Defaults.Neighbors} neighbours"),
        ["seqknn-blend"] = "seqknn with the options best inside the blend: window 50, decay d^-1, normalization (n_i n_j)^0.5, 200 neighbours",
        ["blend"] = "a blend of ease-sessions, seqknn-blend, als, itemknn and popular, standardized per user, weights tuned for NDCG@10 on a validation split of training",
        ["ratingblend"] = "linear stacking of biasedmf-tuned, svd++, itemknn and bias (rating prediction), weights by ridge regression on a validation split of training",
        ["svd++"] = Invariant($"SVD++ (Koren 2008) with Surprise's SVDpp defaults ({SvdPlusPlusOptions.Defaults.Factors} factors, {SvdPlusPlusOptions.Defaults.Epochs} epochs, lr {SvdPlusPlusOptions.Defaults.LearningRate}, reg {SvdPlusPlusOptions.Defaults.Regularization})"),
    };

    /// <summary>Creates the algorithm named <paramref name="name"/> with <paramref name="seed"/>.</summary>
    /// <exception cref="ArgumentException">Unknown name (the message lists the known ones).</exception>
    public static IRecommenderAlgorithm<IDenseScorer> Create(string name, int seed = 42) => name switch
    {
        "globalmean" => new GlobalMean(),
        "bias" => new Bias(),
        "popular" => new MostPopular(),
        "biasedmf" => new BiasedMF(new BiasedMFOptions { Seed = seed }),
        "biasedmf-tuned" => new BiasedMF(TunedBiasedMF with { Seed = seed }),
        "puresvd" => new PureSvd(new PureSvdOptions { Seed = seed }),
        "puresvd-raw" => new PureSvd(new PureSvdOptions { CenterByUserMean = false, Seed = seed }),
        "itemknn" => new ItemKnn(),
        "ease" => new Ease(),
        "ease-sessions" => new Ease(SessionEase),
        "seqknn" => new SequenceKnn(),
        "seqknn-blend" => new SequenceKnn(BlendSequenceKnn),
        "als" => new ImplicitAls(new ImplicitAlsOptions { Seed = seed }),
        "bpr" => new Bpr(new BprOptions { Seed = seed }),
        "blend" => new Blend(new BlendOptions { Seed = seed }),
        "svd++" => new SvdPlusPlus(new SvdPlusPlusOptions { Seed = seed }),
        "ratingblend" => new RatingBlend(new RatingBlendOptions { Seed = seed }),
        _ => throw new ArgumentException($"Unknown algorithm '{name}'. Known: {string.Join(", ", Descriptions.Keys)}.", nameof(name)),
    };
}
