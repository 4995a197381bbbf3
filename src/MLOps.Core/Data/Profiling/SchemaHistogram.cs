namespace MLOps.Core.Data.Profiling;

/// <summary>Exact streaming bin counts between a range known in advance (the schema's min and max).</summary>
internal sealed class SchemaHistogram(double min, double max, int bins)
{
    private readonly long[] _counts = new long[bins];
    private long _below;
    private long _above;

    public void Add(double value)
    {
        if (value < min)
        {
            _below++;
        }
        else if (value > max)
        {
            _above++;
        }
        else
        {
            _counts[BinOf(value, min, max, bins)]++;
        }
    }

    public Histogram ToHistogram() => new("schema", false, Edges(min, max, bins), [.. _counts], _below, _above);

    /// <summary>floor((v - min) / (max - min) * bins), with max in the last bin; bin 0 when min == max.</summary>
    public static int BinOf(double value, double min, double max, int bins) =>
        max > min ? (int)Math.Min(bins - 1, (value - min) / (max - min) * bins) : 0;

    public static double[] Edges(double min, double max, int bins) =>
        [.. Enumerable.Range(0, bins + 1).Select(i => i == bins ? max : min + ((max - min) * i / bins))];
}
