using MLOps.Core.Diagnostics;

namespace MLOps.Core.Data.Validation;

/// <summary>
/// The validation report's name for each kind of check (its diagnostic code's meaning in one word), and which
/// of them a <c>mostly</c> tolerance applies to.
/// </summary>
internal static class CheckKinds
{
    /// <summary>The name of a problem with the file itself rather than a check of the schema.</summary>
    public const string File = "file";

    // Code -> report name.
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        [Codes.HeaderMissingColumn] = "present",
        [Codes.ValueBelowMinimum] = "min",
        [Codes.ValueAboveMaximum] = "max",
        [Codes.ValueNotParsable] = "type",
        [Codes.ValueOutOfTypeRange] = "type_range",
        [Codes.ValueMissing] = "not_null",
        [Codes.ValueNotAllowed] = "allowed",
        [Codes.RowFieldCountMismatch] = "field_count",
        [Codes.HeaderDuplicateColumn] = "header_unique",
        [Codes.DataFileEmpty] = "not_empty",
        [Codes.ValueNotMatchingPattern] = "pattern",
        [Codes.ValueTooLong] = "max_length",
        [Codes.TooManyNulls] = "max_null_fraction",
        [Codes.RowCountOutOfRange] = "rows",
        [Codes.DuplicateKey] = "unique",
    };

    /// <summary>
    /// The per-value checks of a column, which take a <c>mostly</c>. The others are facts about the whole table
    /// (a missing column, the row count, the null fraction, which is itself a tolerance) and are always errors.
    /// A number out of its type's range is a type failure, so it shares the type check's tolerance.
    /// </summary>
    public static IReadOnlyList<(string Code, string Check)> ValueChecks { get; } =
    [
        (Codes.ValueNotParsable, "type"), (Codes.ValueOutOfTypeRange, "type"), (Codes.ValueMissing, "not_null"),
        (Codes.ValueBelowMinimum, "min"), (Codes.ValueAboveMaximum, "max"), (Codes.ValueNotAllowed, "allowed"),
        (Codes.ValueNotMatchingPattern, "pattern"), (Codes.ValueTooLong, "max_length"),
    ];

    public static string NameOf(string code) => Names.GetValueOrDefault(code, File);
}
