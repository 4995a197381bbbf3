namespace MLOps.Runtime.Inputs;

/// <summary>
/// The code of each rule a row can break. A rule the data validator also checks carries the validator's MLOPS1xxx
/// code (a test holds them equal to MLOps.Core's constants), so a value rejected by a service reads the same as the
/// same value rejected in a data file; only rules of a request, which a data file cannot break, have MLOPS602x codes.
/// </summary>
public static class InputCodes
{
    /// <summary>The schema file is not valid JSON or not in the schema format (Core: SchemaFileInvalid).</summary>
    public const string SchemaInvalid = "MLOPS1001";

    /// <summary>A batch has no rows (Core: DataFileEmpty).</summary>
    public const string Empty = "MLOPS1004";

    /// <summary>A row lacks a field the schema requires when serving (Core: HeaderMissingColumn).</summary>
    public const string Missing = "MLOPS1005";

    /// <summary>A number below the column's min (Core: ValueBelowMinimum).</summary>
    public const string BelowMinimum = "MLOPS1006";

    /// <summary>A number above the column's max (Core: ValueAboveMaximum).</summary>
    public const string AboveMaximum = "MLOPS1007";

    /// <summary>A value that is not of the column's type (Core: ValueNotParsable).</summary>
    public const string WrongType = "MLOPS1008";

    /// <summary>A null in a column that is not nullable (Core: ValueMissing).</summary>
    public const string Null = "MLOPS1009";

    /// <summary>A value not in the column's allowed list (Core: ValueNotAllowed).</summary>
    public const string NotAllowed = "MLOPS1010";

    /// <summary>The same field twice in one object (Core: HeaderDuplicateColumn).</summary>
    public const string DuplicateField = "MLOPS1016";

    /// <summary>A row that is not a JSON object, or a body that is not JSON (Core: JsonLineNotObject).</summary>
    public const string NotAnObject = "MLOPS1018";

    /// <summary>A string that does not match the column's pattern in full (Core: ValueNotMatchingPattern).</summary>
    public const string PatternMismatch = "MLOPS1060";

    /// <summary>A string longer than the column's max_length (Core: ValueTooLong).</summary>
    public const string TooLong = "MLOPS1061";

    /// <summary>A number the column's type cannot hold, such as an integer beyond 64 bits (Core: ValueOutOfTypeRange).</summary>
    public const string OutOfTypeRange = "MLOPS1066";

    /// <summary>A field the schema does not declare: a typo, or a column of another model. No data file rule matches.</summary>
    public const string UnknownField = RuntimeCodes.InputFieldUnknown;

    /// <summary>A batch with more rows than the service accepts in one request.</summary>
    public const string TooManyRows = RuntimeCodes.InputTooManyRows;
}
