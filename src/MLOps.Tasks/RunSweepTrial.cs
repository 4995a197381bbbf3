using System.Diagnostics;
using System.Globalization;
using Microsoft.Build.Framework;
using MLOps.Core.Diagnostics;
using MLOps.Core.Spec;
using MLOps.Core.Sweeps;
using MLOps.Core.Tracking;

namespace MLOps.Tasks;

/// <summary>
/// One trial of a sweep, as its own process (TaskHostFactory): trains with the trial's parameters into its folder,
/// scores the validation split, and records the trial as a child run of the sweep's parent (source sweep). Training,
/// scoring and recording share one process, so a trial pays for loading ML.NET and the data once. A trial already
/// recorded as succeeded under this parent with the same parameters (a rerun of a shard, or a resumed sweep) is not
/// run again.
/// </summary>
public sealed class RunSweepTrial : MLOpsTask
{
    [Required]
    public string SpecFile { get; set; } = "";

    [Required]
    public int TrialNumber { get; set; }

    /// <summary>Every parameter of the trial, as <see cref="SweepTrial.ParameterText"/> writes them.</summary>
    [Required]
    public string Parameters { get; set; } = "";

    [Required]
    public string ParentId { get; set; } = "";

    [Required]
    public string OutputDirectory { get; set; } = "";

    /// <summary>The spec's sha256 and the data fingerprint, as HashInputs computed them (PlanSweep passes them on).</summary>
    [Required]
    public string SpecSha256 { get; set; } = "";

    [Required]
    public string DataFingerprint { get; set; } = "";

    public string RunStore { get; set; } = "";

    protected override void Run(DiagnosticBag bag)
    {
        if (SpecInputs.Load(SpecFile, bag) is not var (spec, schema) || SweepTrial.Parse(Parameters) is not { } parameters
            || SweepStore.Open(RunStore, bag) is not { } store)
        {
            return;
        }

        using (store)
        {
            var trial = new SweepTrial(TrialNumber, parameters);
            Run run = SweepRuns.Trial(spec, ParentId, trial, SpecSha256, DataFingerprint, DateTimeOffset.UtcNow);
            if (SweepStore.Guard(bag, () => store.Get(run.Id)) is { Status: RunStatus.Succeeded } done && SameParameters(done, run))
            {
                Progress($"{spec.Name}: trial {TrialNumber} already recorded (run {done.Id}, {Describe(spec, done)}); not run again");
                return;
            }

            if (bag.HasErrors || !SweepStore.Guard(bag, () => { SweepRuns.Save(store, run); return true; }))
            {
                return;
            }

            var clock = Stopwatch.StartNew();
            TrialOutcome? outcome = Train(spec, schema, trial, bag);
            Run recorded = outcome is null ? run with { Status = RunStatus.Failed, EndedAt = DateTimeOffset.UtcNow } : SweepRuns.Succeeded(run, outcome, DateTimeOffset.UtcNow);
            SweepStore.Guard(bag, () => { store.Update(recorded); return 0; });
            if (outcome is not null)
            {
                Progress($"{spec.Name}: trial {TrialNumber} ({trial.ParameterText.Replace('|', ' ')}): {Describe(spec, recorded)} in {clock.Elapsed.TotalSeconds:0.0} s (run {run.Id})");
            }
        }
    }

    private TrialOutcome? Train(ModelSpec spec, Core.Data.Schema.TableSchema schema, SweepTrial trial, DiagnosticBag bag)
    {
        try
        {
            return SweepTrialRunner.Run(spec, schema, trial, OutputDirectory, bag);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException)
        {
            // ML.NET signals unusable data or parameters (a negative learning rate, say) with these.
            bag.Error(Codes.TrainingFailed, $"Trial {trial.Number} ({trial.ParameterText.Replace('|', ' ')}) failed: {e.Message} Check the sweep's ranges for this trainer.", spec.SourcePath, spec.Sweep?.Line ?? 0);
            return null;
        }
    }

    private static bool SameParameters(Run done, Run planned) =>
        planned.Params.All(p => done.Params.TryGetValue(p.Key, out string? value) && value == p.Value) && done.Params.Count == planned.Params.Count;

    private static string Describe(ModelSpec spec, Run run) =>
        $"validation {spec.Sweep!.Metric} {run.Metric(spec.Sweep.Metric, RunMetric.Validation)?.ToString("0.0000", CultureInfo.InvariantCulture) ?? "?"}";
}
