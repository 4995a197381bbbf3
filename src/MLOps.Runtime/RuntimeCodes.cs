namespace MLOps.Runtime;

/// <summary>The runtime's diagnostic codes (6xxx), carried by <see cref="ModelLoadException"/> and listed in docs/diagnostics.md.</summary>
public static class RuntimeCodes
{
    /// <summary>model.zip or lineage.json is missing from the model folder.</summary>
    public const string ModelFilesMissing = "MLOPS6001";

    /// <summary>The model file's sha256 differs from the one its lineage records (corrupt or swapped).</summary>
    public const string ModelHashMismatch = "MLOPS6002";

    /// <summary>lineage.json is not valid JSON or lacks model_sha256.</summary>
    public const string LineageInvalid = "MLOPS6003";

    /// <summary>A multiclass prediction type was used with a model whose classes are missing or of another label type.</summary>
    public const string ClassesMismatch = "MLOPS6004";

    /// <summary>A request's row has a field the model's schema does not declare (a typo, or another model's column).</summary>
    public const string InputFieldUnknown = "MLOPS6020";

    /// <summary>A request holds more rows than the service accepts in one batch.</summary>
    public const string InputTooManyRows = "MLOPS6021";
}
