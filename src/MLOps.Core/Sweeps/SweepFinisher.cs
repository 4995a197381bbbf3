using System.Globalization;
using MLOps.Core.Diagnostics;
using MLOps.Core.Tracking;

namespace MLOps.Core.Sweeps;

/// <summary>A finished sweep: its parent, the winning trial's run and result, the metric and how many trials were compared.</summary>
public sealed record SweepResult(Run Parent, Run Winner, TrialResult Best, string Metric, int Trials);

/// <summary>
/// Finishes a sweep from the run store alone, so it works wherever the shards recorded (mlops sweep finish, the
/// finishing build): every planned trial must have a succeeded run under the parent (MLOPS8040 names the missing
/// ones), each with the metric on the validation split (MLOPS8042); the winner (<see cref="SweepWinner"/>) is tagged on
/// the parent (<c>winner=&lt;run id&gt;</c>), which becomes succeeded with the winner's validation value.
/// </summary>
public static class SweepFinisher
{
    public static SweepResult? Finish(IRunStore store, string parentReference, DiagnosticBag bag, TimeProvider? clock = null)
    {
        Run? parent = store.Get(parentReference);
        if (parent is null || parent.Source != RunSources.Sweep || parent.ParentId is not null
            || !parent.Params.TryGetValue(SweepRuns.MetricParam, out string? metric)
            || !parent.Params.TryGetValue(SweepRuns.TrialsParam, out string? plannedText)
            || !int.TryParse(plannedText, NumberStyles.None, CultureInfo.InvariantCulture, out int planned))
        {
            bag.Error(Codes.SweepParentNotFound, parent is null
                ? $"No run '{parentReference}' in the run store {store.Description}. Give the sweep's parent run id (the sweep prints it; mlops runs list --where \"source = 'sweep'\"), and the store the shards recorded into (--store or MLOPS_RUN_STORE)."
                : $"Run {parent.Id} is not a sweep's parent run (source {parent.Source}{(parent.ParentId is { } p ? $", a trial of {p}" : "")}). Give the parent's id.");
            return null;
        }

        var trials = store.List(new RunSelection(ParentId: parent.Id))
            .Where(r => r.Status == RunStatus.Succeeded && SweepRuns.TrialNumber(r) is >= 1 and var n && n <= planned)
            .GroupBy(r => SweepRuns.TrialNumber(r)!.Value)
            .ToDictionary(g => g.Key, g => g.First());
        int[] missing = [.. Enumerable.Range(1, planned).Where(n => !trials.ContainsKey(n))];
        if (missing.Length > 0)
        {
            bag.Error(Codes.SweepTrialsNotRecorded,
                $"Sweep {parent.Id} ({parent.Model}) planned {planned} trials; {missing.Length} have no succeeded run in {store.Description}: trial{(missing.Length > 1 ? "s" : "")} {string.Join(", ", missing.Select(n => $"{n} (run {SweepIds.Trial(parent.Id, n)})"))}. Run the shards that hold them again (the same CI run, --shard=i/n with trial index % n = i - 1), then finish.");
            return null;
        }

        var results = new List<TrialResult>();
        foreach (var (number, run) in trials.OrderBy(t => t.Key))
        {
            if (run.Metric(metric, RunMetric.Validation) is { } value)
            {
                results.Add(new TrialResult(number, value, run.Id));
            }
            else
            {
                bag.Error(Codes.SweepTrialWithoutMetric, $"Trial {number} (run {run.Id}) of sweep {parent.Id} has no validation value of {metric}. Run it again: a trial records every metric of its task on the validation split.");
            }
        }

        if (bag.HasErrors || SweepWinner.Pick(results, metric) is not { } best)
        {
            return null;
        }

        Run winner = trials[best.Trial];
        var tags = new Dictionary<string, string>(parent.Tags.ToDictionary(), StringComparer.Ordinal) { [SweepRuns.WinnerTag] = winner.Id };
        Run finished = parent with
        {
            Status = RunStatus.Succeeded,
            EndedAt = parent.EndedAt ?? (clock ?? TimeProvider.System).GetUtcNow(),
            Tags = tags,
            Metrics = [new RunMetric(RunMetric.Validation, metric, best.Value)],
        };
        store.Update(finished);
        return new SweepResult(finished, winner, best, metric, planned);
    }
}
