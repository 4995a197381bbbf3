using MLOps.Core.Data.Schema;

namespace MLOps.Core.Data.Profiling;

/// <summary>A boolean column: how many values were true and false, reported as its two categories.</summary>
internal sealed class BooleanAccumulator(ColumnSchema column) : ColumnAccumulator(column)
{
    private long _true;
    private long _false;

    public override long RetainedBytes => 2 * sizeof(long);

    public override void AddBoolean(bool value)
    {
        if (value)
        {
            _true++;
        }
        else
        {
            _false++;
        }
    }

    public override ColumnProfile Finish()
    {
        long count = _true + _false;
        var top = new List<CategoryCount>(2);
        // Most frequent first; on a tie "false" sorts first by ordinal value.
        (string Value, long Count)[] ordered = _true > _false ? [("true", _true), ("false", _false)] : [("false", _false), ("true", _true)];
        foreach ((string value, long n) in ordered)
        {
            if (n > 0)
            {
                top.Add(new CategoryCount(value, n, (double)n / count));
            }
        }
        return Profile(count, new DistinctCount(top.Count, false), categories: new CategoryProfile(false, 0, top));
    }
}
