namespace MLOps.Core.Data;

/// <summary>
/// What one column of a dataset must hold. <see cref="Min"/> and <see cref="Max"/> bound numbers
/// (inclusive); <see cref="Allowed"/> lists every value a string column may take; <see cref="Format"/>
/// is the exact date/time format (invariant culture) of a date-time column.
/// </summary>
public sealed record ColumnSchema(
    string Name,
    ColumnType Type,
    bool Nullable = false,
    double? Min = null,
    double? Max = null,
    IReadOnlyList<string>? Allowed = null,
    string? Format = null);
