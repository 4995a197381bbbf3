using Microsoft.ML;
using Microsoft.ML.Data;
using MLOps.Core.Data.Readers;
using MLOps.Core.Data.Schema;

namespace MLOps.Core.Scoring;

/// <summary>
/// The cursor of a <see cref="StreamingTableView"/>: one open reader, the current record's fields parsed when a getter asks
/// for them. Values are parsed exactly as <see cref="TableLoader"/> parses them for training.
/// </summary>
internal sealed class StreamingCursor : DataViewRowCursor
{
    private readonly StreamingTableView _view;
    private readonly ITableReader _reader;
    private readonly bool[] _active;
    private readonly int[] _fields;
    private readonly Func<string?> _problem;
    private long _position = -1;
    private bool _done;

    public StreamingCursor(StreamingTableView view, ITableReader reader, bool[] active, Func<string?> problem)
    {
        _view = view;
        _reader = reader;
        _active = active;
        _problem = problem;
        _fields = new int[active.Length];
        for (int i = 0; i < active.Length; i++)
        {
            _fields[i] = active[i] ? view.FieldOf(reader, i) : -1;
        }
    }

    public override DataViewSchema Schema => _view.Schema;

    public override long Position => _done ? -1 : _position;

    public override long Batch => 0;

    public override bool IsColumnActive(DataViewSchema.Column column) => _active[column.Index];

    public override bool MoveNext()
    {
        if (_done)
        {
            return false;
        }
        if (_reader.Read())
        {
            _position++;
            return true;
        }
        _done = true;
        if (_reader.Stopped)
        {
            throw new InvalidDataException($"{_view.Path}: reading stopped early ({_problem()}). Validate the data before scoring it.");
        }
        return false;
    }

    public override ValueGetter<DataViewRowId> GetIdGetter() =>
        (ref DataViewRowId value) => value = new DataViewRowId((ulong)_position, 0);

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
    {
        if (!_active[column.Index])
        {
            throw new InvalidOperationException($"Column '{column.Name}' was not requested when the cursor was created.");
        }
        int field = _fields[column.Index];
        ColumnSchema schema = _view.Column(column.Index);
        Delegate getter = schema.Type switch
        {
            ColumnType.Integer => (ValueGetter<float>)((ref float value) => value = ValueParser.TryInteger(Field(field), out long whole) ? whole : float.NaN),
            ColumnType.Float => (ValueGetter<float>)((ref float value) => value = ValueParser.TryFloat(Field(field), out double real) ? (float)real : float.NaN),
            ColumnType.Boolean => (ValueGetter<bool>)((ref bool value) => value = ValueParser.TryBoolean(Field(field), out bool b) && b),
            ColumnType.DateTime => DateGetter(field, schema.Format),
            ColumnType.Categorical => TextGetter(field, new TextInterner()),
            _ => TextGetter(field, null),
        };
        return getter as ValueGetter<TValue>
            ?? throw new InvalidOperationException($"Column '{column.Name}' holds {column.Type.RawType.Name}, not {typeof(TValue).Name}.");
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _reader.Dispose();
        }
        base.Dispose(disposing);
    }

    // A short row leaves its last columns missing, as in training.
    private ReadOnlySpan<char> Field(int field) => field < _reader.FieldCount ? _reader[field] : [];

    // Data is often sorted by time, so consecutive rows repeat a timestamp: the last parse is reused.
    private ValueGetter<DateTime> DateGetter(int field, string? format)
    {
        string lastText = "";
        bool lastTyped = false;
        DateTime last = default;
        return (ref DateTime value) =>
        {
            ReadOnlySpan<char> text = Field(field);
            bool typed = _reader.IsTypedValue(field);
            if (!text.SequenceEqual(lastText) || typed != lastTyped)
            {
                lastText = text.ToString();
                lastTyped = typed;
                last = ValueParser.TryDateTime(text, typed ? null : format, out DateTime parsed) ? parsed : default;
            }
            value = last;
        };
    }

    private ValueGetter<ReadOnlyMemory<char>> TextGetter(int field, TextInterner? interner) =>
        (ref ReadOnlyMemory<char> value) => value = interner is null ? Field(field).ToString().AsMemory() : interner.Get(Field(field));

    /// <summary>
    /// A categorical column repeats a few values millions of times: each distinct value becomes one string, looked up by span so
    /// a value seen before costs no allocation. Bounded, so a column that is not really categorical cannot exhaust memory.
    /// </summary>
    private sealed class TextInterner
    {
        private const int MaxValues = 1 << 16;
        private readonly Dictionary<string, ReadOnlyMemory<char>>.AlternateLookup<ReadOnlySpan<char>> _values =
            new Dictionary<string, ReadOnlyMemory<char>>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

        public ReadOnlyMemory<char> Get(ReadOnlySpan<char> text)
        {
            if (_values.TryGetValue(text, out ReadOnlyMemory<char> value))
            {
                return value;
            }
            string copy = text.ToString();
            if (_values.Dictionary.Count < MaxValues)
            {
                _values.Dictionary.Add(copy, copy.AsMemory());
            }
            return copy.AsMemory();
        }
    }
}
