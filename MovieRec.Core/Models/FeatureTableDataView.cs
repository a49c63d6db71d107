using Microsoft.ML;
using Microsoft.ML.Data;

namespace MovieRec.Models;

/// <summary>A streaming <see cref="IDataView"/> over a <see cref="FeatureTable"/> (no copy up front).</summary>
internal sealed class FeatureTableDataView : IDataView
{
    private readonly FeatureTable _table;

    public FeatureTableDataView(FeatureTable table)
    {
        _table = table;
        var names = table.Names.ToArray();
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
        Schema = schema.ToSchema();
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => _table.Rows;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new Cursor(this, columnsNeeded.Select(c => c.Index).ToHashSet());

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) => [GetRowCursor(columnsNeeded, rand)];

    private sealed class Cursor(FeatureTableDataView view, HashSet<int> active) : DataViewRowCursor
    {
        private long _position = -1;

        public override DataViewSchema Schema => view.Schema;

        public override long Position => _position;

        public override long Batch => 0;

        public override bool MoveNext()
        {
            if (_position + 1 >= view._table.Rows)
            {
                _position = view._table.Rows;
                return false;
            }

            _position++;
            return true;
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() => (ref DataViewRowId value) => value = new DataViewRowId((ulong)_position, 0);

        public override bool IsColumnActive(DataViewSchema.Column column) => active.Contains(column.Index);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            var table = view._table;
            Delegate getter = column.Index switch
            {
                0 => (ValueGetter<bool>)((ref bool value) => value = table.Labels[_position]),
                1 => (ValueGetter<VBuffer<float>>)((ref VBuffer<float> value) =>
                {
                    var editor = VBufferEditor.Create(ref value, table.Columns);
                    table.Row((int)_position).CopyTo(editor.Values);
                    value = editor.Commit();
                }),
                _ => throw new ArgumentOutOfRangeException(nameof(column)),
            };
            return getter as ValueGetter<TValue> ?? throw new InvalidOperationException($"Column '{column.Name}' is {column.Type}, not {typeof(TValue).Name}.");
        }
    }
}
