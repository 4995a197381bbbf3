using System.Diagnostics;
using MLOps.Core.Tracking;
using Xunit;

namespace MLOps.Core.Tests.Tracking;

/// <summary>Several processes writing one store at once, and a process killed in the middle of a run; both back ends.</summary>
public sealed class RunStoreConcurrencyTests
{
    public static TheoryData<string> Backends => StoreBackend.All;

    [SkippableTheory]
    [MemberData(nameof(Backends))]
    public void Should_find_all_200_runs_When_4_processes_write_50_runs_each_at_once(string backend)
    {
        // Given a store no process has opened yet (the 4 writers also race to create its schema)
        using StoreBackend store = StoreBackend.Create(backend);

        // When 4 processes each start and finish 50 runs at the same time
        Process[] writers = [.. Enumerable.Range(0, 4).Select(i => RunStoreWriter.Start("write", store.ConnectionString, "50", $"Model{i}"))];
        Task<string>[] outputs = [.. writers.Select(w => w.StandardOutput.ReadToEndAsync())];
        Task<string>[] errors = [.. writers.Select(w => w.StandardError.ReadToEndAsync())];
        foreach (Process writer in writers)
        {
            Assert.True(writer.WaitForExit(TimeSpan.FromMinutes(3)), "a writer did not finish in 3 minutes");
            writer.Dispose();
        }

        // Then every writer succeeded, and the store holds each of the 200 runs it printed, finished, with its metric
        Assert.All(errors, e => Assert.Equal("", e.Result));
        string[] written = [.. outputs.SelectMany(o => o.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
        Assert.Equal(200, written.Length);
        using IRunStore runs = store.Open();
        IReadOnlyList<Run> all = runs.List(RunSelection.All);
        Assert.Equal(written.Order(StringComparer.Ordinal), all.Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.All(all, r => Assert.Equal(RunStatus.Succeeded, r.Status));
        Assert.All(all, r => Assert.NotNull(r.Metric("auc")));
        Assert.Equal(50, runs.List(new RunSelection(Model: "Model3")).Count);
    }

    [SkippableTheory]
    [MemberData(nameof(Backends))]
    public void Should_mark_a_run_failed_on_the_next_start_When_the_process_that_ran_it_was_killed(string backend)
    {
        // Given a process that started a run and was killed before finishing it
        using StoreBackend store = StoreBackend.Create(backend);
        string hungId = KilledRun(store);
        using IRunStore runs = store.Open();
        Assert.Equal(RunStatus.Running, runs.Get(hungId)?.Status);

        // When another run starts on the same host
        Run next = RunRecorder.Start(runs, new RunStart("Other", RunSources.Build, Environment.CurrentDirectory));

        // Then the killed process's run is failed, ended, and says why; the new one runs
        Run? hung = runs.Get(hungId);
        Assert.Equal(RunStatus.Failed, hung?.Status);
        Assert.NotNull(hung?.EndedAt);
        Assert.Contains("ended without finishing", hung?.Tags["abandoned"], StringComparison.Ordinal);
        Assert.Equal(RunStatus.Running, runs.Get(next.Id)?.Status);
    }

    [SkippableTheory]
    [MemberData(nameof(Backends))]
    public void Should_leave_a_live_process_s_run_and_fail_an_old_one_of_another_host_When_gc_runs_with_an_age(string backend)
    {
        // Given a run of this live process, and a run another host started 7 hours ago and never finished
        using StoreBackend store = StoreBackend.Create(backend);
        using IRunStore runs = store.Open();
        Run live = RunRecorder.Start(runs, new RunStart("Live", RunSources.Build, Environment.CurrentDirectory));
        Run old = RunFactory.Full("Old", DateTimeOffset.UtcNow.AddHours(-7)) with { Host = "agent-gone", ProcessId = 1 };
        runs.Start(old);

        // When gc runs without an age, then with 6 hours
        int withoutAge = runs.MarkAbandoned(null);
        int withAge = runs.MarkAbandoned(TimeSpan.FromHours(6));

        // Then only the old run of the other host is failed, and only by the age
        Assert.Equal((0, 1), (withoutAge, withAge));
        Assert.Equal(RunStatus.Failed, runs.Get(old.Id)?.Status);
        Assert.Equal(RunStatus.Running, runs.Get(live.Id)?.Status);
    }

    /// <summary>Starts a run in a separate process, kills the process, and returns the run's id.</summary>
    internal static string KilledRun(StoreBackend store)
    {
        using Process hung = RunStoreWriter.Start("hang", store.ConnectionString, "Hung");
        string? id = hung.StandardOutput.ReadLine();
        hung.Kill(entireProcessTree: true);
        hung.WaitForExit();
        // Read stderr only now: before the kill it would wait for the writer to end, which it never does by itself.
        Assert.True(id is { Length: RunIds.Length }, $"the writer printed '{id}': {hung.StandardError.ReadToEnd()}");
        return id;
    }
}
