namespace MLOps.Core.Drift.Columns;

/// <summary>Counts two numeric sides into <see cref="BinnedPair.NumericBins"/> shared equal-width bins (see <see cref="BinnedPair"/>).</summary>
internal static class NumericBinning
{
    public static BinnedPair Bin(DriftColumn reference, NumericSide referenceSide, DriftColumn current, NumericSide currentSide)
    {
        double[] edges = Edges(Math.Min(reference.Min!.Value, current.Min!.Value), Math.Max(reference.Max!.Value, current.Max!.Value));
        return new BinnedPair
        {
            Edges = edges,
            Reference = Count(referenceSide, edges),
            Current = Count(currentSide, edges),
            ReferenceRange = reference.Grid is DriftGrid r ? Range(r, reference.Max!.Value, edges) : null,
            CurrentRange = current.Grid is DriftGrid c ? Range(c, current.Max!.Value, edges) : null,
        };
    }

    /// <summary>numpy's linspace(first, last, bins + 1) (edge i = i * step + first, the last edge exactly last); equal ends widen by 0.5 each way, as numpy does.</summary>
    public static double[] Edges(double first, double last)
    {
        if (first == last)
        {
            first -= 0.5;
            last += 0.5;
        }
        int bins = BinnedPair.NumericBins;
        double step = (last - first) / bins;
        var edges = new double[bins + 1];
        for (int i = 0; i < bins; i++)
        {
            edges[i] = (i * step) + first;
        }
        edges[bins] = last;
        return edges;
    }

    /// <summary>The bin of v: the last i with edges[i] &lt;= v, the last bin closed.</summary>
    public static int BinOf(double v, double[] edges)
    {
        int bins = edges.Length - 1;
        int index = Array.BinarySearch(edges, v);
        int bin = index >= 0 ? index : ~index - 1;
        return Math.Clamp(bin, 0, bins - 1);
    }

    // The side's values are sorted, so the bin only moves forward.
    private static long[] Count(NumericSide side, double[] edges)
    {
        int bins = edges.Length - 1;
        var counts = new long[bins];
        int bin = 0;
        for (int i = 0; i < side.Values.Length; i++)
        {
            double v = side.Values[i];
            while (bin < bins - 1 && v >= edges[bin + 1])
            {
                bin++;
            }
            counts[bin] += side.Counts[i];
        }
        return counts;
    }

    // A cell [a, b) (the last one [a, max]) lies in the bins from BinOf(a) to BinOf of its largest value; its count is
    // certain in one bin, possible in each bin it touches.
    private static (long[] Lo, long[] Hi) Range(DriftGrid grid, double max, double[] edges)
    {
        int bins = edges.Length - 1;
        var lo = new long[bins];
        var hi = new long[bins];
        int cells = grid.Counts.Count;
        for (int i = 0; i < cells; i++)
        {
            long count = grid.Counts[i];
            if (count == 0)
            {
                continue;
            }
            int first = BinOf(grid.Edge(i), edges);
            double top = i == cells - 1 ? max : Math.Min(max, grid.Edge(i + 1));
            int last = BinOf(i == cells - 1 ? top : Math.BitDecrement(top), edges);
            if (first == last)
            {
                lo[first] += count;
            }
            for (int b = first; b <= last; b++)
            {
                hi[b] += count;
            }
        }
        return (lo, hi);
    }
}
