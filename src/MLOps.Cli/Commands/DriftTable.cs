using System.Globalization;
using MLOps.Core.Drift;
using MLOps.Core.DriftCheck;

namespace MLOps.Cli.Commands;

/// <summary>The summary <c>mlops drift</c> prints: one line per column (method, value, threshold, drifted), then the dataset verdict.</summary>
internal static class DriftTable
{
    public static IEnumerable<string> Format(DriftCheckResult result)
    {
        DriftReport report = result.Report;
        int width = Math.Max(24, report.Columns.Max(c => c.Name.Length) + 2);
        yield return $"{"column".PadRight(width)}{"method",-15}{"value",10}{"threshold",11}  drifted";
        foreach (ColumnDrift c in report.Columns)
            yield return $"{c.Name.PadRight(width)}{c.Method,-15}{N(c.Value),10}{N(c.Threshold),11}  {(c.Drifted ? "yes" : "no")}{(c.Exact ? "" : $" (from a grid, within {N(c.Bound ?? 0)})")}";
        yield return "";
        string logs = result.DroppedLogRecords is > 0 ? $"; the logs report {result.DroppedLogRecords:N0} dropped records" : "";
        yield return string.Create(CultureInfo.InvariantCulture,
            $"dataset: {(report.DatasetDrift ? "DRIFT" : "no drift")} ({report.Drifted} of {report.Columns.Count} columns drifted, {report.Share:P0}; drift from {report.ThresholdShare:P0}); reference {result.ReferenceLabel} ({report.ReferenceRows:N0} rows), current {result.CurrentLabel} ({report.CurrentRows:N0} rows){logs}");
    }

    private static string N(double value) => value.ToString(Math.Abs(value) is > 0 and < 0.0001 ? "0.00E+0" : "0.0000", CultureInfo.InvariantCulture);
}
