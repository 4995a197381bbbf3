namespace MLOps.Core.Drift.Columns;

/// <summary>
/// Reference and current counts over shared bins, for Jensen-Shannon, PSI, chi-square on categories and the
/// report's histograms. Numbers: <see cref="NumericBins"/> equal-width bins between the smaller minimum and
/// the larger maximum of the two sides (numpy's histogram_bin_edges on the pooled values, as Evidently does);
/// bin i holds edges[i] &lt;= v &lt; edges[i+1], the last bin also its right edge. Categories: the reference's
/// categories in its order, then those only the current has. When a side is a grid, each cell is counted in the
/// bin of its midpoint and <see cref="ReferenceRange"/>/<see cref="CurrentRange"/> give each bin's possible
/// counts (a cell a bin edge cuts may belong to either bin).
/// </summary>
internal sealed class BinnedPair
{
    /// <summary>Bins for numbers, as Evidently's PSI and Jensen-Shannon tests use.</summary>
    public const int NumericBins = 30;

    public const string OtherCategory = "(other)";

    public required long[] Reference { get; init; }

    public required long[] Current { get; init; }

    public double[]? Edges { get; init; }

    public string[]? Categories { get; init; }

    /// <summary>Per bin, the fewest and most reference values it can hold; null when the counts are exact.</summary>
    public (long[] Lo, long[] Hi)? ReferenceRange { get; init; }

    public (long[] Lo, long[] Hi)? CurrentRange { get; init; }

    /// <summary>True when categories beyond a side's top list were pooled: the statistics are then on coarser categories, with no bound.</summary>
    public bool Pooled { get; init; }

    public bool Exact => ReferenceRange is null && CurrentRange is null && !Pooled;

    public long ReferenceTotal => Sum(Reference);

    public long CurrentTotal => Sum(Current);

    public DriftHistogram ReferenceHistogram() => new(Edges, Categories, Reference);

    public DriftHistogram CurrentHistogram() => new(Edges, Categories, Current);

    private static long Sum(long[] counts)
    {
        long sum = 0;
        foreach (long count in counts)
        {
            sum += count;
        }
        return sum;
    }
}
