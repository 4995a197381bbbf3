namespace MLOps.Core.Diagnostics;

// Batch scoring, `mlops predict` (MLOPS6030..MLOPS6039). The runtime's own load failures (MLOPS6001-6019) are RuntimeCodes.
public static partial class Codes
{
    /// <summary>--model names neither a folder holding model.zip nor a package id@version.</summary>
    public const string ScoringModelNotFound = "MLOPS6030";

    /// <summary>The model has no schema.json beside it, so its input cannot be checked.</summary>
    public const string ScoringSchemaMissing = "MLOPS6031";

    /// <summary>The predictions file cannot be written (a missing folder, no permission, a full disk).</summary>
    public const string ScoringOutputNotWritable = "MLOPS6032";

    /// <summary>The package has no model under contentFiles/any/any/mlops/&lt;Name&gt;/ (a library, or not packed by the SDK).</summary>
    public const string ScoringPackageHasNoModel = "MLOPS6033";

    /// <summary>The model reads a column its schema.json does not declare, or declares with another type.</summary>
    public const string ScoringModelSchemaMismatch = "MLOPS6034";

    /// <summary>ML.NET failed while scoring a row the schema accepted.</summary>
    public const string ScoringFailed = "MLOPS6035";

    /// <summary>--batch-size is not a whole number of at least 1.</summary>
    public const string ScoringBatchSizeInvalid = "MLOPS6036";

    /// <summary>--include names a column the model's schema does not declare.</summary>
    public const string ScoringIncludeUnknown = "MLOPS6037";
}
