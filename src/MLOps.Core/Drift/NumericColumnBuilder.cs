namespace MLOps.Core.Drift;

/// <summary>
/// Summarises one numeric column: sorts the present values once, then counts runs of equal values. Up to
/// <see cref="DriftReferenceBuilder.MaxExactValues"/> distinct values are kept exactly; beyond that the sorted
/// values are counted into a <see cref="DriftGrid"/> of <see cref="DriftGrid.Cells"/> equal cells between min and max.
/// Mean and standard deviation (population) are computed from the values themselves, so they are exact either way.
/// </summary>
internal static class NumericColumnBuilder
{
    public static DriftColumn Build(string name, double[] present, long missing, int maxExactValues)
    {
        Array.Sort(present);
        int n = present.Length;
        if (n == 0)
        {
            return new DriftColumn(name, DriftColumnKind.Numeric, 0, missing, Values: [], Counts: []);
        }

        double sum = 0;
        int distinct = 1;
        for (int i = 0; i < n; i++)
        {
            sum += present[i];
            if (i > 0 && present[i] != present[i - 1])
            {
                distinct++;
            }
        }
        double mean = sum / n;
        double squares = 0;
        for (int i = 0; i < n; i++)
        {
            double d = present[i] - mean;
            squares += d * d;
        }
        double std = Math.Sqrt(squares / n);
        double min = present[0], max = present[n - 1];

        if (distinct <= maxExactValues)
        {
            var values = new double[distinct];
            var counts = new long[distinct];
            int k = -1;
            for (int i = 0; i < n; i++)
            {
                if (i == 0 || present[i] != present[i - 1])
                {
                    values[++k] = present[i];
                }
                counts[k]++;
            }
            return new DriftColumn(name, DriftColumnKind.Numeric, n, missing, mean, std, min, max, Values: values, Counts: counts);
        }
        return new DriftColumn(name, DriftColumnKind.Numeric, n, missing, mean, std, min, max, Grid: ToGrid(present, min, max));
    }

    // The values are sorted, so the cell index only moves forward: one pass, no division per value after the first of a cell.
    private static DriftGrid ToGrid(double[] sorted, double min, double max)
    {
        double width = (max - min) / DriftGrid.Cells;
        var grid = new DriftGrid(min, width, new long[DriftGrid.Cells]);
        var counts = (long[])grid.Counts;
        int cell = 0;
        double upper = grid.Edge(1);
        foreach (double value in sorted)
        {
            while (value >= upper && cell < DriftGrid.Cells - 1)
            {
                cell++;
                upper = grid.Edge(cell + 1);
            }
            counts[cell]++;
        }
        return grid;
    }
}
