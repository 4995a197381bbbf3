using System.Globalization;
using System.Runtime.InteropServices;
using MLOps.Core.Data.Schema;

namespace MLOps.Core.Data.Profiling;

/// <summary>
/// A numeric or date-time column (date-times as days since 1970-01-01). Per value: Welford mean/variance,
/// min/max, a reservoir sample, a histogram (schema range) or fine grid (observed range), and either an
/// exact value count (while distinct values fit the limit) or a HyperLogLog. Repeated values (sorted or
/// low-cardinality columns) are counted as runs, so they skip the dictionary and the hash.
/// </summary>
internal sealed class NumericAccumulator : ColumnAccumulator
{
    private static readonly long EpochTicks = new DateTime(1970, 1, 1).Ticks;

    private readonly ProfileOptions _options;
    private readonly ReservoirSample _sample;
    private readonly SchemaHistogram? _schemaHistogram;
    private readonly FineGrid? _grid;
    private Dictionary<double, long>? _exact = [];
    private HyperLogLog? _hll;
    private double _runValue;
    private long _runLength;
    private long _count;
    private double _mean;
    private double _m2;
    private double _min = double.PositiveInfinity;
    private double _max = double.NegativeInfinity;

    public NumericAccumulator(ColumnSchema column, ProfileOptions options, ulong seed) : base(column)
    {
        _options = options;
        _sample = new ReservoirSample(options.SampleSize, seed);
        if (column is { Min: double lo, Max: double hi } && hi > lo && column.Type != ColumnType.DateTime)
        {
            _schemaHistogram = new SchemaHistogram(lo, hi, options.HistogramBins);
        }
        else
        {
            _grid = new FineGrid();
        }
    }

    public override long RetainedBytes =>
        _sample.RetainedBytes + (_grid is null ? 0 : FineGrid.RetainedBytes) + (_options.HistogramBins * sizeof(long))
        + (_hll is null ? 0 : HyperLogLog.RetainedBytes) + ((_exact?.Count ?? 0) * 28L);

    public override void AddDateTime(DateTime value) => AddNumber((value.Ticks - EpochTicks) / (double)TimeSpan.TicksPerDay);

    public override void AddNumber(double value)
    {
        _count++;
        double delta = value - _mean;
        _mean += delta / _count;
        _m2 += delta * (value - _mean);
        if (value < _min)
        {
            _min = value;
        }
        if (value > _max)
        {
            _max = value;
        }
        if (value != _runValue || _runLength == 0)
        {
            FlushRun();
            _runValue = value;
        }
        _runLength++;
        _sample.Add(value);
        if (_schemaHistogram is { } histogram)
        {
            histogram.Add(value);
        }
        else
        {
            _grid!.Add(value);
        }
    }

    private void FlushRun()
    {
        if (_runLength == 0)
        {
            return;
        }
        if (_exact is { } exact)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(exact, _runValue, out _) += _runLength;
            if (exact.Count > _options.ExactDistinctLimit)
            {
                _hll = new HyperLogLog();
                foreach (double value in exact.Keys)
                {
                    _hll.Add(value);
                }
                _exact = null;
            }
        }
        else
        {
            _hll!.Add(_runValue);
        }
        _runLength = 0;
    }

    public override ColumnProfile Finish()
    {
        FlushRun();
        DistinctCount distinct = _exact is { } exact ? new(exact.Count, false) : new(_hll!.Estimate(), true);
        if (_count == 0)
        {
            return Profile(0, distinct);
        }
        double[] values;
        long[]? weights = null;
        if (_exact is not null)
        {
            values = [.. _exact.Keys];
            Array.Sort(values);
            weights = [.. values.Select(v => _exact[v])];
        }
        else
        {
            values = _sample.Sorted();
        }
        double[] q = [.. Quantiles.Levels.Select(p => NearestRank(values, weights, p))];
        var quantiles = new Quantiles(_exact is null && !_sample.IsComplete, q[0], q[1], q[2], q[3], q[4], q[5], q[6]);
        double stdDev = _count > 1 ? Math.Sqrt(_m2 / (_count - 1)) : 0;
        var numeric = new NumericProfile(_min, _max, _mean, stdDev, quantiles, BuildHistogram(values, weights));
        DateTimeRange? range = Column.Type == ColumnType.DateTime ? new(FromDays(_min), FromDays(q[3]), FromDays(_max)) : null;
        return Profile(_count, distinct, numeric, range);
    }

    private Histogram BuildHistogram(double[] values, long[]? weights)
    {
        if (_schemaHistogram is { } schema)
        {
            return schema.ToHistogram();
        }
        int bins = _options.HistogramBins;
        long[] counts;
        bool exact = weights is not null || _sample.IsComplete;
        if (exact || !_grid!.Usable)
        {
            counts = new long[bins];
            for (int i = 0; i < values.Length; i++)
            {
                counts[SchemaHistogram.BinOf(values[i], _min, _max, bins)] += weights?[i] ?? 1;
            }
        }
        else
        {
            counts = _grid.Bin(bins);
        }
        return new Histogram("observed", !exact, SchemaHistogram.Edges(_min, _max, bins), counts, 0, 0);
    }

    // The smallest value with at least a fraction p of all values at or below it.
    private static double NearestRank(double[] sorted, long[]? weights, double p)
    {
        long total = weights?.Sum() ?? sorted.Length;
        long rank = Math.Max(1, (long)Math.Ceiling(p * total));
        if (weights is null)
        {
            return sorted[rank - 1];
        }
        long seen = 0;
        for (int i = 0; i < sorted.Length; i++)
        {
            seen += weights[i];
            if (seen >= rank)
            {
                return sorted[i];
            }
        }
        return sorted[^1];
    }

    private static string FromDays(double days)
    {
        long ticks = EpochTicks + (long)Math.Round(days * TimeSpan.TicksPerDay);
        ticks = Math.Clamp(ticks, DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks);
        return new DateTime(ticks).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
    }
}
