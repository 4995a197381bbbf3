using MLOps.Core.Diagnostics;
using MLOps.Core.Tracking;
using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Core.Tests.Tracking;

/// <summary>RunRecorder: what a run gets from the environment at its start and from the train step's files at its finish.</summary>
public sealed class RunRecorderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private string Store => _temp.PathOf("runs.db");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Should_record_host_process_tools_and_a_cached_source_When_a_run_starts()
    {
        // When a run is started for a model restored from the run cache
        var bag = new DiagnosticBag();
        Run? run = RunRecorder.Start(Store, new RunStart("Flights", RunSources.Cake, _temp.Path) { CachedFrom = "0123456789abcdef" }, bag);

        // Then it is running, here, by this process, with the tool versions, pointing at the trainer's run
        Assert.Empty(bag);
        Assert.NotNull(run);
        Assert.Equal((RunStatus.Running, RunSources.Cake, "0123456789abcdef"), (run.Status, run.Source, run.CachedFrom));
        Assert.Equal((Environment.MachineName, Environment.ProcessId), (run.Host, run.ProcessId));
        Assert.Equal(Environment.Version.ToString(), run.ToolVersions["dotnet"]);
        Assert.True(run.ToolVersions.ContainsKey("mlops"));
        Assert.Matches("^[0-9a-f]{16}$", run.Id);
    }

    [Fact]
    public void Should_take_params_metrics_and_documents_from_the_training_folder_When_a_run_finishes()
    {
        // Given a started run and a train step's folder with training.json, both metrics files and two documents
        var bag = new DiagnosticBag();
        Run started = RunRecorder.Start(Store, new RunStart("Flights", RunSources.Build, _temp.Path), bag)!;
        _temp.Write("out/training.json", TrainingJson);
        _temp.Write("out/metrics.json", """{ "accuracy": 0.81, "auc": 0.73 }""");
        _temp.Write("out/validation.metrics.json", """{ "auc": 0.75 }""");
        _temp.Write("out/evaluation.json", """{ "roc": [] }""");
        _temp.Write("out/profile.json", """{ "columns": [] }""");

        // When it finishes as gate-failed
        Run? finished = RunRecorder.Finish(Store, started.Id, new RunFinish(RunStatus.GateFailed, _temp.PathOf("out")), bag);

        // Then the stored run has the record's params and hashes, both splits' metrics, and the documents
        Assert.Empty(bag);
        using IRunStore store = RunStores.Open(Store, bag)!;
        Run run = store.Get(started.Id)!;
        Assert.Equal(finished, run with { }, RunComparer.Instance);
        Assert.Equal(RunStatus.GateFailed, run.Status);
        Assert.Equal(("LightGbm", "31", "0.1", "42"), (run.Params["trainer"], run.Params["NumberOfLeaves"], run.Params["LearningRate"], run.Params["seed"]));
        Assert.Equal(("xxh128:abc", "feed0123"), (run.DataFingerprint, run.ModelSha256));
        Assert.Equal("5.0.1", run.ToolVersions["mlnet"]);
        Assert.Equal((0.73, 0.75, 0.81), (run.Metric("auc"), run.Metric("auc", RunMetric.Validation), run.Metric("accuracy")));
        Assert.Equal("""{ "roc": [] }""", store.ReadDocument(run.Id, "evaluation"));
        Assert.Equal("""{ "columns": [] }""", store.ReadDocument(run.Id, "profile"));
    }

    [Fact]
    public void Should_record_the_split_as_params_and_the_sweep_as_tags_When_training_json_has_them()
    {
        // Given a train step's folder whose training.json holds a time split and the sweep the model won
        var bag = new DiagnosticBag();
        Run started = RunRecorder.Start(Store, new RunStart("Flights", RunSources.Build, _temp.Path), bag)!;
        _temp.Write("out/training.json", TrainingJson.Replace(
            "\"trained_at_utc\"",
            """
            "split": { "kind": "time", "column": "date", "test_from": "2001-02-15", "validation_from": "2001-02-01", "rows": { "train": 50, "validation": 10, "test": 20 } },
            "sweep": { "parent": "aaaabbbbccccdddd", "trial": 3, "metric": "auc", "value": 0.7, "trials": 8, "run_id": "1111222233334444" },
            "trained_at_utc"
            """, StringComparison.Ordinal));

        // When it finishes
        Run run = RunRecorder.Finish(Store, started.Id, new RunFinish(RunStatus.Succeeded, _temp.PathOf("out")), bag)!;

        // Then the split is searchable as params and the sweep as tags
        Assert.Empty(bag);
        Assert.Equal(("time", "date", "2001-02-15", "2001-02-01"), (run.Params["split_kind"], run.Params["split_by"], run.Params["split_test_from"], run.Params["split_validation_from"]));
        Assert.Equal(("aaaabbbbccccdddd", "3", "1111222233334444"), (run.Tags["sweep_parent"], run.Tags["sweep_trial"], run.Tags["sweep_trial_run"]));
    }

    [Fact]
    public void Should_say_MLOPS8004_When_a_run_that_was_never_started_is_finished()
    {
        // When an unknown run is finished
        var bag = new DiagnosticBag();
        Run? run = RunRecorder.Finish(Store, "0123456789abcdef", new RunFinish(RunStatus.Failed, null), bag);

        // Then nothing is recorded and MLOPS8004 says so
        Assert.Null(run);
        Assert.Equal(Codes.RunNotFound, Assert.Single(bag).Code);
    }

    private const string TrainingJson = """
        {
          "model_name": "Flights", "task": "binary-classification", "trainer": "LightGbm",
          "parameters": { "NumberOfLeaves": 31, "LearningRate": 0.1 },
          "seed": 42, "split_test_fraction": 0.2, "split_seed": 42, "data_path": "/data/flights.csv",
          "data_fingerprint": "xxh128:abc", "schema_sha256": "s", "spec_sha256": "p", "rows": 100, "train_rows": 80, "test_rows": 20,
          "model_sha256": "feed0123", "mlnet_version": "5.0.1", "trained_at_utc": "2026-12-01T08:00:00+00:00"
        }
        """;

    /// <summary>Runs compared by id, status and end (what Finish returns is what was stored).</summary>
    private sealed class RunComparer : IEqualityComparer<Run?>
    {
        public static readonly RunComparer Instance = new();

        public bool Equals(Run? x, Run? y) => (x?.Id, x?.Status, x?.EndedAt?.ToUnixTimeMilliseconds()) == (y?.Id, y?.Status, y?.EndedAt?.ToUnixTimeMilliseconds());

        public int GetHashCode(Run? obj) => obj?.Id.GetHashCode(StringComparison.Ordinal) ?? 0;
    }
}
