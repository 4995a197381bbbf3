using System.Globalization;
using MLOps.Core.Diagnostics;
using MLOps.Core.IO;
using MLOps.Core.Data.Readers;

namespace MLOps.Core.Data.Validation;

/// <summary>
/// Counts every violation a validation pass finds, per check (code and column) with its first few examples,
/// but shows only the first <c>maxDiagnostics</c> as individual diagnostics, then one summary per code: a file
/// with a million bad values must neither flood the build log nor hide how bad it is. Violations of a check
/// with a <c>mostly</c> tolerance are held back until <see cref="Finish"/> knows their fraction: within it they
/// become one warning per check, beyond it errors. Callers build a message only when <see cref="Tally"/> says
/// it is shown, and then call <see cref="Show"/> at once.
/// </summary>
internal sealed class ViolationLog(string dataPath, DiagnosticBag bag, int maxDiagnostics)
{
    public const int MaxExamples = 5;
    private const int MaxExampleLength = 80;

    private readonly Dictionary<(string Code, string? Column), CheckTally> _checks = [];
    private readonly Dictionary<(string Code, string Column), double> _mostly = [];
    private readonly Dictionary<string, long> _shownByCode = new(StringComparer.Ordinal);
    private CheckTally? _current;
    private int _shown;
    private string? _partFile;
    private string? _partName;

    /// <summary>The file locations refer to: the data path, or while a folder's part is read (<see cref="EnterPart"/>) that part.</summary>
    public string CurrentFile => _partFile ?? dataPath;

    /// <summary>Locations refer to <paramref name="part"/>, a file of the data folder, from now on (null: to the data as a
    /// whole again): diagnostics name it, and the report's examples give its path relative to the folder.</summary>
    public void EnterPart(string? part)
    {
        _partFile = part;
        _partName = part is null ? null : PortablePath.Relative(dataPath, part);
    }

    /// <summary>Gives one check (a code on a column, or on the key) a tolerance below 1: its violations are decided at the end of the pass.</summary>
    public void Tolerate(string code, string column, double mostly)
    {
        if (mostly < 1)
        {
            _mostly[(code, column)] = mostly;
        }
    }

    /// <summary>Counts one violation at <paramref name="location"/>; true when it should also be shown (call <see cref="Show"/> then).</summary>
    public bool Tally(string code, string? column, long location = 0, ReadOnlySpan<char> value = default, bool hasValue = false, long count = 1)
    {
        if (!_checks.TryGetValue((code, column), out CheckTally? tally))
        {
            double mostly = column is null ? 1 : _mostly.GetValueOrDefault((code, column), 1);
            _checks[(code, column)] = tally = new CheckTally(code, column, mostly);
        }
        tally.Count += count;
        _current = tally;
        if (tally.Examples.Count < MaxExamples)
        {
            string? shown = !hasValue ? null : value.Length > MaxExampleLength ? $"{value[..MaxExampleLength]}..." : value.ToString();
            tally.Examples.Add(new ViolationExample(location, shown, _partName));
        }
        if (tally.Deferred)
        {
            return tally.Held.Count < MaxExamples;
        }
        if (_shown >= maxDiagnostics)
        {
            return false;
        }
        _shown++;
        _shownByCode[code] = _shownByCode.GetValueOrDefault(code) + count; // One diagnostic can stand for many rows (too many nulls).
        return true;
    }

    public void Show(string code, string message, long line = 0, int column = 0)
    {
        var diagnostic = new Diagnostic(code, message, CurrentFile, (int)Math.Min(line, int.MaxValue), column);
        if (_current is { Deferred: true } held && held.Code == code)
        {
            held.Held.Add(diagnostic);
        }
        else
        {
            bag.Add(diagnostic);
        }
    }

    public void Report(string code, string? column, string message, long line = 0, int field = 0)
    {
        if (Tally(code, column, line))
        {
            Show(code, message, line, field);
        }
    }

    /// <summary>Decides the held-back checks, adds one summary per code that had more errors than were shown, and returns the report.</summary>
    public ValidationReport Finish(long rows, TableFormat format = TableFormat.Csv)
    {
        var results = new List<CheckResult>(_checks.Count);
        var byColumn = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var byCode = new SortedDictionary<string, long>(StringComparer.Ordinal);
        long errors = 0, warnings = 0;
        foreach (CheckTally t in _checks.Values.OrderBy(t => t.Column ?? "", StringComparer.Ordinal).ThenBy(t => t.Code, StringComparer.Ordinal))
        {
            double fraction = rows == 0 ? 0 : (double)t.Count / rows;
            bool warn = t.IsWithinTolerance(fraction);
            if (t.Deferred)
            {
                Decide(t, warn, fraction, rows);
            }
            if (warn)
            {
                warnings += t.Count;
            }
            else
            {
                errors += t.Count;
                byCode[t.Code] = byCode.GetValueOrDefault(t.Code) + t.Count;
                if (t.Column is not null)
                {
                    byColumn[t.Column] = byColumn.GetValueOrDefault(t.Column) + t.Count;
                }
            }
            // A missing column is one problem, but every row lacks the column: the report says so.
            (long failing, double share) = t.Code == Codes.HeaderMissingColumn ? (Math.Max(rows, t.Count), 1.0) : (t.Count, fraction);
            results.Add(new CheckResult(t.Column, CheckKinds.NameOf(t.Code), t.Code, warn ? "warning" : "error", failing, share, t.Examples));
        }
        Summarize(byCode);
        return new ValidationReport(rows, errors, byColumn, byCode)
        {
            WarningCount = warnings,
            LocationUnit = format == TableFormat.Parquet ? "row" : "line",
            Checks = results,
        };
    }

    private void Decide(CheckTally t, bool warn, double fraction, long rows)
    {
        if (warn && t.Held.Count > 0)
        {
            Diagnostic first = t.Held[0];
            string share = $"{t.Count} of {rows} rows ({Percent(fraction)}) fail this check, within the check's \"mostly\": {t.Mostly.ToString(CultureInfo.InvariantCulture)}; the build goes on.";
            bag.Add(first with { Message = $"{first.Message} {share}", Severity = Severity.Warning });
            return;
        }
        foreach (Diagnostic d in t.Held)
        {
            bag.Add(d with { Message = $"{d.Message} ({Percent(fraction)} of rows fail this check, more than the check's \"mostly\": {t.Mostly.ToString(CultureInfo.InvariantCulture)} allows.)" });
        }
        _shownByCode[t.Code] = _shownByCode.GetValueOrDefault(t.Code) + t.Held.Count;
    }

    private void Summarize(SortedDictionary<string, long> byCode)
    {
        foreach ((string code, long total) in byCode)
        {
            long shown = _shownByCode.GetValueOrDefault(code);
            if (total <= shown)
            {
                continue;
            }
            string columns = string.Join(", ", _checks.Values
                .Where(t => t.Code == code && t.Column is not null)
                .OrderByDescending(t => t.Count).ThenBy(t => t.Column, StringComparer.Ordinal)
                .Select(t => $"{Visible.Quote(t.Column)} {t.Count}"));
            string byColumn = columns.Length == 0 ? "" : $" By column: {columns}.";
            bag.Error(code, $"{total} {code} violations in total, {shown} of them listed individually.{byColumn} Fix the data or the schema and validate again.", dataPath);
        }
    }

    internal static string Percent(double fraction) => fraction.ToString("0.###%", CultureInfo.InvariantCulture);
}
