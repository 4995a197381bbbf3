using MLOps.Core.Diagnostics;

namespace MLOps.Cli;

/// <summary>The exit codes fixed by the design: 0 success, 1 a check failed, 2 usage or configuration error.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    public const int CheckFailed = 1;

    public const int UsageError = 2;

    // Errors that mean "the tool could not get at its inputs" rather than "the inputs failed a check".
    private static readonly HashSet<string> ConfigurationCodes = new(StringComparer.Ordinal)
    {
        Codes.SpecNotFound,
        Codes.SpecFileMissing,
        Codes.DataFileMissing,
        Codes.PackageFileNotFound,
        Codes.FeedUnavailable,
        Codes.PushFailed,
        Codes.InsecureFeedWrite,
        Codes.ApiKeyVariableNotSet,
        Codes.EnvironmentUnknown,
        Codes.PackageNotInFeed,
        Codes.InferLabelNotInData,
        // The schema data is checked against is configuration: without a usable one nothing can be checked.
        Codes.SchemaFileInvalid,
        Codes.SchemaColumnTypeUnknown,
        Codes.SchemaColumnInvalid,
        // Releases: the stages and release files, the model and stage named, a missing reason or API key.
        Codes.StagesFileInvalid,
        Codes.ReleaseFileInvalid,
        Codes.ReleaseModelNotFound,
        Codes.UnknownStage,
        Codes.ReleaseReasonRequired,
        Codes.StageApiKeyMissing,
        // mlops train: a malformed --set or --tag.
        Codes.TrainOverrideInvalid,
        // The run store: a connection string that cannot be read, a store that cannot be reached or is too new, a bad gc age;
        // a run id that names no run or several; a filter or order-by that cannot be read, a bad --limit.
        Codes.RunStoreConnectionInvalid,
        Codes.RunStoreUnreachable,
        Codes.RunStoreSchemaTooNew,
        Codes.RunGcAgeInvalid,
        Codes.RunNotFound,
        Codes.RunIdAmbiguous,
        Codes.RunIdInvalid,
        Codes.FilterSyntax,
        Codes.FilterLexical,
        Codes.FilterUnknownName,
        Codes.FilterTypeMismatch,
        Codes.FilterInvalidValue,
        Codes.OrderBySyntax,
        Codes.FilterTooComplex,
        Codes.RunLimitInvalid,
        // Sweeps: a parent run that is not there (a wrong id or store).
        Codes.SweepParentNotFound,
        // Retrain: a model without a retrain: section, retrain data that cannot be read.
        Codes.RetrainNotConfigured,
        Codes.RetrainDataUnreadable,
        // Drift checks: a reference, model or data that is not there or cannot be read, no schema for raw data, an
        // output that cannot be written, a share out of range (mlops drift --share). A drift found (MLOPS7030) exits 1.
        Codes.DriftInputNotFound,
        Codes.DriftSchemaMissing,
        Codes.DriftModelUnusable,
        Codes.DriftDataUnreadable,
        Codes.DriftOutputNotWritten,
        Codes.DriftReferenceUnreadable,
        Codes.DriftReferenceNotReference,
        Codes.DriftReferenceVersion,
        Codes.DriftShareOutOfRange,
        Codes.DriftCurrentEmpty,
        Codes.DriftReferenceEmpty,
        // Current data that lacks a reference column or has it as another kind, and column options that cannot apply.
        Codes.DriftColumnMissing,
        Codes.DriftKindMismatch,
        Codes.DriftUnknownMethod,
        Codes.DriftThresholdOutOfRange,
        Codes.DriftMethodNotApplicable,
        Codes.DriftMethodNeedsExactValues,
        // mlops predict: a model, schema, output or option that is not there or not usable; mlops monitor performance: no logs.
        Codes.ScoringModelNotFound,
        Codes.ScoringSchemaMissing,
        Codes.ScoringOutputNotWritable,
        Codes.ScoringBatchSizeInvalid,
        Codes.ScoringIncludeUnknown,
        Codes.PredictionLogsNotFound,
        MLOps.Runtime.RuntimeCodes.ModelFilesMissing,
    };

    /// <summary>2 when any error is a configuration error, 1 when any other error was found, else 0.</summary>
    public static int For(IEnumerable<Diagnostic> diagnostics)
    {
        List<Diagnostic> errors = diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        if (errors.Exists(d => ConfigurationCodes.Contains(d.Code)))
            return UsageError;
        return errors.Count > 0 ? CheckFailed : Success;
    }
}
