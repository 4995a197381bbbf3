using MLOps.Core.Diagnostics;
using MLOps.Core.Drift.Columns;

namespace MLOps.Core.Drift;

/// <summary>
/// Checks each column of a drift reference read from a file, so the statistics can trust it: distinct sorted
/// values with positive counts, or a grid with cells, and counts that add up to the column's count. A column
/// that fails is reported (MLOPS7004) and left out.
/// </summary>
internal static class DriftColumnCheck
{
    public static IReadOnlyList<DriftColumn> Valid(IReadOnlyList<DriftColumn> columns, string source, DiagnosticBag diagnostics)
    {
        var valid = new List<DriftColumn>(columns.Count);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (DriftColumn? column in columns)
        {
            string? problem = column is null ? "a column is null"
                : string.IsNullOrEmpty(column.Name) ? "a column has no name"
                : !names.Add(column.Name) ? "the name appears twice"
                : Problem(column);
            if (problem is null)
            {
                valid.Add(column!);
            }
            else
            {
                diagnostics.Error(Codes.DriftReferenceColumnInvalid, $"Drift reference column {Visible.Quote(column?.Name ?? "")} is left out: {problem}. Write the reference again with the evaluate step.", source);
            }
        }
        return valid;
    }

    private static string? Problem(DriftColumn column)
    {
        if (column.Count < 0 || column.Missing < 0 || column.Other < 0)
        {
            return "a count is negative";
        }
        IReadOnlyList<long>? counts = column.Counts;
        if (column.Kind == DriftColumnKind.Categorical)
        {
            if (column.Categories is null || counts is null || column.Categories.Count != counts.Count)
            {
                return "\"categories\" and \"counts\" must both be present and the same length";
            }
            return Sum(counts) + column.Other != column.Count ? "its counts and other do not add up to its count" : null;
        }
        if (column.Count > 0 && (column.Mean is not double mean || !double.IsFinite(mean) || column.StdDev is not double std || !(std >= 0)
            || column.Min is not double min || column.Max is not double max || !(min <= max)))
        {
            return "a numeric column with values needs finite mean, std_dev >= 0 and min <= max";
        }
        if (column.Grid is DriftGrid grid)
        {
            if (!(grid.Width > 0) || !double.IsFinite(grid.Width) || !double.IsFinite(grid.Start) || grid.Counts is null || grid.Counts.Count == 0)
            {
                return "its grid needs a finite start, a width above 0 and at least one cell";
            }
            return Sum(grid.Counts, zeroAllowed: true) != column.Count ? "its grid counts do not add up to its count" : null;
        }
        if (column.Values is null || counts is null || column.Values.Count != counts.Count)
        {
            return "\"values\" and \"counts\" (or a \"grid\") must be present, values and counts the same length";
        }
        for (int i = 0; i < column.Values.Count; i++)
        {
            if (!double.IsFinite(column.Values[i]) || (i > 0 && !(column.Values[i] > column.Values[i - 1])))
            {
                return "its values must be finite, distinct and in ascending order";
            }
        }
        return Sum(counts) != column.Count ? "its counts do not add up to its count" : null;
    }

    // A negative count, or a zero one for a listed value, never belongs in a reference: reported as not adding up.
    private static long Sum(IReadOnlyList<long> counts, bool zeroAllowed = false)
    {
        long sum = 0;
        foreach (long count in counts)
        {
            if (count < 0 || (count == 0 && !zeroAllowed))
            {
                return -1;
            }
            sum += count;
        }
        return sum;
    }
}
