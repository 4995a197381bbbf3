using MLOps.Core.Diagnostics;
using MLOps.Core.SourceControl;

namespace MLOps.Core.Tracking;

/// <summary>
/// Records a training as a run: <see cref="Start(IRunStore, RunStart)"/> before training (status running, with host,
/// process, git, CI and tool versions), <see cref="Finish(IRunStore, string, RunFinish)"/> after the gate (status,
/// params, metrics, model hash, documents from the train step's folder). The MSBuild tasks and <c>mlops train</c> both
/// record through it. The overloads taking a connection string open the store and report problems (MLOPS80xx) instead
/// of throwing.
/// </summary>
public static class RunRecorder
{
    public static Run Start(IRunStore store, RunStart start, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(start);
        return Start(store, start, GitInfo.Read(start.WorkingDirectory), clock);
    }

    private static Run Start(IRunStore store, RunStart start, GitInfo git, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        var run = new Run
        {
            Id = start.Id ?? RunIds.New(),
            Model = start.Model,
            Status = RunStatus.Running,
            Source = start.Source,
            StartedAt = (clock ?? TimeProvider.System).GetUtcNow(),
            CachedFrom = start.CachedFrom is { Length: > 0 } from ? from : null,
            ParentId = start.ParentId,
            Params = start.Params,
            Tags = start.Tags,
        };
        run = RunEnvironment.Describe(run, git);
        store.Start(run);
        return run;
    }

    public static Run Finish(IRunStore store, string runId, RunFinish finish, DiagnosticBag bag, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(finish);
        Run run = store.Get(runId) ?? throw new RunStoreException(Codes.RunNotFound, $"No run {runId} in the run store {store.Description} to finish.");
        if (finish.TrainingDirectory is { } directory)
            run = RunOutputs.Apply(run, directory, bag);
        var tags = new Dictionary<string, string>(run.Tags, StringComparer.Ordinal);
        foreach ((string key, string value) in finish.Tags ?? new Dictionary<string, string>())
            tags[key] = value;
        run = run with
        {
            Status = finish.Status,
            EndedAt = (clock ?? TimeProvider.System).GetUtcNow(),
            Tags = tags,
            PackageId = finish.PackageId ?? run.PackageId,
            PackageVersion = finish.PackageVersion ?? run.PackageVersion,
        };
        store.Update(run);
        if (finish.TrainingDirectory is { } folder)
        {
            foreach ((string name, string json) in RunOutputs.ReadDocuments(folder))
                store.SaveDocument(run.Id, name, json);
        }

        return run;
    }

    /// <summary>Adds the package a run's model went into (after pack).</summary>
    public static Run RecordPackage(IRunStore store, string runId, string packageId, string packageVersion)
    {
        ArgumentNullException.ThrowIfNull(store);
        Run run = store.Get(runId) ?? throw new RunStoreException(Codes.RunNotFound, $"No run {runId} in the run store {store.Description} to add its package to.");
        run = run with { PackageId = packageId, PackageVersion = packageVersion };
        store.Update(run);
        return run;
    }

    /// <summary>Opens <paramref name="connectionString"/> and starts a run; null (reported) when the store cannot be used.</summary>
    public static Run? Start(string connectionString, RunStart start, DiagnosticBag bag)
    {
        ArgumentNullException.ThrowIfNull(start);
        // git (two processes) runs while the store opens: the two waits overlap instead of adding up.
        Task<GitInfo> git = Task.Run(() => GitInfo.Read(start.WorkingDirectory));
        return WithStore(connectionString, bag, store => Start(store, start, git.GetAwaiter().GetResult()));
    }

    /// <summary>Opens <paramref name="connectionString"/> and finishes run <paramref name="runId"/>; null (reported) when it cannot.</summary>
    public static Run? Finish(string connectionString, string runId, RunFinish finish, DiagnosticBag bag) =>
        WithStore(connectionString, bag, store => Finish(store, runId, finish, bag));

    /// <summary>Opens <paramref name="connectionString"/> and records run <paramref name="runId"/>'s package; null (reported) when it cannot.</summary>
    public static Run? RecordPackage(string connectionString, string runId, string packageId, string packageVersion, DiagnosticBag bag) =>
        WithStore(connectionString, bag, store => RecordPackage(store, runId, packageId, packageVersion));

    private static Run? WithStore(string connectionString, DiagnosticBag bag, Func<IRunStore, Run> action)
    {
        ArgumentNullException.ThrowIfNull(bag);
        using IRunStore? store = RunStores.Open(connectionString, bag);
        if (store is null)
            return null;
        try
        {
            return action(store);
        }
        catch (RunStoreException e)
        {
            bag.Error(e.Code, e.Message);
            return null;
        }
    }
}
