namespace MLOps.Core.Drift.Columns;

/// <summary>
/// One side of a numeric comparison as a weighted sorted sample: the exact distinct values with their counts,
/// or, for a grid, the midpoints of its non-empty cells (each value moved at most half a cell). For the KS
/// bracket it also knows the CDF as steps: on segment j, [Points[j], Points[j+1]), F lies in [Lo[j], Hi[j]];
/// below Points[0] F is 0. Exact values give Lo = Hi; a grid gives the counts below the cell's two edges.
/// </summary>
internal sealed class NumericSide
{
    private NumericSide(double[] values, long[] counts, long total, double halfWidth, double[] points, double[] lo, double[] hi)
    {
        Values = values;
        Counts = counts;
        Total = total;
        HalfWidth = halfWidth;
        Points = points;
        Lo = lo;
        Hi = hi;
    }

    public double[] Values { get; }

    public long[] Counts { get; }

    public long Total { get; }

    /// <summary>How far a value may be from the one it stands for: 0 when exact, half a cell for a grid.</summary>
    public double HalfWidth { get; }

    public bool Exact => HalfWidth == 0;

    public double[] Points { get; }

    public double[] Lo { get; }

    public double[] Hi { get; }

    public static NumericSide From(DriftColumn column)
    {
        if (column.Grid is not DriftGrid grid)
        {
            double[] values = [.. column.Values ?? []];
            long[] counts = [.. column.Counts ?? []];
            var cdf = new double[values.Length];
            long below = 0;
            for (int i = 0; i < values.Length; i++)
            {
                below += counts[i];
                cdf[i] = (double)below / column.Count; // as scipy: integer counts divided once
            }
            return new NumericSide(values, counts, column.Count, 0, values, cdf, cdf);
        }
        return FromGrid(grid, column.Count, column.Max ?? grid.Edge(grid.Counts.Count));
    }

    private static NumericSide FromGrid(DriftGrid grid, long total, double max)
    {
        int cells = grid.Counts.Count;
        var values = new List<double>(cells);
        var counts = new List<long>(cells);
        var points = new double[cells + 1];
        var lo = new double[cells + 1];
        var hi = new double[cells + 1];
        long below = 0;
        for (int i = 0; i < cells; i++)
        {
            long count = grid.Counts[i];
            if (count > 0)
            {
                // The midpoint, kept inside [start, max] so the last cell's stand-in is not past the maximum.
                values.Add(Math.Min(grid.Start + ((i + 0.5) * grid.Width), max));
                counts.Add(count);
            }
            points[i] = grid.Edge(i);
            lo[i] = (double)below / total;
            below += count;
            hi[i] = i == cells - 1 ? 1 : (double)below / total;
        }
        // From the maximum on, every value is at or below x.
        points[cells] = Math.Max(max, points[cells - 1]);
        lo[cells] = hi[cells] = 1;
        return new NumericSide([.. values], [.. counts], total, grid.Width / 2, points, lo, hi);
    }
}
