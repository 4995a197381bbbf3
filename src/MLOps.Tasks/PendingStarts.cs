using Microsoft.Build.Framework;
using MLOps.Core.Diagnostics;
using MLOps.Core.Tracking;

namespace MLOps.Tasks;

/// <summary>
/// Run starts written in the background (StartRun) and waited for at the finish (FinishRun), kept per build in
/// MSBuild's task object cache by run id: no static state, gone when the build ends. The store the start opened stays
/// open for the finish, so the finish neither opens nor checks the schema again.
/// </summary>
internal static class PendingStarts
{
    public static void Begin(IBuildEngine4 engine, string store, RunStart start)
    {
        Task<Started> pending = Task.Run(() =>
        {
            var bag = new DiagnosticBag();
            IRunStore? opened = RunStores.Open(store, bag);
            try
            {
                if (opened is not null)
                    RunRecorder.Start(opened, start);
            }
            catch (RunStoreException e)
            {
                bag.Error(e.Code, e.Message);
            }

            return new Started(bag, opened);
        });
        engine.RegisterTaskObject(Key(start.Id!), pending, RegisteredTaskObjectLifetime.Build, allowEarlyCollection: false);
    }

    /// <summary>
    /// Waits for run <paramref name="runId"/>'s start when it was begun in this build, copies its diagnostics and returns
    /// the store it opened (the caller disposes it); null when there is none (begun elsewhere) or the start failed.
    /// </summary>
    public static IRunStore? Complete(IBuildEngine4 engine, string runId, DiagnosticBag bag)
    {
        if (engine.UnregisterTaskObject(Key(runId), RegisteredTaskObjectLifetime.Build) is not Task<Started> pending)
            return null;
        Started started = pending.GetAwaiter().GetResult();
        foreach (Diagnostic diagnostic in started.Diagnostics)
            bag.Add(diagnostic);
        if (!started.Diagnostics.HasErrors)
            return started.Store;
        started.Store?.Dispose();
        return null;
    }

    private static string Key(string runId) => $"MLOps.Tasks.StartRun:{runId}";

    private sealed record Started(DiagnosticBag Diagnostics, IRunStore? Store);
}
