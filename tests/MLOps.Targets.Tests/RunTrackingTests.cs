using MLOps.Core.Tracking;
using MLOps.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MLOps.Targets.Tests;

/// <summary>Every training a build does is a run in the run store: trained, restored from the run cache, gate-failed, packed.</summary>
[Collection(TargetsCollection.Name)]
public sealed class RunTrackingTests(ITestOutputHelper log) : IDisposable
{
    private readonly TempModelProject _project = TempModelProject.Create(log);

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Should_record_a_succeeded_run_with_its_metrics_params_and_package_When_a_model_is_built_and_packed()
    {
        // Given a model project built once
        DotNetResult build = _project.Build();
        Assert.True(build.Succeeded, build.ToString());

        // When it is built again with nothing to do, then packed
        DotNetResult noOp = _project.Build();
        DotNetResult pack = _project.Pack();
        Assert.True(noOp.Succeeded && pack.Succeeded, noOp + "\n" + pack);

        // Then the store holds one run: succeeded, with what went in and what came out, and the package it went into
        Run run = Assert.Single(RunStoreOutput.Runs(_project.RunStoreFile()));
        Assert.Equal(("Demo", RunStatus.Succeeded, RunSources.Build), (run.Model, run.Status, run.Source));
        Assert.NotNull(run.EndedAt);
        Assert.InRange(run.Metric("auc")!.Value, 0.5, 1.0);
        Assert.Equal("LightGbm", run.Params["trainer"]);
        Assert.Equal("8", run.Params["NumberOfLeaves"]);
        Assert.Equal("42", run.Params["seed"]);
        Assert.Contains(":", run.DataFingerprint, StringComparison.Ordinal); // <algorithm>:<hash>, as training.json says
        Assert.Equal(BuildOutput.Sha256(_project.ModelFile()), run.ModelSha256);
        Assert.Equal(Environment.MachineName, run.Host);
        Assert.Equal(["dotnet", "mlnet", "mlops"], run.ToolVersions.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("Demo.Model", "1.0.0"), (run.PackageId, run.PackageVersion));
        Assert.Contains("\"columns\"", RunStoreOutput.Document(_project.RunStoreFile(), run.Id, "profile"), StringComparison.Ordinal);
        Assert.Contains($"Demo: run {run.Id} succeeded", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_record_a_cached_run_that_points_at_the_run_that_trained_it_When_the_model_comes_from_the_run_cache()
    {
        // Given a model project built once, its model in the run cache
        Assert.True(_project.Build().Succeeded);

        // When obj/ is deleted and the project built again (by the Cake build: MLOpsRunSource=cake)
        Directory.Delete(Path.Combine(_project.ProjectDirectory, "obj"), recursive: true);
        DotNetResult again = _project.Build("-p:MLOpsRunSource=cake");

        // Then a second run is recorded as cached, from the first, with the same model and metrics
        Assert.True(again.Succeeded, again.ToString());
        IReadOnlyList<Run> runs = RunStoreOutput.Runs(_project.RunStoreFile());
        Assert.Equal(2, runs.Count);
        (Run trained, Run cached) = (runs[0], runs[1]);
        Assert.Equal((RunStatus.Succeeded, RunSources.Build), (trained.Status, trained.Source));
        Assert.Equal((RunStatus.Cached, RunSources.Cake, trained.Id), (cached.Status, cached.Source, cached.CachedFrom));
        Assert.Equal(trained.ModelSha256, cached.ModelSha256);
        Assert.Equal(trained.Metric("auc"), cached.Metric("auc"));
    }

    [Fact]
    public void Should_record_a_gate_failed_run_When_the_gates_fail()
    {
        // Given a model whose gate cannot pass
        _project.WriteSpec(new ModelSpecText("Demo", Gates: "auc: { min: 0.999 }").ToString());

        // When it is built
        DotNetResult build = _project.Build();

        // Then the build fails and the run says gate-failed, with the metrics the gate judged
        Assert.False(build.Succeeded);
        Run run = Assert.Single(RunStoreOutput.Runs(_project.RunStoreFile()));
        Assert.Equal(RunStatus.GateFailed, run.Status);
        Assert.NotNull(run.Metric("auc"));
        Assert.NotNull(run.EndedAt);
    }

    [Fact]
    public void Should_record_a_failed_run_When_training_fails()
    {
        // Given a model whose trainer refuses its parameters (LightGbm needs at least 2 leaves)
        _project.WriteSpec(new ModelSpecText("Demo", Parameters: "{ NumberOfLeaves: 1, NumberOfIterations: 5 }").ToString());

        // When it is built
        DotNetResult build = _project.Build();

        // Then the build fails and the run it started is failed and ended, not left running
        Assert.False(build.Succeeded);
        Run run = Assert.Single(RunStoreOutput.Runs(_project.RunStoreFile()));
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.NotNull(run.EndedAt);
    }

    [Fact]
    public void Should_record_nothing_When_MLOpsTrackRuns_is_false()
    {
        // When a model is built with tracking off
        DotNetResult build = _project.Build("-p:MLOpsTrackRuns=false");

        // Then there is no run store at all
        Assert.True(build.Succeeded, build.ToString());
        Assert.False(File.Exists(_project.RunStoreFile()));
    }

    [Fact]
    public void Should_say_MLOPS8008_When_MLOpsTrackRuns_is_neither_true_nor_false()
    {
        // When a model is built with MLOpsTrackRuns=maybe (MSBuild itself reads yes/no/on/off as true/false)
        DotNetResult build = _project.Build("-p:MLOpsTrackRuns=maybe");

        // Then the build stops and says which values it takes
        Assert.False(build.Succeeded);
        Assert.Contains("expected true", Assert.Single(build.Errors("MLOPS8008").Distinct()), StringComparison.Ordinal);
    }
}
