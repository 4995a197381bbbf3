using System.Globalization;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using MLOps.Core.Diagnostics;
using MLOps.Core.IO;
using MLOps.Core.Spec;
using MLOps.Core.Sweeps;
using MLOps.Core.Tracking;

namespace MLOps.Tasks;

/// <summary>
/// Plans a sweep (docs/sweeps.md): the spec's trials, this shard's share of them in waves of the degree, and the parent
/// run (derived id, created in the run store unless a shard created it first). Light: no ML.NET, no data read (the input
/// hashes come from HashInputs' stamps), so it runs in-process.
/// </summary>
public sealed class PlanSweep : MLOpsTask
{
    [Required]
    public string SpecFile { get; set; } = "";

    /// <summary>Where HashInputs wrote the spec and data hashes the parent's id derives from.</summary>
    [Required]
    public string StampDirectory { get; set; } = "";

    [Required]
    public string SweepDirectory { get; set; } = "";

    /// <summary>i/n (MLOpsSweepShard); empty: every trial.</summary>
    public string Shard { get; set; } = "";

    /// <summary>Trial processes at once (MLOpsSweepParallel); empty: the spec's parallel, else the processor count.</summary>
    public string Parallel { get; set; } = "";

    /// <summary>MLOpsSweepId: the CI run's id, so shards of one CI run share the parent; empty on a laptop.</summary>
    public string SweepId { get; set; } = "";

    /// <summary>The run store's connection string; empty when run tracking is off.</summary>
    public string RunStore { get; set; } = "";

    /// <summary>MSBuild's node count ($(MSBuildNodeCount), from -m): trials beyond it wait for a node.</summary>
    public int NodeCount { get; set; }

    /// <summary>False: a spec without a sweep section is skipped with a message (every model of a repository), not MLOPS8045.</summary>
    public bool Required { get; set; } = true;

    [Output]
    public string ParentId { get; private set; } = "";

    /// <summary>This shard's trials: ItemSpec the trial's folder name; Number, Parameters, RunId, Wave.</summary>
    [Output]
    public ITaskItem[] Trials { get; private set; } = [];

    [Output]
    public bool WholeSweep { get; private set; }

    [Output]
    public string SpecSha256 { get; private set; } = "";

    [Output]
    public string DataFingerprint { get; private set; } = "";

    private static int DefaultDegree => Math.Max(1, Environment.ProcessorCount / 2);

    protected override void Run(DiagnosticBag bag)
    {
        if (SpecLoader.Load(SpecFile, bag) is not { } spec)
        {
            return;
        }

        if (spec.Sweep is not { } sweep)
        {
            if (!Required)
            {
                Progress($"{spec.Name}: no sweep section in its spec; nothing to sweep");
                return;
            }

            bag.Error(Codes.SweepNotDeclared, $"{spec.Name} has no sweep section in its spec, so there is nothing to sweep. Add one (docs/sweeps.md), or build the model without the sweep target.", spec.SourcePath);
            return;
        }

        SweepShard? shard = SweepShard.Parse(Shard);
        if (shard is null)
        {
            bag.Error(Codes.SweepInvalidShard, $"MLOpsSweepShard is '{Shard}'; expected i/n with 1 <= i <= n (the 2nd of 3 shards: 2/3). With --shard on ./build.sh, the same.");
        }

        int degree = 0;
        if (Parallel.Length > 0 && (!int.TryParse(Parallel, NumberStyles.None, CultureInfo.InvariantCulture, out degree) || degree < 1))
        {
            bag.Error(Codes.SweepInvalidParallel, $"MLOpsSweepParallel is '{Parallel}'; expected a whole number of trial processes at once, at least 1. Leave it empty to use the spec's sweep.parallel (or half the processor count).");
        }

        if (bag.HasErrors || InputStamps.Read(StampDirectory, bag) is not { } hashes || SweepStore.Open(RunStore, bag) is not { } store)
        {
            return;
        }

        using (store)
        {
            // Default: half the cores. A trial process is already parallel even with one LightGBM thread (ML.NET's data
            // loading, featurizing and scoring use every core): bench/results/2026-12-01-sweep.md measured 8 trials at 29.9 s
            // pinned to one core and 13.9 s on two, so a trial per core only makes them contend.
            degree = degree > 0 ? degree : sweep.Parallel ?? DefaultDegree;
            if (NodeCount > 0 && degree > NodeCount)
            {
                bag.Warning(Codes.SweepDegreeAboveNodes, $"The sweep asks for {degree} trials at once, but MSBuild has {NodeCount} node{(NodeCount > 1 ? "s" : "")}, so only {NodeCount} run at once. Build with -m:{degree} (or -m), or lower the degree.", spec.SourcePath, sweep.Line);
            }

            IReadOnlyList<SweepTrial> plan = SweepPlan.For(spec);
            ParentId = SweepIds.Parent(spec.Name, hashes.SpecSha256, hashes.DataFingerprint, SweepId);
            Run parent = SweepRuns.Parent(spec, ParentId, plan.Count, hashes.SpecSha256, hashes.DataFingerprint, DateTimeOffset.UtcNow);
            SweepStore.Guard(bag, () => { SweepRuns.EnsureParent(store, parent); return 0; });
            IReadOnlyList<SweepTrial> mine = shard!.Of(plan);
            Trials = [.. mine.Select((t, i) => Item(t, i / degree))];
            WholeSweep = shard.IsWhole;
            (SpecSha256, DataFingerprint) = (hashes.SpecSha256, hashes.DataFingerprint);
            Directory.CreateDirectory(SweepDirectory);
            JsonFile.Write(Path.Combine(SweepDirectory, "plan.json"), new { parent = ParentId, metric = sweep.Metric, shard = shard.ToString(), degree, trials = plan.Select(t => new { number = t.Number, parameters = t.Parameters }) });
            Progress($"{spec.Name}: sweep {ParentId} ({sweep.Metric} on the validation split): {plan.Count} trials, {(shard.IsWhole ? "all" : $"shard {shard}: trials {string.Join(", ", mine.Select(t => t.Number))}")}, {degree} at once; runs in {store.Description}");
        }
    }

    private TaskItem Item(SweepTrial trial, int wave)
    {
        var item = new TaskItem(trial.FolderName);
        item.SetMetadata("Number", trial.Number.ToString(CultureInfo.InvariantCulture));
        item.SetMetadata("Parameters", trial.ParameterText);
        item.SetMetadata("RunId", SweepIds.Trial(ParentId, trial.Number));
        item.SetMetadata("Wave", wave.ToString(CultureInfo.InvariantCulture));
        return item;
    }
}
