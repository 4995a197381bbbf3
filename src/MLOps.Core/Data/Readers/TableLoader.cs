using Microsoft.ML;
using Microsoft.ML.Data;
using MLOps.Core.Data.Schema;
using MLOps.Core.Diagnostics;

namespace MLOps.Core.Data.Readers;

/// <summary>
/// Reads the requested columns of a data file (CSV, Parquet or JSON Lines: see <see cref="TableReader"/>), or of a folder
/// of them as one table, into typed in-memory columns and exposes them as an ML.NET <see cref="IDataView"/>: integer and float as <see cref="float"/> (missing: NaN), string as text
/// (missing: empty), datetime as <see cref="DateTime"/> (missing: default), boolean as <see cref="bool"/>.
/// The file is expected to be validated already; a value that still does not parse is read as missing.
/// A requested column the schema does not declare is a caller bug (<see cref="ArgumentException"/>); one the
/// header lacks, or a file whose reading stops early (corrupt, not UTF-8), means validation was skipped (<see cref="InvalidDataException"/>).
/// A typed datetime (a Parquet timestamp) is taken as it is; the schema's format applies to text only.
/// </summary>
public static class TableLoader
{
    public static IDataView Load(MLContext ml, string dataPath, TableSchema schema, IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(ml);
        string? problem = null;
        string part = ""; // A folder's problems name the part they are in.
        using ITableReader reader = TableReader.Open(dataPath, (code, message, location, field) => problem ??= $"{code} at {part}{location}: {message}",
            new TableReaderOptions { Columns = columns }, file => part = $"{Path.GetFileName(file)}:");
        var header = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < reader.Columns.Count; i++)
        {
            header.TryAdd(reader.Columns[i], i); // The first of duplicate names wins, as in validation.
        }

        Builder[] builders = [.. columns.Select(name => Create(
            schema.Find(name) ?? throw new ArgumentException($"Column {Visible.Quote(name)} is not in the schema {schema.SourcePath}.", nameof(columns)),
            header.TryGetValue(name, out int field) ? field : throw new InvalidDataException($"{dataPath}: the header has no column {Visible.Quote(name)}. Validate the data before loading it.")))];

        int rows = 0;
        while (reader.Read())
        {
            foreach (Builder builder in builders)
            {
                // A short row leaves its last columns missing rather than failing the load.
                if (builder.Field < reader.FieldCount)
                {
                    builder.Add(reader[builder.Field], reader.IsTypedValue(builder.Field));
                }
                else
                {
                    builder.Add([], typed: false);
                }
            }
            rows++;
        }
        if (reader.Stopped)
        {
            throw new InvalidDataException($"{dataPath}: reading stopped early ({problem}). Validate the data before loading it.");
        }
        return new ColumnarDataView([.. builders.Select(b => b.Build())], rows);
    }

    private static Builder Create(ColumnSchema column, int field) => column.Type switch
    {
        ColumnType.Integer or ColumnType.Float => new NumberBuilder(column, field),
        ColumnType.DateTime => new DateTimeBuilder(column, field),
        ColumnType.Boolean => new BooleanBuilder(column, field),
        _ => new StringBuilder(column, field),
    };

    private abstract class Builder(ColumnSchema column, int field)
    {
        public int Field { get; } = field;

        protected ColumnSchema Column { get; } = column;

        /// <summary>Adds a value: <paramref name="typed"/> when the reader rendered a typed value (see <see cref="ITableReader.IsTypedValue"/>).</summary>
        public abstract void Add(ReadOnlySpan<char> text, bool typed);

        public abstract ColumnarDataView.Column Build();
    }

    private sealed class NumberBuilder(ColumnSchema column, int field) : Builder(column, field)
    {
        private readonly List<float> _values = [];

        public override void Add(ReadOnlySpan<char> text, bool typed) => _values.Add(
            Column.Type == ColumnType.Integer
                ? ValueParser.TryInteger(text, out long whole) ? whole : float.NaN
                : ValueParser.TryFloat(text, out double real) ? (float)real : float.NaN);

        public override ColumnarDataView.Column Build() =>
            new ColumnarDataView.ArrayColumn<float>(Column.Name, NumberDataViewType.Single, [.. _values]);
    }

    private sealed class BooleanBuilder(ColumnSchema column, int field) : Builder(column, field)
    {
        private readonly List<bool> _values = [];

        public override void Add(ReadOnlySpan<char> text, bool typed) => _values.Add(ValueParser.TryBoolean(text, out bool value) && value);

        public override ColumnarDataView.Column Build() =>
            new ColumnarDataView.ArrayColumn<bool>(Column.Name, BooleanDataViewType.Instance, [.. _values]);
    }

    private sealed class DateTimeBuilder(ColumnSchema column, int field) : Builder(column, field)
    {
        private readonly List<DateTime> _values = [];
        private string _lastText = "";
        private DateTime _lastValue;
        private bool _lastTyped;

        // Data is often sorted by time, so consecutive rows repeat a timestamp: reuse the last parse.
        public override void Add(ReadOnlySpan<char> text, bool typed)
        {
            if (!text.SequenceEqual(_lastText) || typed != _lastTyped)
            {
                _lastText = text.ToString();
                _lastTyped = typed;
                _lastValue = ValueParser.TryDateTime(text, typed ? null : Column.Format, out DateTime value) ? value : default;
            }
            _values.Add(_lastValue);
        }

        public override ColumnarDataView.Column Build() =>
            new ColumnarDataView.ArrayColumn<DateTime>(Column.Name, DateTimeDataViewType.Instance, [.. _values]);
    }

    /// <summary>Interns values: categorical columns repeat a few strings millions of times.</summary>
    private sealed class StringBuilder(ColumnSchema column, int field) : Builder(column, field)
    {
        private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _codes =
            new Dictionary<string, int>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        private readonly List<ReadOnlyMemory<char>> _distinct = [];
        private readonly List<int> _rows = [];

        public override void Add(ReadOnlySpan<char> text, bool typed)
        {
            // Looked up by span, so a value seen before costs no allocation.
            if (!_codes.TryGetValue(text, out int code))
            {
                string value = text.ToString();
                code = _distinct.Count;
                _codes.Dictionary.Add(value, code);
                _distinct.Add(value.AsMemory());
            }
            _rows.Add(code);
        }

        public override ColumnarDataView.Column Build() =>
            new ColumnarDataView.DictionaryColumn(Column.Name, [.. _rows], [.. _distinct]);
    }
}
