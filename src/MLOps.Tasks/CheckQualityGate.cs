using Microsoft.Build.Framework;
using MLOps.Core.Diagnostics;
using MLOps.Core.Evaluation;
using MLOps.Core.Gates;
using MLOps.Core.IO;
using MLOps.Core.SourceControl;
using MLOps.Core.Spec;
using MLOps.ModelFormat.Contract;

namespace MLOps.Tasks;

/// <summary>
/// Applies the spec's gates to metrics.json, and its champion thresholds to champion.json when a champion was evaluated;
/// writes gate.json (and the champion and override records) only when the gates pass or a failure was overridden with a
/// reason, so a failed gate is re-checked (and fails) on every build. The results go to a JUnit file either way.
/// </summary>
public sealed class CheckQualityGate : MLOpsTask
{
    [Required]
    public string SpecFile { get; set; } = "";

    [Required]
    public string MetricsFile { get; set; } = "";

    [Required]
    public string VerdictFile { get; set; } = "";

    /// <summary>champion.json from EvaluateChampion; absent or empty: no champion, the absolute gates alone decide.</summary>
    public string? ChampionFile { get; set; }

    /// <summary>MLOpsGateOverride: the reason failed gates are let through; empty: no override.</summary>
    public string? GateOverride { get; set; }

    /// <summary>Where the results go as JUnit XML; empty: not written.</summary>
    public string? JUnitFile { get; set; }

    /// <summary>
    /// A retrain (MLOpsRetrainWindowFile): losing to the champion, and only that (MLOPS3004), is an outcome rather than a
    /// failure. The failures become warnings with MLOPS7042, <see cref="ChampionKeptFile"/> is written, and no gate.json
    /// is, so nothing is packed or published (docs/monitoring.md#retraining).
    /// </summary>
    public bool KeepChampionOnLoss { get; set; }

    /// <summary>Written when the champion was kept (a retrain lost to it); deleted otherwise.</summary>
    public string? ChampionKeptFile { get; set; }

    protected override void Run(DiagnosticBag bag)
    {
        string directory = Path.GetDirectoryName(Path.GetFullPath(VerdictFile))!;
        if (File.Exists(VerdictFile))
        {
            File.Delete(VerdictFile);
        }

        GateRecords.Clear(directory);
        if (SpecLoader.Load(SpecFile, bag) is not { } spec ||
            IntermediateFile.Read<SortedDictionary<string, double>>(MetricsFile, bag) is not { } metrics)
        {
            return;
        }

        ChampionEvaluation? champion = null;
        if (ChampionFile is { Length: > 0 } && File.Exists(ChampionFile) && (champion = IntermediateFile.Read<ChampionEvaluation>(ChampionFile, bag)) is null)
        {
            return;
        }

        string specDirectory = Path.GetDirectoryName(spec.SourcePath)!;
        var found = new DiagnosticBag();
        GateOutcome outcome = GateRun.Run(spec, metrics, champion, GateOverride, () => CiEnvironment.Current(specDirectory).Identity, found);
        if (JUnitFile is { Length: > 0 })
        {
            GateJUnit.Write(JUnitFile, spec.Name, outcome.Cases, outcome.Champion, outcome.Override);
        }

        if (KeepChampion(found, outcome, bag))
        {
            return;
        }

        foreach (Diagnostic d in found)
        {
            bag.Add(d);
        }

        if (!bag.HasErrors)
        {
            JsonFile.Write(VerdictFile, outcome.Gates);
            GateRecords.Write(directory, outcome);
            int passed = outcome.Cases.Count(c => c.Status == GateStatus.Passed);
            int checks = outcome.Cases.Count(c => c.Status != GateStatus.NotRun);
            string against = outcome.Champion is { } c ? $", against champion {c.Version}" : "";
            Progress(outcome.Override is null
                ? $"{spec.Name}: quality gate passed ({passed} of {checks} checks{against})"
                : $"{spec.Name}: quality gate failed and overridden ({passed} of {checks} checks passed{against})");
        }
    }

    private bool KeepChampion(DiagnosticBag found, GateOutcome outcome, DiagnosticBag bag)
    {
        bool kept = KeepChampionOnLoss && outcome.Champion is not null && found.HasErrors
            && found.Where(d => d.Severity == Severity.Error).All(d => d.Code == Codes.ChampionGateFailed);
        if (ChampionKeptFile is not { Length: > 0 } file)
        {
            return false;
        }

        if (!kept)
        {
            File.Delete(file);
            return false;
        }

        foreach (Diagnostic d in found)
        {
            bag.Add(d with { Severity = Severity.Warning });
        }

        ChampionComparison c = outcome.Champion!;
        bag.Warning(Codes.RetrainChampionKept, $"The retrained model did not beat champion {c.Version} ({c.Stage}) on its test rows: nothing is packed or published, and the champion keeps serving. The run is recorded as gate-failed with both models' metrics.", SpecFile);
        JsonFile.Write(file, c);
        return true;
    }
}
