namespace MLOps.Core.Tracking;

/// <summary>Why a running run counts as abandoned (its process on this host is gone, or it is older than gc's limit), or null when it does not.</summary>
internal static class AbandonedRuns
{
    public static string? Why(Run run, DateTimeOffset now, TimeSpan? olderThan)
    {
        if (run.Status != RunStatus.Running)
            return null;
        if (string.Equals(run.Host, Environment.MachineName, StringComparison.OrdinalIgnoreCase) && run.ProcessId is { } pid
            && pid != Environment.ProcessId && ProcessLiveness.IsGone(pid, run.StartedAt))
        {
            return $"process {pid} on {run.Host} ended without finishing the run";
        }

        if (olderThan is { } limit && now - run.StartedAt > limit)
            return $"still running after {limit} (gc)";
        return null;
    }
}
