using MLOps.Core.Diagnostics;
using MLOps.Core.Tracking;

namespace MLOps.Tasks;

/// <summary>Opens the run store a sweep records into; a sweep cannot run without one (MLOPS8047).</summary>
internal static class SweepStore
{
    public static IRunStore? Open(string connection, DiagnosticBag bag)
    {
        if (string.IsNullOrWhiteSpace(connection))
        {
            bag.Error(Codes.SweepNeedsRunStore, "A sweep records its trials as runs of a parent run and picks the winner from them, so it needs the run store; run tracking is off (MLOpsTrackRuns=false). Turn it on, or set MLOpsRunStore (or MLOPS_RUN_STORE) to the store the shards share.");
            return null;
        }

        return RunStores.Open(connection, bag);
    }

    /// <summary>Runs <paramref name="action"/>, turning the store's own errors (MLOPS80xx) into diagnostics.</summary>
    public static T? Guard<T>(DiagnosticBag bag, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (RunStoreException e)
        {
            bag.Error(e.Code, e.Message);
            return default;
        }
    }
}
