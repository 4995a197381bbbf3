using System.Text.Json.Serialization;

namespace MLOps.Core.Data.Validation;

/// <summary>
/// What one validation pass found: rows read and every violation counted (not only those shown as
/// diagnostics), by column name and by diagnostic code, and per check (a column and a kind of anomaly)
/// the failing rows, their fraction and the first few examples. Counts by column and code are errors only;
/// a check within its column's <c>mostly</c> tolerance is a warning. Problems with the file itself have no column.
/// </summary>
public sealed record ValidationReport(
    [property: JsonPropertyName("rows_read")] long RowsRead,
    [property: JsonPropertyName("error_count")] long ErrorCount,
    [property: JsonPropertyName("errors_by_column")] IReadOnlyDictionary<string, long> ErrorsByColumn,
    [property: JsonPropertyName("errors_by_code")] IReadOnlyDictionary<string, long> ErrorsByCode)
{
    [JsonPropertyName("is_valid")]
    public bool IsValid => ErrorCount == 0;

    /// <summary>Violations in checks within their tolerance (reported as warnings).</summary>
    [JsonPropertyName("warning_count")]
    public long WarningCount { get; init; }

    /// <summary>What an example's location counts: <c>line</c> (CSV, JSON Lines) or <c>row</c> (Parquet).</summary>
    [JsonPropertyName("location_unit")]
    public string LocationUnit { get; init; } = "line";

    [JsonPropertyName("checks")]
    public IReadOnlyList<CheckResult> Checks { get; init; } = [];
}

/// <summary>One check's outcome: <paramref name="Check"/> is the kind (<c>min</c>, <c>pattern</c>, ...), its code the diagnostic's.</summary>
public sealed record CheckResult(
    [property: JsonPropertyName("column")] string? Column,
    [property: JsonPropertyName("check")] string Check,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("severity")] string Severity,
    [property: JsonPropertyName("failing_rows")] long FailingRows,
    [property: JsonPropertyName("fraction")] double Fraction,
    [property: JsonPropertyName("examples")] IReadOnlyList<ViolationExample> Examples);

/// <summary>Where a violation is (a line, or a Parquet row; 0: the file as a whole) and the value found (null: none);
/// for a folder of data files also the part it is in (its path relative to the folder; null for a single file).</summary>
public sealed record ViolationExample(
    [property: JsonPropertyName("location")] long Location,
    [property: JsonPropertyName("value")] string? Value,
    [property: JsonPropertyName("file"), JsonPropertyOrder(-1), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? File = null);
