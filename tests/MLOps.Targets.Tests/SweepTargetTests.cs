using System.Text.Json;
using MLOps.Core.Tracking;
using MLOps.Tests.Infrastructure;
using MLOps.Tests.Shared.Postgres;
using Xunit;
using Xunit.Abstractions;

namespace MLOps.Targets.Tests;

/// <summary>
/// MLOpsSweep on a small model (docs/sweeps.md): a grid of 4 trials on 4,000 rows of data/flights, each trial its own
/// process, recorded as child runs; the winner is the best validation trial and the package's lineage names it.
/// </summary>
[Collection(TargetsCollection.Name)]
public sealed class SweepTargetTests(ITestOutputHelper log)
{
    [Fact]
    public void Should_package_the_best_validation_trial_and_never_touch_the_test_split_When_a_model_is_swept()
    {
        // Given a model whose spec sweeps a grid of 4 trials, 2 at once, with a validation split
        using TempModelProject project = SweepProject.Create(log);

        // When it is swept, and the winner published
        DotNetResult sweep = project.MSBuild("-restore", "-m:2", "-t:MLOpsSweep", "-p:MLOpsSweepPublish=true");

        // Then the sweep succeeds with 2 MSBuild nodes for its 2 trials at once, and every trial has its validation metrics, in its own folder
        Assert.True(sweep.Succeeded, sweep.ToString());
        Assert.DoesNotContain("MLOPS8050", sweep.Output, StringComparison.Ordinal);
        var auc = Enumerable.Range(1, 4).ToDictionary(n => n, n => SweepProject.ValidationAuc(project, n));
        int best = auc.OrderByDescending(a => a.Value).ThenBy(a => a.Key).First().Key;

        // And the winner is the trial with the best validation auc (ties to the lowest), as the package's lineage says
        JsonElement lineage = SweepProject.PackagedLineage(project).GetProperty("sweep");
        Assert.Equal((best, 4, "auc"), (lineage.GetProperty("trial").GetInt32(), lineage.GetProperty("trials").GetInt32(), lineage.GetProperty("metric").GetString()));
        Assert.Equal(auc[best], lineage.GetProperty("value").GetDouble(), 12);
        Assert.Contains($"won by trial {best} of 4", sweep.Output, StringComparison.Ordinal);

        // And the candidate retrained from the winner's parameters is the winning trial's model, byte for byte
        Assert.Equal(SweepProject.ModelSha(Path.Combine(project.IntermediateDirectory, "training.json")),
            SweepProject.ModelSha(Path.Combine(SweepProject.TrialDirectory(project, best), "training.json")));

        // And no trial read the test split: no test rows or test metrics in a trial's folder, only validation metrics in its run
        using IRunStore store = SweepProject.OpenStore(Path.Combine(project.ArtifactsDirectory, "runs.db"));
        Run parent = Assert.Single(store.List(new RunSelection(Where: null)), r => r.ParentId is null && r.Source == RunSources.Sweep);
        IReadOnlyList<Run> trials = store.List(new RunSelection(ParentId: parent.Id));
        Assert.Equal(4, trials.Count);
        Assert.All(trials, t => Assert.All(t.Metrics, m => Assert.Equal(RunMetric.Validation, m.Split)));
        Assert.All(Enumerable.Range(1, 4), n => Assert.DoesNotContain(Directory.GetFiles(SweepProject.TrialDirectory(project, n)), f => Path.GetFileName(f) is "test.idv" or "metrics.json"));
        Assert.Equal(trials.Single(t => t.Tags["trial"] == best.ToString(System.Globalization.CultureInfo.InvariantCulture)).Id, parent.Tags["winner"]);
        Assert.Equal(RunStatus.Succeeded, parent.Status);
    }

