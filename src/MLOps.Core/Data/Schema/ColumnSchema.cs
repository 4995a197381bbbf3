namespace MLOps.Core.Data.Schema;

/// <summary>
/// What one column of a dataset must hold. <see cref="Min"/> and <see cref="Max"/> bound numbers
/// (inclusive); <see cref="Allowed"/> lists every value a string column may take; <see cref="Format"/>
/// is the exact date/time format (invariant culture) of a date-time column. <see cref="Pattern"/> (a .NET
/// regex the whole value must match) and <see cref="MaxLength"/> apply to string columns;
/// <see cref="MaxNullFraction"/> caps the empty values of a nullable column; <see cref="Mostly"/> is the
/// fraction of rows that must pass each of the column's value checks (below it, a failing check is an error;
/// within it, a warning), unless <see cref="CheckMostly"/> gives that check its own. A column that is not <see cref="Required"/> may be absent from the data, and one
/// with <see cref="Environments"/> is required and checked only in those (null: all).
/// </summary>
public sealed record ColumnSchema(
    string Name,
    ColumnType Type,
    bool Nullable = false,
    double? Min = null,
    double? Max = null,
    IReadOnlyList<string>? Allowed = null,
    string? Format = null,
    string? Pattern = null,
    int? MaxLength = null,
    double? MaxNullFraction = null,
    double Mostly = 1.0,
    bool Required = true,
    IReadOnlyList<string>? Environments = null)
{
    /// <summary>Tolerances of single checks, by the check's report name (<c>min</c>, <c>allowed</c>, ...); the others use <see cref="Mostly"/>.</summary>
    public IReadOnlyDictionary<string, double>? CheckMostly { get; init; }

    /// <summary>The fraction of rows that must pass <paramref name="check"/> (a report name such as <c>max</c>).</summary>
    public double MostlyFor(string check) =>
        CheckMostly is not null && CheckMostly.TryGetValue(check, out double mostly) ? mostly : Mostly;

    /// <summary>True when the column is required and checked in <paramref name="environment"/>.</summary>
    public bool AppliesIn(string environment) =>
        Environments is null || Environments.Contains(environment, StringComparer.Ordinal);
}
