namespace MLOps.Core.Tracking;

/// <summary>Where a run stands. Stored as text: running, succeeded, failed, gate-failed, cached (<see cref="RunStatusNames"/>).</summary>
public enum RunStatus
{
    Running,
    Succeeded,
    Failed,
    GateFailed,
    Cached,
}

/// <summary>The stored (and shown) names of <see cref="RunStatus"/>: stable text, so a filter can say <c>status = 'gate-failed'</c>.</summary>
public static class RunStatusNames
{
    public static string ToName(this RunStatus status) => status switch
    {
        RunStatus.Running => "running",
        RunStatus.Succeeded => "succeeded",
        RunStatus.Failed => "failed",
        RunStatus.GateFailed => "gate-failed",
        RunStatus.Cached => "cached",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not a run status."),
    };

    public static bool TryParse(string? name, out RunStatus status)
    {
        foreach (RunStatus candidate in Enum.GetValues<RunStatus>())
        {
            if (string.Equals(candidate.ToName(), name, StringComparison.Ordinal))
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }
}
