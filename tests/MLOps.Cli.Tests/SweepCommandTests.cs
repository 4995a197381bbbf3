using MLOps.Core.Diagnostics;
using MLOps.Core.Sweeps;
using MLOps.Core.Tracking;
using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Cli.Tests;

/// <summary><c>mlops sweep finish</c> on a SQLite run store holding a sweep's parent and its trials.</summary>
public sealed class SweepCommandTests : IDisposable
{
    private readonly TempFolder _dir = new("mlops-sweep-cli");
    private readonly string _parent = SweepIds.Parent("Demo", "spec", "data", "ci-1");

    private string Store => _dir.PathOf("runs.db");

    [Fact]
    public void Should_print_the_winner_and_tag_it_on_the_parent_When_every_trial_is_recorded()
    {
        // Given a sweep of 3 trials on auc, trials 2 and 3 tied at the best value
        Record(planned: 3, (1, 0.61), (2, 0.66), (3, 0.66));

        // When it is finished by a prefix of the parent's id
        CliResult result = Cli.Run("sweep", "finish", _parent[..8], "--store", Store);

        // Then trial 2 wins (ties to the lowest), is printed and tagged on the now succeeded parent
        Assert.Equal(0, result.ExitCode);
        string winner = SweepIds.Trial(_parent, 2);
        Assert.Contains($"winner trial 2 (run {winner}) with 0.6600", result.Output, StringComparison.Ordinal);
        Assert.Contains($"* trial   2  {winner}  auc 0.6600", result.Output, StringComparison.Ordinal);
        using IRunStore store = Open();
        Run parent = store.Get(_parent)!;
        Assert.Equal((RunStatus.Succeeded, winner), (parent.Status, parent.Tags["winner"]));
    }

    [Fact]
    public void Should_name_the_missing_trials_and_exit_1_When_a_shard_did_not_record()
    {
        // Given a sweep of 4 trials of which trials 2 and 4 were never recorded (a shard that did not run)
        Record(planned: 4, (1, 0.61), (3, 0.64));

        // When it is finished
        CliResult result = Cli.Run("sweep", "finish", _parent, "--store", Store);

        // Then MLOPS8040 names both, and the parent stays unfinished
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("MLOPS8040", result.Error, StringComparison.Ordinal);
        Assert.Contains($"trials 2 (run {SweepIds.Trial(_parent, 2)}), 4 (run {SweepIds.Trial(_parent, 4)})", result.Error, StringComparison.Ordinal);
        using IRunStore store = Open();
        Assert.Equal(RunStatus.Running, store.Get(_parent)!.Status);
    }

    [Fact]
    public void Should_name_the_trial_and_exit_1_with_MLOPS8042_When_a_trial_has_no_value_of_the_metric()
    {
        // Given a sweep on auc whose trial 2 recorded no validation auc
        Record(planned: 2, (1, 0.61), (2, double.NaN));

        // When it is finished
        CliResult result = Cli.Run("sweep", "finish", _parent, "--store", Store);

        // Then MLOPS8042 names trial 2 and its run, and no winner is tagged
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"MLOPS8042", result.Error, StringComparison.Ordinal);
        Assert.Contains($"Trial 2 (run {SweepIds.Trial(_parent, 2)})", result.Error, StringComparison.Ordinal);
        using IRunStore store = Open();
        Assert.False(store.Get(_parent)!.Tags.ContainsKey("winner"));
    }

    [Fact]
    public void Should_exit_2_with_MLOPS8041_When_the_parent_is_not_in_the_store()
    {
        Record(planned: 1, (1, 0.6));
        CliResult result = Cli.Run("sweep", "finish", "abcdef0123456789", "--store", Store);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("MLOPS8041", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_exit_2_with_MLOPS8041_When_the_run_is_a_trial_not_a_parent()
    {
        Record(planned: 1, (1, 0.6));
        CliResult result = Cli.Run("sweep", "finish", SweepIds.Trial(_parent, 1), "--store", Store);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"a trial of {_parent}", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();

    private void Record(int planned, params (int Trial, double Auc)[] trials)
    {
        using IRunStore store = Open();
        DateTimeOffset now = DateTimeOffset.UtcNow;
        store.Start(new Run
        {
            Id = _parent, Model = "Demo", Source = RunSources.Sweep, StartedAt = now,
            Params = new Dictionary<string, string> { [SweepRuns.MetricParam] = "auc", [SweepRuns.TrialsParam] = planned.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        });
        foreach (var (trial, auc) in trials)
        {
            store.Start(new Run
            {
                Id = SweepIds.Trial(_parent, trial), Model = "Demo", Source = RunSources.Sweep, StartedAt = now, EndedAt = now, ParentId = _parent,
                Status = RunStatus.Succeeded, Params = new Dictionary<string, string> { ["NumberOfLeaves"] = "7" },
                Tags = new Dictionary<string, string> { [SweepRuns.TrialTag] = trial.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                Metrics = double.IsNaN(auc) ? [] : [new RunMetric(RunMetric.Validation, "auc", auc)],
            });
        }
    }

    private IRunStore Open() => RunStores.Open(Store, new DiagnosticBag())!;
}
