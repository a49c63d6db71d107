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
    /// neighbours: a heap of the best so far with the least of them at its root, so a candidate that does not enter costs
    /// one comparison (c candidates: about c comparisons and a few k log k, instead of a sort's c log c), then the heap
    /// sorted in place. The same row as sorting all candidates, since the order is total. Safe to call for different
    /// movies in parallel.</summary>
    public void Keep(int item, ReadOnlySpan<(float Similarity, int Item)> candidates)
    {
        if (PerItem == 0) return; // no neighbours kept: the heap below needs a root
        var start = (int)((long)item * PerItem);
        var items = _items.AsSpan(start, PerItem);
        var similarities = _similarities.AsSpan(start, PerItem);
        var count = 0;
        foreach (var (similarity, candidate) in candidates)
        {
            if (count < PerItem)
            {
                // Sift the newcomer up while it is less than its parent.
                var at = count++;
                for (; at > 0 && Precedes(similarities[(at - 1) / 2], items[(at - 1) / 2], similarity, candidate); at = (at - 1) / 2)
                {
                    similarities[at] = similarities[(at - 1) / 2];
                    items[at] = items[(at - 1) / 2];
                }

                similarities[at] = similarity;
                items[at] = candidate;
            }
            else if (Precedes(similarity, candidate, similarities[0], items[0]))
            {
                SiftDown(similarities, items, similarity, candidate, count);
            }
        }

        // Heap sort: move the least to the end, one by one, so the row ends most similar first.
        for (var end = count - 1; end > 0; end--)
        {
            var (s, i) = (similarities[end], items[end]);
            similarities[end] = similarities[0];
            items[end] = items[0];
            SiftDown(similarities, items, s, i, end);
        }
    }

    /// <summary>Puts (<paramref name="similarity"/>, <paramref name="item"/>) at the root of the heap of the first
    /// <paramref name="count"/> entries and sifts it down below every entry it precedes.</summary>
    private static void SiftDown(Span<float> similarities, Span<int> items, float similarity, int item, int count)
    {
        var at = 0;
        while (true)
        {
            var child = (2 * at) + 1;
            if (child >= count) break;
            if (child + 1 < count && Precedes(similarities[child], items[child], similarities[child + 1], items[child + 1])) child++;
            if (!Precedes(similarity, item, similarities[child], items[child])) break;
            similarities[at] = similarities[child];
            items[at] = items[child];
            at = child;
        }

        similarities[at] = similarity;
        items[at] = item;
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

    /// <summary>The row order: higher similarity first (<see cref="float.CompareTo(float)"/>), ties by lower movie index.</summary>
    private static bool Precedes(float similarity, int item, float otherSimilarity, int otherItem)
    {
        var c = similarity.CompareTo(otherSimilarity);
        return c != 0 ? c > 0 : item < otherItem;
    }
}
