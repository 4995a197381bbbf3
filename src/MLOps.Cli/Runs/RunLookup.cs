using MLOps.Core.Diagnostics;
using MLOps.Core.Tracking;

namespace MLOps.Cli.Runs;

/// <summary>Finds runs by id or unique prefix (4+ hex characters), reporting an unknown, ambiguous or malformed one.</summary>
internal static class RunLookup
{
    public static Run? Find(IRunStore store, string idOrPrefix, DiagnosticBag bag)
    {
        try
        {
            Run? run = store.Get(idOrPrefix);
            if (run is null)
                bag.Error(Codes.RunNotFound, $"No run id starts with '{idOrPrefix}' in the run store {store.Description}. 'mlops runs list' shows the runs (--store names another store).");
            return run;
        }
        catch (RunStoreException e)
        {
            bag.Error(e.Code, e.Message);
            return null;
        }
    }

    /// <summary>Every run named, in the order given, or null when any cannot be found (each problem reported).</summary>
    public static IReadOnlyList<Run>? FindAll(IRunStore store, IEnumerable<string> idsOrPrefixes, DiagnosticBag bag)
    {
        List<Run?> runs = [.. idsOrPrefixes.Select(id => Find(store, id, bag))];
        return runs.Contains(null) ? null : [.. runs.OfType<Run>()];
    }
}
