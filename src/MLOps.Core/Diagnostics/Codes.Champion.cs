namespace MLOps.Core.Diagnostics;

// Champion and challenger: the candidate against the model a stage serves, and overrides of failed gates.
public static partial class Codes
{
    /// <summary>The candidate misses a champion threshold (min-improvement, min-relative-improvement or max-regression): the model is not packed.</summary>
    public const string ChampionGateFailed = "MLOPS3004";

    /// <summary>The champion (MLOpsChampionVersion) is not in the champion feed, or its package holds no model or lineage.</summary>
    public const string ChampionUnavailable = "MLOPS3005";

    /// <summary>The champion package's model.zip does not hash to the model_sha256 its lineage records.</summary>
    public const string ChampionModelMismatch = "MLOPS3006";

    /// <summary>The champion cannot score the candidate's test rows (its input schema no longer fits them): no comparison can be made.</summary>
    public const string ChampionNotComparable = "MLOPS3007";

    /// <summary>Failed gates were let through with MLOpsGateOverride; the reason and who gave it are recorded (a warning).</summary>
    public const string GateOverridden = "MLOPS3008";
}
