using MLOps.Core.Diagnostics;

namespace MLOps.Core.Data;

/// <summary>
/// Counts every violation a validation pass finds but shows only the first <c>maxDiagnostics</c> as
/// individual diagnostics, then one summary per code: a file with a million bad values must neither flood
/// the build log nor hide how bad it is. Callers build a message only when <see cref="Tally"/> says it is shown.
/// </summary>
internal sealed class ViolationLog(string dataPath, DiagnosticBag bag, int maxDiagnostics)
{
    private readonly Dictionary<string, long> _byCode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _byColumn = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Code, string Column), long> _byCodeAndColumn = [];
    private readonly Dictionary<string, long> _shownByCode = new(StringComparer.Ordinal);
    private int _shown;
    private long _total;

    /// <summary>Counts one violation; true when it should also be shown (call <see cref="Show"/> then).</summary>
    public bool Tally(string code, string? column)
    {
        _total++;
        Increment(_byCode, code);
        if (column is not null)
        {
            Increment(_byColumn, column);
            _byCodeAndColumn[(code, column)] = _byCodeAndColumn.GetValueOrDefault((code, column)) + 1;
        }
        if (_shown >= maxDiagnostics)
        {
            return false;
        }
        _shown++;
        Increment(_shownByCode, code);
        return true;
    }

    public void Show(string code, string message, long line = 0, int column = 0) =>
        bag.Error(code, message, dataPath, (int)Math.Min(line, int.MaxValue), column);

    public void Report(string code, string? column, string message, long line = 0, int field = 0)
    {
        if (Tally(code, column))
        {
            Show(code, message, line, field);
        }
    }

    /// <summary>Adds one summary diagnostic per code that had more violations than were shown.</summary>
    public void Summarize()
    {
        foreach ((string code, long total) in _byCode.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            long shown = _shownByCode.GetValueOrDefault(code);
            if (total <= shown)
            {
                continue;
            }
            string columns = string.Join(", ", _byCodeAndColumn
                .Where(p => p.Key.Code == code)
                .OrderByDescending(p => p.Value).ThenBy(p => p.Key.Column, StringComparer.Ordinal)
                .Select(p => $"'{p.Key.Column}' {p.Value}"));
            string byColumn = columns.Length == 0 ? "" : $" By column: {columns}.";
            bag.Error(code, $"{total} {code} violations in total, {shown} of them listed individually.{byColumn} Fix the data or the schema and validate again.", dataPath);
        }
    }

    public ValidationReport ToReport(long rows) =>
        new(rows, _total, new Dictionary<string, long>(_byColumn), new Dictionary<string, long>(_byCode));

    private static void Increment(Dictionary<string, long> counts, string key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;
}
