namespace MLOps.Runtime.Inputs;

/// <summary>The value types a schema column declares (docs/schema.md), as the runtime checks them.</summary>
public enum InputType
{
    Boolean,
    Integer,
    Float,
    Categorical,
    Text,
    DateTime,
}

/// <summary>
/// The rules of one schema column that a single row can break: its type, null, min and max (inclusive), the allowed
/// values, the exact date format, the pattern (matched in full) and the maximum length. Dataset-wide rules
/// (max_null_fraction, rows, unique) and the <c>mostly</c> tolerances mean nothing for one row and are not read.
/// </summary>
public sealed record InputColumn(
    string Name,
    InputType Type,
    bool Nullable = false,
    double? Min = null,
    double? Max = null,
    IReadOnlyList<string>? Allowed = null,
    string? Format = null,
    string? Pattern = null,
    int? MaxLength = null,
    bool Required = true,
    IReadOnlyList<string>? Environments = null)
{
    /// <summary>True when the column is checked in <paramref name="environment"/> (no environments: all).</summary>
    public bool AppliesIn(string environment) =>
        Environments is null || Environments.Contains(environment, StringComparer.Ordinal);
}
