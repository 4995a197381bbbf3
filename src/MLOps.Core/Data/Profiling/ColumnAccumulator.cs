using MLOps.Core.Data.Schema;
using MLOps.Core.Diagnostics;

namespace MLOps.Core.Data.Profiling;

/// <summary>One column's running profile. Each subclass accepts the values of its column type only.</summary>
internal abstract class ColumnAccumulator(ColumnSchema column)
{
    public ColumnSchema Column { get; } = column;

    public long Missing { get; set; }

    public long Invalid { get; set; }

    /// <summary>Bytes held by the column's sketches (arrays and kept strings); bounded by the options, not the rows.</summary>
    public abstract long RetainedBytes { get; }

    public virtual void AddNumber(double value) => throw WrongType("a number");

    public virtual void AddBoolean(bool value) => throw WrongType("a boolean");

    public virtual void AddText(ReadOnlySpan<char> value) => throw WrongType("text");

    public virtual void AddDateTime(DateTime value) => throw WrongType("a date-time");

    public abstract ColumnProfile Finish();

    protected ColumnProfile Profile(long count, DistinctCount distinct, NumericProfile? numeric = null, DateTimeRange? dateTime = null, CategoryProfile? categories = null, NumericProfile? length = null) =>
        new(Column.Name, Column.Type.ToString().ToLowerInvariant(), count, Missing, Invalid, distinct, numeric, dateTime, categories, length);

    private InvalidOperationException WrongType(string given) =>
        new($"Column {Visible.Quote(Column.Name)} is {Column.Type.ToString().ToLowerInvariant()} in the schema; it cannot be profiled from {given}.");
}
