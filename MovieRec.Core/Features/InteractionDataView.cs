using Microsoft.ML;
using Microsoft.ML.Data;

namespace MovieRec.Features;

/// <summary>A streaming <see cref="IDataView"/> over an <see cref="InteractionDataset"/>.</summary>
internal sealed class InteractionDataView : IDataView
{
    private readonly InteractionDataset _data;

    public InteractionDataView(InteractionDataset data)
    {
        _data = data;
        var names = data.FeatureNames.ToArray();
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
        schema.AddColumn("Rating", NumberDataViewType.Single);
        schema.AddColumn("UserId", NumberDataViewType.Int32);
        schema.AddColumn("MovieId", NumberDataViewType.Int32);
        Schema = schema.ToSchema();
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => _data.Count;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new Cursor(this, columnsNeeded.Select(c => c.Index).ToHashSet());

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    private sealed class Cursor : DataViewRowCursor
    {
        private readonly InteractionDataView _view;
        private readonly HashSet<int> _active;
        private long _position = -1;

        public Cursor(InteractionDataView view, HashSet<int> active)
        {
            _view = view;
            _active = active;
        }

        public override DataViewSchema Schema => _view.Schema;

        public override long Position => _position;

        public override long Batch => 0;

        public override bool MoveNext()
        {
            if (_position + 1 >= _view._data.Count)
            {
                _position = _view._data.Count;
                return false;
            }

            _position++;
            return true;
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() => (ref DataViewRowId value) => value = new DataViewRowId((ulong)_position, 0);

        public override bool IsColumnActive(DataViewSchema.Column column) => _active.Contains(column.Index);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            var data = _view._data;
            Delegate getter = column.Index switch
            {
                0 => (ValueGetter<bool>)((ref bool value) => value = data.Likes[(int)_position]),
                1 => (ValueGetter<VBuffer<float>>)((ref VBuffer<float> value) =>
                {
                    var editor = VBufferEditor.Create(ref value, data.FeatureNames.Count);
                    data.FillFeatures((int)_position, editor.Values);
                    value = editor.Commit();
                }),
                2 => (ValueGetter<float>)((ref float value) => value = data.Ratings[(int)_position]),
                3 => (ValueGetter<int>)((ref int value) => value = data.UserIds[(int)_position]),
                4 => (ValueGetter<int>)((ref int value) => value = data.MovieIds[(int)_position]),
                _ => throw new ArgumentOutOfRangeException(nameof(column)),
            };
            return getter as ValueGetter<TValue> ?? throw new InvalidOperationException($"Column '{column.Name}' is {column.Type}, not {typeof(TValue).Name}.");
        }
    }
}
