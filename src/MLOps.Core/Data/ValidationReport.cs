namespace MLOps.Core.Data;

/// <summary>
/// What one validation pass found: rows read and every violation counted (not only those shown as
/// diagnostics), by column name and by diagnostic code. Problems with the file itself have no column.
/// </summary>
public sealed record ValidationReport(
    long RowsRead,
    long ErrorCount,
    IReadOnlyDictionary<string, long> ErrorsByColumn,
    IReadOnlyDictionary<string, long> ErrorsByCode)
{
    public bool IsValid => ErrorCount == 0;
}
