using Microsoft.Build.Framework;
using MLOps.Core.Diagnostics;
using MLOps.Core.IO;
using MLOps.Core.Spec;
using MLOps.Core.Sweeps;
using MLOps.ModelFormat.Contract;

namespace MLOps.Tasks;

/// <summary>
/// Finishes a sweep (every planned trial recorded, the winner picked and tagged on the parent: <see cref="SweepFinisher"/>)
/// and writes sweep/winner.json, from which the train step of the same build trains the candidate. The parent comes
/// from MLOpsSweepParent, or is derived as PlanSweep derives it (the finishing job of a CI run computes the same id).
/// </summary>
public sealed class FinishSweep : MLOpsTask
{
    [Required]
    public string SpecFile { get; set; } = "";

    [Required]
    public string StampDirectory { get; set; } = "";

    [Required]
    public string WinnerFile { get; set; } = "";

    /// <summary>The parent run's id (or a unique prefix); empty: derived from the inputs and <see cref="SweepId"/>.</summary>
    public string ParentId { get; set; } = "";

    public string SweepId { get; set; } = "";

    public string RunStore { get; set; } = "";

    /// <summary>False: a spec without a sweep section is skipped, not MLOPS8045.</summary>
    public bool Required { get; set; } = true;

    /// <summary>The winner file written; empty when there is no sweep to finish.</summary>
    [Output]
    public string Winner { get; private set; } = "";

    protected override void Run(DiagnosticBag bag)
    {
        if (SpecLoader.Load(SpecFile, bag) is not { } spec || InputStamps.Read(StampDirectory, bag) is not { } hashes)
        {
            return;
        }

        if (spec.Sweep is null)
        {
            if (!Required)
            {
                return;
            }

            bag.Error(Codes.SweepNotDeclared, $"{spec.Name} has no sweep section in its spec, so there is no sweep to finish.", spec.SourcePath);
            return;
        }

        if (SweepStore.Open(RunStore, bag) is not { } store)
        {
            return;
        }

        using (store)
        {
            string parentRef = ParentId.Length > 0 ? ParentId : SweepIds.Parent(spec.Name, hashes.SpecSha256, hashes.DataFingerprint, SweepId);
            // The inputs first: a parent swept on another spec or data is neither finished nor trained from.
            if (SweepStore.Guard(bag, () => store.Get(parentRef)) is { } swept
                && (swept.Params.GetValueOrDefault("spec_sha256") != hashes.SpecSha256 || swept.DataFingerprint != hashes.DataFingerprint))
            {
                bag.Error(Codes.SweepInputsChanged, $"Sweep {swept.Id} was run on other inputs than {spec.Name} has now (spec sha256 {hashes.SpecSha256[..12]}, data {hashes.DataFingerprint}): its winner's parameters may not suit them. Sweep again, or finish in a checkout with the commit and data the sweep ran on.", spec.SourcePath, spec.Sweep.Line);
                return;
            }

            if (bag.HasErrors || SweepStore.Guard(bag, () => SweepFinisher.Finish(store, parentRef, bag)) is not { } result)
            {
                return;
            }

            // The spec is the one swept (checked above) and the plan is a function of it: the winner's parameters are its plan entry.
            IReadOnlyDictionary<string, double> parameters = SweepPlan.For(spec)[result.Best.Trial - 1].Parameters;
            var sweep = new SweepLineage(result.Parent.Id, result.Best.Trial, result.Metric, result.Best.Value, result.Trials, result.Winner.Id);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(WinnerFile))!);
            JsonFile.Write(WinnerFile, new SweepWinnerFile(sweep, parameters, hashes.SpecSha256, hashes.DataFingerprint));
            Winner = WinnerFile;
            Progress($"{spec.Name}: sweep {result.Parent.Id} won by trial {sweep.Trial} of {sweep.Trials} (run {sweep.RunId}): validation {sweep.Metric} {sweep.Value:0.0000}; training the candidate with its parameters");
        }
    }
}
