namespace MLOps.Core.Diagnostics;

// Data and schema codes (MLOPS1001..MLOPS1099). A code is never reused: retire it, don't renumber it.
public static partial class Codes
{
    /// <summary>The schema file is missing, unreadable, not valid JSON or not in the schema format.</summary>
    public const string SchemaFileInvalid = "MLOPS1001";

    /// <summary>A schema column declares a type that is not one of the known column types.</summary>
    public const string SchemaColumnTypeUnknown = "MLOPS1002";

    /// <summary>The data file does not exist or cannot be opened.</summary>
    public const string DataFileMissing = "MLOPS1003";

    /// <summary>The data file is empty: no header row, or a header and no data rows.</summary>
    public const string DataFileEmpty = "MLOPS1004";

    /// <summary>The data file's header has no column of that name although the schema declares it.</summary>
    public const string HeaderMissingColumn = "MLOPS1005";

    /// <summary>A numeric value is below the column's schema minimum.</summary>
    public const string ValueBelowMinimum = "MLOPS1006";

    /// <summary>A numeric value is above the column's schema maximum.</summary>
    public const string ValueAboveMaximum = "MLOPS1007";

    /// <summary>A value cannot be parsed as the column's declared type.</summary>
    public const string ValueNotParsable = "MLOPS1008";

    /// <summary>A numeric value is a number its column's type cannot hold: NaN, Infinity, or beyond the type's range.</summary>
    public const string ValueOutOfTypeRange = "MLOPS1066";

    /// <summary>A value is empty (null) in a column the schema does not declare nullable.</summary>
    public const string ValueMissing = "MLOPS1009";

    /// <summary>A value is not in the column's schema list of allowed values.</summary>
    public const string ValueNotAllowed = "MLOPS1010";

    /// <summary>A row has a different number of fields than the header.</summary>
    public const string RowFieldCountMismatch = "MLOPS1011";

    /// <summary>A quoted field is never closed: its opening quote runs to the end of the file.</summary>
    public const string UnterminatedQuote = "MLOPS1012";

    /// <summary>A schema column is inconsistent: duplicate name, min above max, or a setting its type cannot use.</summary>
    public const string SchemaColumnInvalid = "MLOPS1013";

    /// <summary>The data file has bytes that are not valid UTF-8 (a file saved as Latin-1 or UTF-16, say).</summary>
    public const string DataNotUtf8 = "MLOPS1014";

    /// <summary>A record (a CSV record or a JSON line) is longer than the reader's limit (16 Mi chars): it is skipped.</summary>
    public const string RecordTooLong = "MLOPS1015";

    /// <summary>A column name appears twice in the header, or a property twice in one JSON object.</summary>
    public const string HeaderDuplicateColumn = "MLOPS1016";

    /// <summary>The Parquet file is not Parquet, or is truncated or corrupt.</summary>
    public const string ParquetFileInvalid = "MLOPS1017";

    /// <summary>A line of a JSON Lines file is not a JSON object (malformed JSON, or an array, string or number).</summary>
    public const string JsonLineNotObject = "MLOPS1018";
}
