using Microsoft.ML;
using Microsoft.ML.Data;

namespace MovieRec.Features;

/// <summary>
/// A streaming <see cref="IDataView"/> over rows whose feature vectors are written on demand: <c>Label</c> (Boolean),
/// <c>Features</c> (vector of Single with slot names), then optional extra Single and Int32 columns. Nothing is copied up
/// front; the cursor fills one vector per row. Shared by <see cref="InteractionDataset"/> and <c>Classifiers.FeatureTable</c>.
/// </summary>
internal sealed class VectorDataView : IDataView
{
    private readonly int _rows;
    private readonly IReadOnlyList<string> _names;
    private readonly Func<int, bool> _label;
    private readonly FillRow _fill;
    private readonly (string Name, Func<int, float> Value)[] _singles;
    private readonly (string Name, Func<int, int> Value)[] _ints;

    public VectorDataView(int rows, IReadOnlyList<string> featureNames, Func<int, bool> label, FillRow fill,
        (string Name, Func<int, float> Value)[]? singles = null, (string Name, Func<int, int> Value)[]? ints = null)
    {
        _rows = rows;
        _names = featureNames;
        _label = label;
        _fill = fill;
        _singles = singles ?? [];
        _ints = ints ?? [];
        var names = featureNames.ToArray();
        var annotations = new DataViewSchema.Annotations.Builder();
        annotations.Add("SlotNames", new VectorDataViewType(TextDataViewType.Instance, names.Length), (ref VBuffer<ReadOnlyMemory<char>> value) =>
        {
            var editor = VBufferEditor.Create(ref value, names.Length);
            for (var i = 0; i < names.Length; i++) editor.Values[i] = names[i].AsMemory();
            value = editor.Commit();
        });
        var schema = new DataViewSchema.Builder();
        schema.AddColumn("Label", BooleanDataViewType.Instance);
        schema.AddColumn("Features", new VectorDataViewType(NumberDataViewType.Single, names.Length), annotations.ToAnnotations());
        foreach (var (name, _) in _singles) schema.AddColumn(name, NumberDataViewType.Single);
        foreach (var (name, _) in _ints) schema.AddColumn(name, NumberDataViewType.Int32);
        Schema = schema.ToSchema();
    }

    /// <summary>Writes row <c>row</c>'s features into <c>destination</c>.</summary>
    public delegate void FillRow(int row, Span<float> destination);

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => _rows;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new Cursor(this, columnsNeeded.Select(c => c.Index).ToHashSet());

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) => [GetRowCursor(columnsNeeded, rand)];

    private sealed class Cursor(VectorDataView view, HashSet<int> active) : DataViewRowCursor
    {
        private long _position = -1;

        public override DataViewSchema Schema => view.Schema;

        public override long Position => _position;

        public override long Batch => 0;

        public override bool MoveNext()
        {
            if (_position + 1 >= view._rows)
            {
                _position = view._rows;
                return false;
            }

            _position++;
            return true;
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() => (ref DataViewRowId value) => value = new DataViewRowId((ulong)_position, 0);

        public override bool IsColumnActive(DataViewSchema.Column column) => active.Contains(column.Index);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            var index = column.Index;
            var singles = view._singles.Length;
            Delegate getter = index switch
            {
                0 => (ValueGetter<bool>)((ref bool value) => value = view._label((int)_position)),
                1 => (ValueGetter<VBuffer<float>>)((ref VBuffer<float> value) =>
                {
                    var editor = VBufferEditor.Create(ref value, view._names.Count);
                    view._fill((int)_position, editor.Values);
                    value = editor.Commit();
                }),
                _ when index - 2 < singles => (ValueGetter<float>)((ref float value) => value = view._singles[index - 2].Value((int)_position)),
                _ when index - 2 - singles < view._ints.Length => (ValueGetter<int>)((ref int value) => value = view._ints[index - 2 - singles].Value((int)_position)),
                _ => throw new ArgumentOutOfRangeException(nameof(column)),
            };
            return getter as ValueGetter<TValue> ?? throw new InvalidOperationException($"Column '{column.Name}' is {column.Type}, not {typeof(TValue).Name}.");
        }
    }
}
