using MLOps.Core.Data.Readers;
using MLOps.Core.Data.Schema;

namespace MLOps.Core.Data.Profiling;

/// <summary>
/// Builds a <see cref="DataProfile"/> in the validator's single pass: feed every field of every row to one
/// <c>Observe...</c> call (by the column's index in <see cref="TableSchema.Columns"/>), then call
/// <see cref="Finish"/>. Numbers cost no allocation; strings allocate only when a value is new to a column's
/// bounded dictionary. Memory is bounded per column by <see cref="ProfileOptions"/>, never by the row count
/// (<see cref="RetainedBytes"/>). Not thread-safe: one profiler per pass.
/// </summary>
public sealed class TableProfiler
{
    private readonly ColumnAccumulator[] _columns;

    public TableProfiler(TableSchema schema, ProfileOptions? options = null)
    {
        options ??= new ProfileOptions();
        _columns = new ColumnAccumulator[schema.Columns.Count];
        for (int i = 0; i < _columns.Length; i++)
        {
            ColumnSchema column = schema.Columns[i];
            _columns[i] = column.Type switch
            {
                ColumnType.Integer or ColumnType.Float or ColumnType.DateTime => new NumericAccumulator(column, options, options.Seed + (ulong)i),
                ColumnType.Boolean => new BooleanAccumulator(column),
                ColumnType.Text => new TextAccumulator(column, options, options.Seed + (ulong)i),
                _ => new CategoryAccumulator(column, options),
            };
        }
    }

    /// <summary>Bytes held by all columns' sketches; it stops growing once each column reaches its bounds.</summary>
    public long RetainedBytes => _columns.Sum(c => c.RetainedBytes);

    /// <summary>A value of an integer or float column.</summary>
    public void ObserveNumber(int column, double value) => _columns[column].AddNumber(value);

    public void ObserveBoolean(int column, bool value) => _columns[column].AddBoolean(value);

    /// <summary>A value of a categorical column (compared by its first <see cref="ProfileOptions.MaxCategoryLength"/> chars) or a text column (whole).</summary>
    public void ObserveText(int column, ReadOnlySpan<char> value) => _columns[column].AddText(value);

    public void ObserveDateTime(int column, DateTime value) => _columns[column].AddDateTime(value);

    /// <summary>An empty field (null).</summary>
    public void ObserveMissing(int column) => _columns[column].Missing++;

    /// <summary>A field that does not parse as its column's type; the validator reports it, the profile only counts it.</summary>
    public void ObserveInvalid(int column) => _columns[column].Invalid++;

    /// <summary>
    /// Parses a field's text the way validation and training do (<see cref="ValueParser"/>) and observes it as
    /// missing, invalid or a value. Returns false when it was invalid.
    /// </summary>
    public bool ObserveField(int column, ReadOnlySpan<char> text)
    {
        ColumnAccumulator accumulator = _columns[column];
        if (text.IsEmpty)
        {
            accumulator.Missing++;
            return true;
        }
        ColumnSchema schema = accumulator.Column;
        bool parsed = true;
        switch (schema.Type)
        {
            case ColumnType.Integer when ValueParser.TryInteger(text, out long whole):
                accumulator.AddNumber(whole);
                break;
            case ColumnType.Float when ValueParser.TryFloat(text, out double number):
                accumulator.AddNumber(number);
                break;
            case ColumnType.Boolean when ValueParser.TryBoolean(text, out bool flag):
                accumulator.AddBoolean(flag);
                break;
            case ColumnType.DateTime when ValueParser.TryDateTime(text, schema.Format, out DateTime time):
                accumulator.AddDateTime(time);
                break;
            case ColumnType.Categorical:
            case ColumnType.Text:
                accumulator.AddText(text);
                break;
            default:
                accumulator.Invalid++;
                parsed = false;
                break;
        }
        return parsed;
    }

    /// <summary>The profile of everything observed; <paramref name="rows"/> is the number of data rows read.</summary>
    public DataProfile Finish(long rows) => new(DataProfile.CurrentVersion, rows, [.. _columns.Select(c => c.Finish())]);
}
