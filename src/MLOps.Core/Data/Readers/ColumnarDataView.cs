using Microsoft.ML;
using Microsoft.ML.Data;
using MLOps.Core.Diagnostics;

namespace MLOps.Core.Data.Readers;

/// <summary>
/// An in-memory, read-only <see cref="IDataView"/> over typed column arrays. ML.NET's own text loader
/// re-parses the file on every pass; training makes many passes, so the table is parsed once into arrays.
/// Rows come in file order (no shuffling); ML.NET shuffles or splits downstream when it needs to.
/// </summary>
internal sealed class ColumnarDataView : IDataView
{
    private readonly Column[] _columns;
    private readonly int _rowCount;

    public ColumnarDataView(IReadOnlyList<Column> columns, int rowCount)
    {
        _columns = [.. columns];
        _rowCount = rowCount;
        var builder = new DataViewSchema.Builder();
        foreach (Column column in _columns)
        {
            builder.AddColumn(column.Name, column.Type);
        }
        Schema = builder.ToSchema();
    }

    public DataViewSchema Schema { get; }

    public bool CanShuffle => false;

    public long? GetRowCount() => _rowCount;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        var active = new bool[_columns.Length];
        foreach (DataViewSchema.Column column in columnsNeeded)
        {
            active[column.Index] = true;
        }
        return new Cursor(this, active);
    }

    // One cursor is enough: the arrays are already in memory, so parallel cursors would gain little.
    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    /// <summary>One column's values, one per row, and how a cursor reads them.</summary>
    internal abstract class Column(string name, DataViewType type)
    {
        public string Name { get; } = name;

        public DataViewType Type { get; } = type;

        public abstract Delegate MakeGetter(Cursor cursor);
    }

    internal sealed class ArrayColumn<T>(string name, DataViewType type, T[] values) : Column(name, type)
    {
        public override Delegate MakeGetter(Cursor cursor) => (ValueGetter<T>)((ref T value) => value = values[cursor.Row]);
    }

    /// <summary>Strings stored as codes into their distinct values: 4 bytes a row, each distinct string once.</summary>
    internal sealed class DictionaryColumn(string name, int[] codes, ReadOnlyMemory<char>[] distinct) : Column(name, TextDataViewType.Instance)
    {
        public override Delegate MakeGetter(Cursor cursor) =>
            (ValueGetter<ReadOnlyMemory<char>>)((ref ReadOnlyMemory<char> value) => value = distinct[codes[cursor.Row]]);
    }

    internal sealed class Cursor(ColumnarDataView view, bool[] active) : DataViewRowCursor
    {
        private bool _done;

        /// <summary>The current row, as an array index.</summary>
        public int Row { get; private set; } = -1;

        public override DataViewSchema Schema => view.Schema;

        // ML.NET's convention: -1 before the first row and again once the cursor is done.
        public override long Position => _done ? -1 : Row;

        public override long Batch => 0;

        public override bool IsColumnActive(DataViewSchema.Column column) => active[column.Index];

        public override bool MoveNext()
        {
            if (!_done && Row + 1 < view._rowCount)
            {
                Row++;
                return true;
            }
            _done = true;
            return false;
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() =>
            (ref DataViewRowId value) => value = new DataViewRowId((ulong)Row, 0);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (!active[column.Index])
            {
                throw new InvalidOperationException($"Column {Visible.Quote(column.Name)} was not requested when the cursor was created.");
            }
            return view._columns[column.Index].MakeGetter(this) as ValueGetter<TValue>
                ?? throw new InvalidOperationException($"Column {Visible.Quote(column.Name)} holds {column.Type.RawType.Name}, not {typeof(TValue).Name}.");
        }
    }
}
