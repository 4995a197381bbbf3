namespace MLOps.Core.Diagnostics;

// Stages and releases: stages.yaml and release.yaml (0025..0029), promotion, rollback, stage sync and verify (5012..5024).
public static partial class Codes
{
    /// <summary>stages.yaml is not valid: YAML syntax, an unknown key, a stage without name or feed, a duplicate stage.</summary>
    public const string StagesFileInvalid = "MLOPS0025";

    /// <summary>A model's release.yaml is not valid: YAML syntax, an unknown key or stage, a bad version or history entry.</summary>
    public const string ReleaseFileInvalid = "MLOPS0026";

    /// <summary>The model folder (models/&lt;Model&gt;) or its package id cannot be found.</summary>
    public const string ReleaseModelNotFound = "MLOPS0027";

    /// <summary>A stage named on the command line is not in stages.yaml, or cannot be promoted to (the first stage).</summary>
    public const string UnknownStage = "MLOPS0028";

    /// <summary>A rollback, or a promotion that overrides a check, was asked for without a reason.</summary>
    public const string ReleaseReasonRequired = "MLOPS0029";

    /// <summary>The version to promote (or declared for a stage) is not in the stage before's feed nor declared there.</summary>
    public const string VersionNotInPreviousStage = "MLOPS5012";

    /// <summary>A stage feed lists a version that neither the release file nor its history explains (e.g. pushed by hand).</summary>
    public const string UnexplainedStageVersion = "MLOPS5013";

    /// <summary>After sync, a stage feed still serves (highest listed) another version than the release file declares.</summary>
    public const string StageServesOtherVersion = "MLOPS5014";

    /// <summary>A package copied between stage feeds has other bytes (sha512) after the copy than before.</summary>
    public const string StageCopyHashMismatch = "MLOPS5015";

    /// <summary>A stage that requires signed packages was asked to take an unsigned one.</summary>
    public const string UnsignedPackageRefused = "MLOPS5016";

    /// <summary>Removing (folder) or unlisting (HTTP) a rolled-back version from a stage feed failed.</summary>
    public const string StageRemoveFailed = "MLOPS5017";

    /// <summary>A rollback has no earlier version to go back to (no history for the stage), or --to names one the stage never served.</summary>
    public const string NothingToRollBack = "MLOPS5018";

    /// <summary>verify: the model file's sha256 differs from the lineage's model_sha256 (tampered or corrupt package).</summary>
    public const string VerifyModelHashMismatch = "MLOPS5019";

    /// <summary>verify: the commit the lineage names is not in the repository.</summary>
    public const string VerifyCommitMissing = "MLOPS5020";

    /// <summary>verify: the spec or schema at the lineage's commit does not hash to the lineage's spec_sha256 / schema_sha256.</summary>
    public const string VerifyInputHashMismatch = "MLOPS5021";

    /// <summary>A stage names an api-key-env variable that is not set, and the stage's HTTP feed must be written.</summary>
    public const string StageApiKeyMissing = "MLOPS5022";

    /// <summary>A promotion would declare a version lower than the one the stage serves: that is a rollback.</summary>
    public const string PromotionIsDowngrade = "MLOPS5023";

    /// <summary>The declared version is in the stage's HTTP feed but unlisted (rolled back before); the feed cannot relist it.</summary>
    public const string DeclaredVersionUnlisted = "MLOPS5024";
}
