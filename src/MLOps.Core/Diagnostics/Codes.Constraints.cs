namespace MLOps.Core.Diagnostics;

// Schema constraints beyond type, range and allowed set (MLOPS1060..).
public static partial class Codes
{
    /// <summary>A string value does not match (in full) the column's schema pattern.</summary>
    public const string ValueNotMatchingPattern = "MLOPS1060";

    /// <summary>A string value is longer than the column's schema max_length.</summary>
    public const string ValueTooLong = "MLOPS1061";

    /// <summary>A column has a larger fraction of empty values than its schema max_null_fraction.</summary>
    public const string TooManyNulls = "MLOPS1062";

    /// <summary>The data has fewer rows than the schema's rows.min or more than its rows.max.</summary>
    public const string RowCountOutOfRange = "MLOPS1063";

    /// <summary>Two rows have the same values in the schema's unique key columns.</summary>
    public const string DuplicateKey = "MLOPS1064";

    /// <summary>The validation environment is not one the schema format knows.</summary>
    public const string EnvironmentUnknown = "MLOPS1065";
}
