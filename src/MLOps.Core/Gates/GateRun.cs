using MLOps.Core.Diagnostics;
using MLOps.Core.Spec;
using MLOps.ModelFormat.Contract;

namespace MLOps.Core.Gates;

/// <summary>What the gate step decided: the verdicts for lineage, the override if one was used, and every gate as a test case.</summary>
public sealed record GateOutcome(IReadOnlyList<GateVerdict> Gates, ChampionComparison? Champion, GateOverride? Override, IReadOnlyList<GateCase> Cases);

/// <summary>
/// The gate step: the absolute thresholds, then the champion thresholds when a champion was evaluated. With an override
/// reason, failed gates (MLOPS3001, MLOPS3004, MLOPS3007) become warnings that carry it, and MLOPS3008 says who let them
/// through; a gate that cannot be checked at all (MLOPS3002) stays an error.
/// </summary>
public static class GateRun
{
    private static readonly string[] Overridable = [Codes.GateFailed, Codes.ChampionGateFailed, Codes.ChampionNotComparable];

    public static GateOutcome Run(ModelSpec spec, IReadOnlyDictionary<string, double> metrics, ChampionEvaluation? champion, string? overrideReason, Func<string> identity, DiagnosticBag bag)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(bag);
        var found = new DiagnosticBag();
        IReadOnlyList<GateVerdict> gates = QualityGate.Check(spec, metrics, found);
        ChampionComparison? comparison = champion is null ? null : ChampionGate.Compare(spec, metrics, champion, found);
        List<Diagnostic> failures = found.Where(d => d.Severity == Severity.Error && Overridable.Contains(d.Code)).ToList();
        string? reason = string.IsNullOrWhiteSpace(overrideReason) ? null : overrideReason.Trim();
        GateOverride? applied = reason is not null && failures.Count > 0 ? new GateOverride(reason, identity()) : null;
        foreach (Diagnostic d in found)
        {
            bag.Add(applied is not null && failures.Contains(d) ? Overridden(d, applied) : d);
        }

        if (applied is not null)
        {
            bag.Warning(Codes.GateOverridden, $"{failures.Count} failed gate(s) overridden by {applied.By}: {applied.Reason}. The model is packed; its lineage (gate_override) and model card record the override.", spec.SourcePath);
        }

        return new GateOutcome(gates, comparison, applied, GateCases.Of(spec, metrics, champion, found, applied is not null));
    }

    /// <summary>The failure's text without "The model is not packed.", and the reason it was let through.</summary>
    public static Diagnostic Overridden(Diagnostic failure, GateOverride applied)
    {
        ArgumentNullException.ThrowIfNull(failure);
        ArgumentNullException.ThrowIfNull(applied);
        return failure with
        {
            Severity = Severity.Warning,
            Message = $"{failure.Message.Replace(QualityGate.NotPacked, "", StringComparison.Ordinal)} Overridden: {applied.Reason}",
        };
    }
}
