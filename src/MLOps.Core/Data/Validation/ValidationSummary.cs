using System.Globalization;
using System.Text;
using MLOps.Core.Diagnostics;

namespace MLOps.Core.Data.Validation;

/// <summary>A validation report as a short table for people: one line per failing check, worst first.</summary>
public static class ValidationSummary
{
    public static string Format(ValidationReport report)
    {
        string unit = report.LocationUnit;
        var rows = report.Checks
            .OrderByDescending(c => c.Severity == "error").ThenByDescending(c => c.FailingRows)
            .Select(c => (
                Check: $"{(c.Column is null ? "(file)" : Visible.Escape(c.Column))} {c.Check}",
                c.Code,
                Failing: c.FailingRows.ToString("N0", CultureInfo.InvariantCulture),
                Fraction: ViolationLog.Percent(c.Fraction),
                c.Severity,
                Examples: string.Join(", ", c.Examples.Select(e => Example(e, unit)))))
            .ToList();
        int width = Math.Max(5, rows.Select(r => r.Check.Length).DefaultIfEmpty(0).Max());
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{report.RowsRead:N0} rows: {report.ErrorCount:N0} error(s), {report.WarningCount:N0} warning(s) in {rows.Count} check(s)");
        if (rows.Count == 0)
        {
            return text.Append('.').ToString();
        }
        text.Append('\n').Append(CultureInfo.InvariantCulture, $"  {"check".PadRight(width)}  {"code",-9}  {"failing",9}  {"fraction",8}  {"severity",-8}  first examples");
        foreach (var r in rows)
        {
            text.Append('\n').Append(CultureInfo.InvariantCulture, $"  {r.Check.PadRight(width)}  {r.Code,-9}  {r.Failing,9}  {r.Fraction,8}  {r.Severity,-8}  {r.Examples}");
        }
        return text.ToString();
    }

    // "line 5 'x'"; for a folder of files "part-0001.csv line 5 'x'".
    private static string Example(ViolationExample e, string unit)
    {
        string where = e.Location == 0 ? Visible.Escape(e.Value) : $"{unit} {e.Location}{(e.Value is null ? "" : $" {Visible.Quote(e.Value)}")}";
        return e.File is null ? where : $"{Visible.Escape(e.File)} {where}".TrimEnd();
    }
}
