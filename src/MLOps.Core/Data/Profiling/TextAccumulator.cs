using MLOps.Core.Data.Schema;

namespace MLOps.Core.Data.Profiling;

/// <summary>
/// A free-text column: its count, distinct values (<see cref="DistinctCounter"/>) and the length of its
/// values in characters (UTF-16 code units, as the schema's <c>max_length</c> counts them), profiled like a
/// numeric column by a <see cref="NumericAccumulator"/> fed the lengths. No top values: free text rarely
/// repeats, so they would be a few arbitrary comments, and keeping candidates would hold thousands of long
/// strings. Values are compared whole, not by their first <see cref="ProfileOptions.MaxCategoryLength"/> characters.
/// </summary>
internal sealed class TextAccumulator : ColumnAccumulator
{
    private readonly NumericAccumulator _lengths;
    private readonly DistinctCounter _distinct;
    private long _count;

    public TextAccumulator(ColumnSchema column, ProfileOptions options, ulong seed) : base(column)
    {
        // With a max_length the length histogram spans 0..max_length, so profiles of the column bin alike
        // (and longer values land in "above"); without one it spans the observed lengths.
        var lengths = new ColumnSchema(column.Name, ColumnType.Integer, Min: 0, Max: column.MaxLength);
        _lengths = new NumericAccumulator(lengths, options, seed);
        _distinct = new DistinctCounter(options.ExactDistinctLimit);
    }

    public override long RetainedBytes => _lengths.RetainedBytes + _distinct.RetainedBytes;

    public override void AddText(ReadOnlySpan<char> value)
    {
        _count++;
        _lengths.AddNumber(value.Length);
        _distinct.Add(value);
    }

    public override ColumnProfile Finish() => Profile(_count, _distinct.Count, length: _lengths.Finish().Numeric);
}
