using MLOps.Core.Spec;

namespace MLOps.Core.Sweeps;

/// <summary>A trial's result: its validation value of the sweep's metric, and its run in the store when recorded.</summary>
public sealed record TrialResult(int Trial, double Value, string? RunId = null);

/// <summary>
/// The sweep's winner: the best validation value of the metric in the metric's direction (lower is better for
/// log_loss, log_loss_nats, rmse, mae and mse, as the champion gates read them), ties to the lowest trial number. A
/// NaN value never wins.
/// </summary>
public static class SweepWinner
{
    public static TrialResult? Pick(IEnumerable<TrialResult> results, string metric)
    {
        bool higher = MetricCatalog.HigherIsBetter(metric);
        TrialResult? best = null;
        foreach (TrialResult r in results.Where(r => !double.IsNaN(r.Value)).OrderBy(r => r.Trial))
        {
            if (best is null || (higher ? r.Value > best.Value : r.Value < best.Value))
            {
                best = r;
            }
        }

        return best;
    }
}
