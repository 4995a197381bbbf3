using System.Diagnostics;
using MLOps.Core.Diagnostics;
using MLOps.Core.Tracking;
using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Cli.Tests;

/// <summary><c>mlops runs gc</c>: runs left running by a killed process, or running for too long, are marked failed.</summary>
public sealed class RunsGcCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private string Store => _temp.PathOf("runs.db");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Should_mark_the_run_of_a_killed_process_failed_and_leave_the_others_When_runs_gc_runs()
    {
        // Given a run started by a process that was then killed, and a run of a host far away that started an hour ago
        using Process victim = Process.Start(new ProcessStartInfo("sleep", "300"))!;
        Run killed = Running("Killed", Environment.MachineName, victim.Id, DateTimeOffset.UtcNow);
        Run remote = Running("Remote", "agent-far-away", 1, DateTimeOffset.UtcNow.AddHours(-1));
        victim.Kill();
        victim.WaitForExit();

        // When runs gc runs (no age)
        CliResult result = Cli.Run("runs", "gc", "--store", Store);

        // Then only the killed process's run is failed; the remote one may still be running
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("1 abandoned run marked failed in sqlite ", result.Output, StringComparison.Ordinal);
        Assert.Equal(RunStatus.Failed, Read(killed.Id).Status);
        Assert.Equal(RunStatus.Running, Read(remote.Id).Status);

        // And with --older-than 30m the remote one is failed too
        CliResult aged = Cli.Run("runs", "gc", "--older-than", "30m", "--store", Store);
        Assert.Contains("1 abandoned run marked failed", aged.Output, StringComparison.Ordinal);
        Assert.Equal(RunStatus.Failed, Read(remote.Id).Status);
    }

    [Theory]
    [InlineData("6 hours")]
    [InlineData("0h")]
    [InlineData("-1d")]
    [InlineData("90s")]
    public void Should_say_MLOPS8009_and_exit_2_When_older_than_is_not_a_duration(string age)
    {
        // When gc is given an age it cannot read
        CliResult result = Cli.Run("runs", "gc", "--older-than", age, "--store", Store);

        // Then it says what it expected, before touching the store
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error MLOPS8009: ", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Store));
    }

    [Fact]
    public void Should_say_MLOPS8001_and_exit_2_When_the_store_option_cannot_be_read()
    {
        // When gc is pointed at a connection string that names no back end
        CliResult result = Cli.Run("runs", "gc", "--store", "Flavour=vanilla;Password=hunter2");

        // Then MLOPS8001, exit 2, and no password shown
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error MLOPS8001: ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", result.Error, StringComparison.Ordinal);
    }

    private Run Running(string model, string host, int pid, DateTimeOffset startedAt)
    {
        var run = new Run { Id = RunIds.New(), Model = model, StartedAt = startedAt, Host = host, ProcessId = pid };
        using IRunStore store = RunStores.Open(Store, new DiagnosticBag())!;
        store.Start(run);
        return run;
    }

    private Run Read(string id)
    {
        using IRunStore store = RunStores.Open(Store, new DiagnosticBag())!;
        return store.Get(id)!;
    }
}