    [SkippableFact]
    public void Should_pick_the_same_winner_as_the_whole_sweep_When_three_shards_run_as_separate_processes_against_one_PostgreSQL()
    {
        Skip.If(PostgresServer.Missing is not null, PostgresServer.Missing);

        // Given the same model twice: one swept whole into SQLite, one in 3 shards recording into one PostgreSQL database
        using TempModelProject whole = SweepProject.Create(log);
        using TempModelProject sharded = SweepProject.Create(log);
        string database = PostgresServer.Shared.CreateDatabase();
        var ci = new Dictionary<string, string> { ["MLOPS_RUN_STORE"] = database, ["GITHUB_RUN_ID"] = "4242" };
        Assert.True(whole.MSBuild("-restore", "-t:MLOpsSweep").Succeeded);
        Assert.True(sharded.Restore().Succeeded);

        // When the 3 shards run at once as separate processes (as 3 CI agents would), then the finishing build
        var shards = Enumerable.Range(1, 3).Select(i => Task.Run(() => sharded.DotNetWith(ci, "msbuild", "-t:MLOpsSweep", $"-p:MLOpsSweepShard={i}/3", "-p:Configuration=" + TempModelProject.Configuration))).ToArray();
        Task.WaitAll(shards);
        DotNetResult finish = sharded.DotNetWith(ci, "msbuild", "-t:MLOpsSweepFinish", "-p:Configuration=" + TempModelProject.Configuration);

        // Then each shard ran its own trials, and the finish picked the whole sweep's winner with the same value
        Assert.All(shards, s => Assert.True(s.Result.Succeeded, s.Result.ToString()));
        Assert.Contains("shard 1/3: trials 1, 4", shards[0].Result.Output, StringComparison.Ordinal);
        Assert.True(finish.Succeeded, finish.ToString());
        JsonElement wholeWinner = SweepProject.Winner(whole), shardedWinner = SweepProject.Winner(sharded);
        Assert.Equal(wholeWinner.GetProperty("sweep").GetProperty("trial").GetInt32(), shardedWinner.GetProperty("sweep").GetProperty("trial").GetInt32());
        Assert.Equal(wholeWinner.GetProperty("sweep").GetProperty("value").GetDouble(), shardedWinner.GetProperty("sweep").GetProperty("value").GetDouble());

        // And the PostgreSQL store holds the parent, tagged with the winner, and its 4 trials
        using IRunStore store = SweepProject.OpenStore(database);
        Run parent = store.Get(shardedWinner.GetProperty("sweep").GetProperty("parent").GetString()!)!;
        Assert.Equal(shardedWinner.GetProperty("sweep").GetProperty("run_id").GetString(), parent.Tags["winner"]);
        Assert.Equal(4, store.List(new RunSelection(ParentId: parent.Id)).Count);
    }

