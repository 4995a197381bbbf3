using MLOps.Core.Drift.Columns;

namespace MLOps.Core.Drift;

/// <summary>
/// Summarises one numeric column. A column with few distinct values (datetime parts, small integers) is counted in a
/// hash table in one pass, then only its distinct values are sorted; otherwise the values are sorted once and runs
/// of equal values counted. Up to <see cref="DriftReferenceBuilder.MaxExactValues"/> distinct values are kept
/// exactly; beyond that the sorted values are counted into a <see cref="DriftGrid"/> of <see cref="DriftGrid.Cells"/>
/// equal cells between min and max. Mean and (population) standard deviation are exact either way, and computed
/// from the distinct values in ascending order, so the same values in any row order give the same bytes.
/// </summary>
internal static class NumericColumnBuilder
{
    /// <summary>Distinct values the hash-table pass keeps before it gives up and sorts instead (a spread column gives up within a few thousand rows).</summary>
    private const int FewValues = 4096;

    public static DriftColumn Build(string name, double[] present, long missing, int maxExactValues)
    {
        int n = present.Length;
        if (n == 0)
        {
            return new DriftColumn(name, DriftColumnKind.Numeric, 0, missing, Values: [], Counts: []);
        }
        if (CountFew(present) is (double[] few, long[] fewCounts) && few.Length <= maxExactValues)
        {
            return Exact(name, few, fewCounts, n, missing);
        }

        Array.Sort(present);
        int distinct = 1;
        for (int i = 1; i < n; i++)
        {
            if (present[i] != present[i - 1])
            {
                distinct++;
            }
        }
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
            return Exact(name, values, counts, n, missing);
        }

        double sum = 0;
        foreach (double value in present)
        {
            sum += value;
        }
        double mean = sum / n, squares = 0;
        foreach (double value in present)
        {
            double d = value - mean;
            squares += d * d;
        }
        return new DriftColumn(name, DriftColumnKind.Numeric, n, missing, mean, Math.Sqrt(squares / n), present[0], present[n - 1], Grid: ToGrid(present));
    }

    private static DriftColumn Exact(string name, double[] values, long[] counts, long n, long missing)
    {
        double sum = 0;
        for (int i = 0; i < values.Length; i++)
        {
            sum += values[i] * counts[i];
        }
        double mean = sum / n, squares = 0;
        for (int i = 0; i < values.Length; i++)
        {
            double d = values[i] - mean;
            squares += d * d * counts[i];
        }
        return new DriftColumn(name, DriftColumnKind.Numeric, n, missing, mean, Math.Sqrt(squares / n), values[0], values[^1], Values: values, Counts: counts);
    }

    // One pass with a hash table; null as soon as the column has more than FewValues distinct values.
    private static (double[] Values, long[] Counts)? CountFew(double[] present)
    {
        var table = new Dictionary<double, long>();
        foreach (double value in present)
        {
            ref long count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(table, value, out bool existed);
            count++;
            if (!existed && table.Count > FewValues)
            {
                return null;
            }
        }
        var values = new double[table.Count];
        var counts = new long[table.Count];
        table.Keys.CopyTo(values, 0);
        table.Values.CopyTo(counts, 0);
        Array.Sort(values, counts);
        return (values, counts);
    }

    // The values are sorted, so the cell index only moves forward: one pass, no division per value.
    private static DriftGrid ToGrid(double[] sorted)
    {
        double min = sorted[0], max = sorted[^1];
        double width = (max - min) / DriftGrid.Cells;
        var counts = new long[DriftGrid.Cells];
        var grid = new DriftGrid(min, width, counts);
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
