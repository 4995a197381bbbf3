using System.Runtime.InteropServices;
using MLOps.Core.Data.Schema;

namespace MLOps.Core.Data.Profiling;

/// <summary>
/// A string column: value counts in one dictionary of at most <see cref="ProfileOptions.ExactDistinctLimit"/>
/// entries. Until it overflows the counts and the distinct count are exact. Then it becomes a Misra-Gries
/// summary (a new value that does not fit decrements every count, and counts that reach 0 are dropped; each
/// count is then low by at most the number of decrements) and distinct values go to a HyperLogLog.
/// Values are looked up by span, so only a value new to the dictionary allocates a string.
/// </summary>
internal sealed class CategoryAccumulator : ColumnAccumulator
{
    private readonly ProfileOptions _options;
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly char[] _run;
    private int _runLength;
    private long _runCount;
    private HyperLogLog? _hll;
    private long _decrements;
    private long _count;

    public CategoryAccumulator(ColumnSchema column, ProfileOptions options) : base(column)
    {
        _options = options;
        _lookup = _counts.GetAlternateLookup<ReadOnlySpan<char>>();
        _run = new char[options.MaxCategoryLength];
    }

    // Each entry: the string (about 22 bytes + 2 a char), the dictionary entry (24) and its bucket (4).
    public override long RetainedBytes =>
        (_run.Length * sizeof(char)) + (_hll is null ? 0 : HyperLogLog.RetainedBytes) + _counts.Keys.Sum(k => 50L + (2 * k.Length));

    public override void AddText(ReadOnlySpan<char> value)
    {
        _count++;
        if (value.Length > _run.Length)
        {
            value = value[.._run.Length];
        }
        if (_runCount > 0 && value.SequenceEqual(_run.AsSpan(0, _runLength)))
        {
            _runCount++;
            return;
        }
        FlushRun();
        value.CopyTo(_run);
        _runLength = value.Length;
        _runCount = 1;
    }

    private void FlushRun()
    {
        if (_runCount == 0)
        {
            return;
        }
        ReadOnlySpan<char> value = _run.AsSpan(0, _runLength);
        long remaining = _runCount;
        _runCount = 0;
        _hll?.Add(value);
        ref long slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_lookup, value, out bool exists);
        if (exists || _counts.Count <= _options.ExactDistinctLimit)
        {
            slot += remaining;
            return;
        }
        _lookup.Remove(value);
        if (_hll is null)
        {
            _hll = new HyperLogLog();
            foreach (string key in _counts.Keys)
            {
                _hll.Add(key);
            }
            _hll.Add(value);
        }
        while (remaining > 0 && _counts.Count >= _options.ExactDistinctLimit)
        {
            DecrementAll();
            remaining--;
        }
        if (remaining > 0)
        {
            _lookup[value] = remaining;
        }
    }

    private void DecrementAll()
    {
        _decrements++;
        foreach (string key in _counts.Keys)
        {
            ref long count = ref CollectionsMarshal.GetValueRefOrNullRef(_counts, key);
            if (--count == 0)
            {
                _counts.Remove(key); // Removing while enumerating is allowed for Dictionary.
            }
        }
    }

    public override ColumnProfile Finish()
    {
        FlushRun();
        DistinctCount distinct = _hll is null ? new(_counts.Count, false) : new(_hll.Estimate(), true);
        CategoryCount[] top =
        [
            .. _counts
                .OrderByDescending(e => e.Value).ThenBy(e => e.Key, StringComparer.Ordinal)
                .Take(_options.TopCategories)
                .Select(e => new CategoryCount(e.Key, e.Value, (double)e.Value / _count)),
        ];
        return Profile(_count, distinct, categories: new CategoryProfile(_decrements > 0, _decrements, top));
    }
}
