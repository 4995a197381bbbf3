namespace MLOps.Core.Diagnostics;

// Batch scoring, `mlops predict` (MLOPS6030..MLOPS6039). The runtime's own load failures (MLOPS6001-6019) are RuntimeCodes;
// a package without a model is the runtime's MLOPS6006.
public static partial class Codes
{
    /// <summary>--model names neither a folder nor a package id@version.</summary>
    public const string ScoringModelNotFound = "MLOPS6030";

    /// <summary>The model has no schema.json beside it, so its input cannot be checked.</summary>
    public const string ScoringSchemaMissing = "MLOPS6031";

    /// <summary>The predictions file (or the cache folder a package is unpacked into) cannot be written.</summary>
    public const string ScoringOutputNotWritable = "MLOPS6032";

    /// <summary>The model reads a column its schema.json does not declare, or declares with another type.</summary>
    public const string ScoringModelSchemaMismatch = "MLOPS6033";

    /// <summary>ML.NET failed while scoring rows the schema accepted.</summary>
    public const string ScoringFailed = "MLOPS6034";

    /// <summary>--batch-size is not a whole number of at least 1.</summary>
    public const string ScoringBatchSizeInvalid = "MLOPS6035";

    /// <summary>--include names a column the model's schema does not declare.</summary>
    public const string ScoringIncludeUnknown = "MLOPS6036";
}
