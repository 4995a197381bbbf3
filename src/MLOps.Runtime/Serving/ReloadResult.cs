namespace MLOps.Runtime;

/// <summary>What a reload did.</summary>
public enum ReloadOutcome
{
    /// <summary>A newer model was loaded, verified and now serves.</summary>
    Swapped,

    /// <summary>Nothing newer was found; the current model keeps serving.</summary>
    Unchanged,

    /// <summary>A candidate was found but refused (or the source failed); the current model keeps serving.</summary>
    Failed,
}

/// <summary>
/// The result of one reload (on demand or by polling). A failure never stops the current model: <see cref="Current"/>
/// is what serves after the reload, and <see cref="Code"/> the MLOPS6xxx code of why the candidate was refused.
/// </summary>
public sealed record ReloadResult(ReloadOutcome Outcome, ModelInfo Current, ModelInfo? Previous, string? Code, string? Message)
{
    public static ReloadResult Swapped(ModelInfo previous, ModelInfo current) => new(ReloadOutcome.Swapped, current, previous, null, null);

    public static ReloadResult Unchanged(ModelInfo current) => new(ReloadOutcome.Unchanged, current, null, null, null);

    public static ReloadResult Failed(ModelInfo current, string code, string message) => new(ReloadOutcome.Failed, current, null, code, message);
}
