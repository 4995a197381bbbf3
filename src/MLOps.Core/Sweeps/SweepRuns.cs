using System.Globalization;
using MLOps.Core.Spec;
using MLOps.Core.Tracking;

namespace MLOps.Core.Sweeps;

/// <summary>
/// A sweep's runs in the run store: one parent per sweep (source sweep, no parent of its own) whose params say what
/// was planned (sweep_strategy, sweep_metric, sweep_trials, sweep_seed), and one child run per trial (source sweep,
/// parent_id, tag <c>trial</c>) with every hyperparameter and the validation metrics. Ids are derived
/// (<see cref="SweepIds"/>), so shards on other agents and reruns meet the same runs.
/// </summary>
public static class SweepRuns
{
    public const string TrialTag = "trial", WinnerTag = "winner";
    public const string MetricParam = "sweep_metric", TrialsParam = "sweep_trials", StrategyParam = "sweep_strategy", SeedParam = "sweep_seed";

    public static Run Parent(ModelSpec spec, string parentId, int planned, string specSha256, string dataFingerprint, DateTimeOffset now)
    {
        SweepSpec sweep = spec.Sweep!;
        return new Run
        {
            Id = parentId,
            Model = spec.Name,
            Source = RunSources.Sweep,
            StartedAt = now,
            DataFingerprint = dataFingerprint,
            Host = Environment.MachineName,
            // No process: the parent spans the shards' processes and agents, so it must not be taken for abandoned
            // when the process that created it ends.
            ProcessId = null,
            Params = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["trainer"] = spec.Trainer.Name,
                ["seed"] = Text(spec.Trainer.Seed),
                ["spec_sha256"] = specSha256,
                [MetricParam] = sweep.Metric,
                [TrialsParam] = Text(planned),
                [StrategyParam] = sweep.Strategy == SweepStrategy.Grid ? "grid" : "random",
                [SeedParam] = Text(sweep.Seed),
            },
        };
    }

    public static Run Trial(ModelSpec spec, string parentId, SweepTrial trial, string specSha256, string dataFingerprint, DateTimeOffset now)
    {
        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["trainer"] = spec.Trainer.Name,
            ["seed"] = Text(spec.Trainer.Seed),
            ["spec_sha256"] = specSha256,
        };
        foreach (var (name, value) in trial.Parameters)
        {
            parameters[name] = value.ToString("R", CultureInfo.InvariantCulture);
        }

        return new Run
        {
            Id = SweepIds.Trial(parentId, trial.Number),
            Model = spec.Name,
            Source = RunSources.Sweep,
            StartedAt = now,
            ParentId = parentId,
            DataFingerprint = dataFingerprint,
            Host = Environment.MachineName,
            ProcessId = Environment.ProcessId,
            Params = parameters,
            Tags = new Dictionary<string, string>(StringComparer.Ordinal) { [TrialTag] = Text(trial.Number) },
        };
    }

    public static Run Succeeded(Run trial, TrialOutcome outcome, DateTimeOffset now) => trial with
    {
        Status = RunStatus.Succeeded,
        EndedAt = now,
        ModelSha256 = outcome.Training.ModelSha256,
        Metrics = [.. outcome.Validation.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => new RunMetric(RunMetric.Validation, m.Key, m.Value))],
    };

    /// <summary>Inserts the parent unless it is there: shards start at once, and the first to insert wins.</summary>
    public static void EnsureParent(IRunStore store, Run parent)
    {
        if (store.Get(parent.Id) is not null)
        {
            return;
        }

        try
        {
            store.Start(parent);
        }
        catch (RunStoreException) when (store.Get(parent.Id) is not null)
        {
            // Another shard inserted it between the look and the insert.
        }
    }

    /// <summary>Writes a run whether or not it exists (a rerun of a failed trial replaces its record).</summary>
    public static void Save(IRunStore store, Run run)
    {
        if (store.Get(run.Id) is null)
        {
            store.Start(run);
        }
        else
        {
            store.Update(run);
        }
    }

    public static int? TrialNumber(Run run) =>
        run.Tags.TryGetValue(TrialTag, out string? text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : null;

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
