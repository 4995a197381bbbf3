using Microsoft.Build.Framework;
using MLOps.Core.Diagnostics;
using MLOps.Core.Evaluation;
using MLOps.Core.Gates;
using MLOps.Core.IO;
using MLOps.Core.SourceControl;
using MLOps.Core.Spec;

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
        GateOutcome outcome = GateRun.Run(spec, metrics, champion, GateOverride, () => CiEnvironment.Current(specDirectory).Identity, bag);
        if (JUnitFile is { Length: > 0 })
        {
            GateJUnit.Write(JUnitFile, spec.Name, outcome.Cases, outcome.Champion, outcome.Override);
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
}
