using Microsoft.Build.Framework;
using MLOps.Core.Diagnostics;
using MLOps.Core.Tracking;

namespace MLOps.Tasks;

/// <summary>
/// Run starts written in the background (StartRun) and waited for at the finish (FinishRun), kept per build in
/// MSBuild's task object cache by run id: no static state, gone when the build ends.
/// </summary>
internal static class PendingStarts
{
    public static void Begin(IBuildEngine4 engine, string store, RunStart start)
    {
        Task<DiagnosticBag> pending = Task.Run(() =>
        {
            var bag = new DiagnosticBag();
            RunRecorder.Start(store, start, bag);
            return bag;
        });
        engine.RegisterTaskObject(Key(start.Id!), pending, RegisteredTaskObjectLifetime.Build, allowEarlyCollection: false);
    }

    /// <summary>Waits for run <paramref name="runId"/>'s start (when it was begun in this build) and copies its diagnostics; false when it failed.</summary>
    public static bool Complete(IBuildEngine4 engine, string runId, DiagnosticBag bag)
    {
        if (engine.UnregisterTaskObject(Key(runId), RegisteredTaskObjectLifetime.Build) is not Task<DiagnosticBag> pending)
            return true;
        DiagnosticBag started = pending.GetAwaiter().GetResult();
        foreach (Diagnostic diagnostic in started)
            bag.Add(diagnostic);
        return !started.HasErrors;
    }

    private static string Key(string runId) => $"MLOps.Tasks.StartRun:{runId}";
}
