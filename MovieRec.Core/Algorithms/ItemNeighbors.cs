namespace MovieRec.Algorithms;

/// <summary>
/// Each movie's most similar movies, at most <see cref="PerItem"/> per movie, most similar first (ties by movie index),
/// in two flat arrays (−1 ends a short list): the learned state of the item-neighbourhood rankers
/// (<see cref="ItemKnn"/>, <see cref="SequenceKnn"/>).
/// </summary>
internal sealed class ItemNeighbors
{
    private readonly int[] _items;
    private readonly float[] _similarities;

    public ItemNeighbors(int items, int perItem)
    {
        PerItem = perItem;
        _items = new int[(long)items * perItem];
        _similarities = new float[(long)items * perItem];
        Array.Fill(_items, -1);
    }

    /// <summary>Most neighbours kept per movie.</summary>
    public int PerItem { get; }

    /// <summary>Keeps the <see cref="PerItem"/> most similar of <paramref name="candidates"/> as <paramref name="item"/>'s
    /// neighbours (sorts <paramref name="candidates"/> in place). Safe to call for different movies in parallel.</summary>
    public void Keep(int item, Span<(float Similarity, int Item)> candidates)
    {
        candidates.Sort(static (a, b) => a.Similarity != b.Similarity ? b.Similarity.CompareTo(a.Similarity) : a.Item.CompareTo(b.Item));
        var row = (long)item * PerItem;
        var keep = Math.Min(PerItem, candidates.Length);
        for (var t = 0; t < keep; t++)
        {
            _items[row + t] = candidates[t].Item;
            _similarities[row + t] = candidates[t].Similarity;
        }
    }

    /// <summary>The neighbours of <paramref name="item"/>, most similar first.</summary>
    public ReadOnlySpan<int> Of(int item)
    {
        var row = _items.AsSpan((int)((long)item * PerItem), PerItem);
        var end = row.IndexOf(-1);
        return end < 0 ? row : row[..end];
    }

    /// <summary>The similarities aligned with <see cref="Of"/>.</summary>
    public ReadOnlySpan<float> SimilaritiesOf(int item) => _similarities.AsSpan((int)((long)item * PerItem), Of(item).Length);

    /// <summary>Deshpande–Karypis top-N scores: scores[j] = Σ sim(i, j) over the movies i of <paramref name="rated"/>
    /// that have j among their neighbours.</summary>
    public void Score(ReadOnlySpan<int> rated, Span<float> scores)
    {
        scores.Clear();
        foreach (var i in rated)
        {
            var neighbors = Of(i);
            var similarities = SimilaritiesOf(i);
            for (var t = 0; t < neighbors.Length; t++) scores[neighbors[t]] += similarities[t];
        }
    }

    /// <summary>The score of one movie <paramref name="target"/> (<see cref="Score(ReadOnlySpan{int}, Span{float})"/>), summed in the same order.</summary>
    public float Score(ReadOnlySpan<int> rated, int target)
    {
        var score = 0f;
        foreach (var i in rated)
        {
            var at = Of(i).IndexOf(target);
            if (at >= 0) score += SimilaritiesOf(i)[at];
        }

        return score;
    }
}
