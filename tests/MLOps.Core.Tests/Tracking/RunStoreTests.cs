using MLOps.Core.Diagnostics;
using MLOps.Core.Tracking;
using Xunit;

namespace MLOps.Core.Tests.Tracking;

/// <summary>The run store's contract, the same tests against SQLite and PostgreSQL.</summary>
public sealed class RunStoreTests
{
    public static TheoryData<string> Backends => StoreBackend.All;

    [SkippableTheory]
    [MemberData(nameof(Backends))]
    public void Should_return_every_field_When_a_run_is_started_and_read_back(string backend)
    {
        // Given a run with every field set
        using StoreBackend store = StoreBackend.Create(backend);
        Run run = RunFactory.Full();

        // When it is started and read back in a new connection
        using (IRunStore writer = store.Open())
            writer.Start(run);
        using IRunStore reader = store.Open();
        Run? read = reader.Get(run.Id);

        // Then every field comes back as written
        Assert.NotNull(read);
        Assert.Equivalent(run, read, strict: true);
    }

    [SkippableTheory]
    [MemberData(nameof(Backends))]
    public void Should_say_MLOPS8007_naming_the_store_and_keep_the_first_run_When_a_write_fails(string backend)
    {
        // Given a started run
        using StoreBackend store = StoreBackend.Create(backend);
        using IRunStore runs = store.Open();
        Run run = RunFactory.Full();
        runs.Start(run);

        // When a second run with the same id is started (the database refuses the write)
        var failure = Assert.Throws<RunStoreException>(() => runs.Start(run with { Model = "Other" }));

        // Then MLOPS8007 names the store, and the write left nothing half done
        Assert.Equal(Codes.RunStoreWriteFailed, failure.Code);
        Assert.Contains(runs.Description, failure.Message, StringComparison.Ordinal);
        Assert.Equivalent(run, runs.Get(run.Id), strict: true);
    }

    [SkippableTheory]
    [MemberData(nameof(Backends))]
    public void Should_replace_status_metrics_and_params_When_a_run_is_updated(string backend)
    {
        // Given a started run
        using StoreBackend store = StoreBackend.Create(backend);
        using IRunStore runs = store.Open();
        Run run = RunFactory.Full();
        runs.Start(run);

        // When it finishes with other metrics and params
        Run finished = run with
        {
            Status = RunStatus.GateFailed,
            EndedAt = run.StartedAt.AddSeconds(3),
            Metrics = [new RunMetric(RunMetric.Test, "f1_score", 0.5)],
            Params = new Dictionary<string, string> { ["trainer"] = "FastTree" },
            Tags = new Dictionary<string, string>(),
        };
        runs.Update(finished);

        // Then the stored run is the finished one, nothing of the old lists left
        Assert.Equivalent(finished, runs.Get(run.Id), strict: true);
    }

    [SkippableTheory]
    [MemberData(nameof(Backends))]
    public void Should_find_a_run_by_its_prefix_When_the_prefix_is_unique_and_say_MLOPS8005_When_not(string backend)
    {
        // Given two runs whose ids share their first 4 characters
        using StoreBackend store = StoreBackend.Create(backend);
        using IRunStore runs = store.Open();
        runs.Start(RunFactory.Full(id: "abcd000000000001"));
        runs.Start(RunFactory.Full(id: "abcd100000000002"));

        // When they are looked up by prefix
        Run? unique = runs.Get("ABCD1");
        var ambiguous = Assert.Throws<RunStoreException>(() => runs.Get("abcd"));
        var invalid = Assert.Throws<RunStoreException>(() => runs.Get("abc"));

        // Then a unique prefix finds its run, a shared one names both, a short one is refused
        Assert.Equal("abcd100000000002", unique?.Id);
        Assert.Equal(Codes.RunIdAmbiguous, ambiguous.Code);
        Assert.Contains("abcd000000000001", ambiguous.Message, StringComparison.Ordinal);
        Assert.Equal(Codes.RunIdInvalid, invalid.Code);
        Assert.Null(runs.Get("ffff"));
    }

    [SkippableTheory]
    [MemberData(nameof(Backends))]
    public void Should_list_newest_first_by_model_and_parent_When_selected(string backend)
    {
        // Given three runs of two models, one a sweep trial
        using StoreBackend store = StoreBackend.Create(backend);
        using IRunStore runs = store.Open();
        DateTimeOffset t0 = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
        Run old = RunFactory.Full("Flights", t0);
        Run parent = RunFactory.Full("Flights", t0.AddMinutes(1));
        Run trial = RunFactory.Full("Flights", t0.AddMinutes(2)) with { ParentId = parent.Id, Source = RunSources.Sweep };
        Run other = RunFactory.Full("Iris", t0.AddMinutes(3));
        foreach (Run run in new[] { old, parent, trial, other })
            runs.Start(run);

        // When they are listed by model, by parent and with a limit
        IReadOnlyList<Run> flights = runs.List(new RunSelection(Model: "Flights"));
        IReadOnlyList<Run> trials = runs.List(new RunSelection(ParentId: parent.Id));
        IReadOnlyList<Run> newest = runs.List(new RunSelection(Limit: 2));

        // Then each list holds what it selects, newest first, with metrics and params
        Assert.Equal([trial.Id, parent.Id, old.Id], flights.Select(r => r.Id));
        Assert.Equal([trial.Id], trials.Select(r => r.Id));
        Assert.Equal([other.Id, trial.Id], newest.Select(r => r.Id));
        Assert.All(newest, r => Assert.Equal(0.734, r.Metric("auc")));
        Assert.All(newest, r => Assert.Equal("LightGbm", r.Params["trainer"]));
    }

    [SkippableTheory]
    [MemberData(nameof(Backends))]
    public void Should_keep_the_last_document_When_a_document_is_saved_twice(string backend)
    {
        // Given a run
        using StoreBackend store = StoreBackend.Create(backend);
        using IRunStore runs = store.Open();
        Run run = RunFactory.Full();
        runs.Start(run);

        // When its evaluation is saved twice
        runs.SaveDocument(run.Id, "evaluation", """{"roc":[1]}""");
        runs.SaveDocument(run.Id, "evaluation", """{"roc":[2]}""");

        // Then the second one is read back, and a missing document is null
        Assert.Equal("""{"roc":[2]}""", runs.ReadDocument(run.Id, "evaluation"));
        Assert.Null(runs.ReadDocument(run.Id, "profile"));
    }

    [SkippableTheory]
    [MemberData(nameof(Backends))]
    public void Should_say_MLOPS8004_When_a_run_that_was_never_started_is_updated(string backend)
    {
        // Given an empty store
        using StoreBackend store = StoreBackend.Create(backend);
        using IRunStore runs = store.Open();

        // When a run is updated that was never started
        var error = Assert.Throws<RunStoreException>(() => runs.Update(RunFactory.Full()));

        // Then it says the run is not there
        Assert.Equal(Codes.RunNotFound, error.Code);
    }
}
