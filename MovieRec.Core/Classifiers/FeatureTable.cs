using Microsoft.ML;

namespace MovieRec.Classifiers;

/// <summary>A materialized feature matrix (rows × columns, row-major float32) with binary labels: what classifiers train on.</summary>
public sealed class FeatureTable
{
    /// <summary>Creates a table; arrays are taken, not copied.</summary>
    /// <exception cref="ArgumentException">Sizes disagree, or a feature is NaN or infinite (the message names row and feature).</exception>
    public FeatureTable(float[] values, bool[] labels, IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(names);
        if (names.Count == 0 || values.Length != labels.Length * names.Count)
        {
            throw new ArgumentException($"{values.Length} values do not make {labels.Length} rows of {names.Count} features.", nameof(values));
        }

        for (var i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                throw new ArgumentException($"Feature '{names[i % names.Count]}' of row {i / names.Count} is {values[i]}: features must be finite numbers.", nameof(values));
            }
        }

        Values = values;
        Labels = labels;
        Names = names;
    }

    /// <summary>Row-major values.</summary>
    public float[] Values { get; }

    /// <summary>One label per row.</summary>
    public bool[] Labels { get; }

    /// <summary>Feature names.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Rows.</summary>
    public int Rows => Labels.Length;

    /// <summary>Features per row.</summary>
    public int Columns => Names.Count;

    /// <summary>Row <paramref name="row"/>'s features.</summary>
    public ReadOnlySpan<float> Row(int row) => Values.AsSpan(row * Columns, Columns);

    /// <summary>Materializes an interaction dataset.</summary>
    public static FeatureTable From(InteractionDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var d = data.FeatureNames.Count;
        var values = new float[data.Count * d];
        for (var i = 0; i < data.Count; i++) data.FillFeatures(i, values.AsSpan(i * d, d));
        return new FeatureTable(values, [.. data.Likes], data.FeatureNames);
    }

    /// <summary>The rows at <paramref name="rows"/>, in that order.</summary>
    public FeatureTable Subset(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var values = new float[rows.Count * Columns];
        var labels = new bool[rows.Count];
        for (var r = 0; r < rows.Count; r++)
        {
            Row(rows[r]).CopyTo(values.AsSpan(r * Columns, Columns));
            labels[r] = Labels[rows[r]];
        }

        return new FeatureTable(values, labels, Names);
    }

    /// <summary>The table as an ML.NET view: Label (Boolean), Features (vector with slot names).</summary>
    public IDataView AsDataView() => new VectorDataView(Rows, Names, i => Labels[i], (i, destination) => Row(i).CopyTo(destination));
}