    [Fact]
    public void Should_name_the_missing_trials_When_a_sweep_is_finished_before_every_shard_ran()
    {
        // Given a sweep of which only shard 1 of 2 ran
        using TempModelProject project = SweepProject.Create(log);
        Assert.True(project.MSBuild("-restore", "-t:MLOpsSweep", "-p:MLOpsSweepShard=1/2").Succeeded);

        // When it is finished
        DotNetResult finish = project.MSBuild("-t:MLOpsSweepFinish");

        // Then MLOPS8040 names trials 2 and 4 (shard 2's), and nothing is trained
        Assert.False(finish.Succeeded);
        Assert.Contains("error MLOPS8040", finish.Output, StringComparison.Ordinal);
        Assert.Contains("trials 2 (run ", finish.Output, StringComparison.Ordinal);
        Assert.Contains(", 4 (run ", finish.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(project.IntermediateDirectory, "model.zip")));
    }

    [Fact]
    public void Should_keep_the_winner_for_later_packs_until_the_spec_changes_When_a_sweep_finished()
    {
        // Given a model swept once (no publish)
        using TempModelProject project = SweepProject.Create(log);
        Assert.True(project.MSBuild("-restore", "-t:MLOpsSweep").Succeeded);
        string parent = SweepProject.Winner(project).GetProperty("sweep").GetProperty("parent").GetString()!;

        // When it is packed later, then its spec changes and the old sweep is finished again, then it is built
        DotNetResult pack = project.Pack();
        string packedSweep = SweepProject.Read(Path.Combine(project.IntermediateDirectory, "training.json")).GetProperty("sweep").GetProperty("parent").GetString()!;
        project.WriteSpec(File.ReadAllText(project.SpecFile).Replace("auc: { min: 0.5 }", "auc: { min: 0.51 }", StringComparison.Ordinal));
        DotNetResult finish = project.MSBuild("-t:MLOpsSweepFinish", $"-p:MLOpsSweepParent={parent}");
        DotNetResult build = project.Build();

        // Then the pack kept the winner without training again; the stale sweep is MLOPS8046; the new spec trains its own parameters
        Assert.True(pack.Succeeded, pack.ToString());
        Assert.Equal(parent, packedSweep);
        Assert.Contains("model up to date, training skipped", pack.Output, StringComparison.Ordinal);
        Assert.Contains("error MLOPS8046", finish.Output, StringComparison.Ordinal);
        Assert.True(build.Succeeded, build.ToString());
        Assert.False(SweepProject.Read(Path.Combine(project.IntermediateDirectory, "training.json")).TryGetProperty("sweep", out _));
    }

    [Fact]
    public void Should_stop_with_MLOPS8048_naming_the_file_When_the_winner_file_of_a_sweep_is_damaged()
    {
        // Given a model built once, and then a winner file for exactly its spec and data that was cut short
        using TempModelProject project = SweepProject.Create(log);
        Assert.True(project.Build().Succeeded);
        string spec = File.ReadAllText(Path.Combine(project.IntermediateDirectory, "spec.hash")).Trim();
        string data = File.ReadAllText(Path.Combine(project.IntermediateDirectory, "data.hash")).Trim();
        string winner = Path.Combine(project.IntermediateDirectory, "sweep", "winner.json");
        Directory.CreateDirectory(Path.GetDirectoryName(winner)!);
        File.WriteAllText(winner, $$"""{ "spec_sha256": "{{spec}}", "data_fingerprint": "{{data}}", "parameters": { "NumberOf""");

        // When it is built again
        DotNetResult build = project.Build();

        // Then the train step refuses the winner with MLOPS8048, naming the file and what to do
        Assert.False(build.Succeeded);
        Assert.Contains("error MLOPS8048", build.Output, StringComparison.Ordinal);
        Assert.Contains("winner.json", build.Output, StringComparison.Ordinal);
        Assert.Contains("Finish the sweep again", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_warn_that_fewer_trials_run_at_once_When_MSBuild_has_fewer_nodes_than_the_degree()
    {
        // Given a model whose sweep asks for 2 trials at once
        using TempModelProject project = SweepProject.Create(log);

        // When it is swept by dotnet msbuild on one node (no -m)
        DotNetResult sweep = project.MSBuild("-restore", "-m:1", "-t:MLOpsSweep");

        // Then it still succeeds, with MLOPS8050 saying how to get the degree
        Assert.True(sweep.Succeeded, sweep.ToString());
        Assert.Contains("warning MLOPS8050", sweep.Output, StringComparison.Ordinal);
        Assert.Contains("-m:2", sweep.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-p:MLOpsSweepShard=3/2", "MLOPS8043")]
    [InlineData("-p:MLOpsSweepParallel=0", "MLOPS8044")]
    [InlineData("-p:MLOpsTrackRuns=false", "MLOPS8047")]
    public void Should_stop_with_the_exact_code_When_a_sweep_property_is_wrong(string property, string code)
    {
        // Given a model with a sweep section
        using TempModelProject project = SweepProject.Create(log);

        // When it is swept with a wrong property
        DotNetResult sweep = project.MSBuild("-restore", "-t:MLOpsSweep", property);

        // Then the build fails with that code and no trial ran
        Assert.False(sweep.Succeeded);
        Assert.Contains($"error {code}", sweep.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(SweepProject.TrialDirectory(project, 1)));
    }
}
