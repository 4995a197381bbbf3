using Microsoft.Build.Framework;
using MLOps.Core.Diagnostics;
using MLOps.Core.Tracking;

namespace MLOps.Tasks;

/// <summary>
/// Finishes the run StartRun began: its status (succeeded, gate-failed, failed, cached), and from the train step's folder
/// its params, metrics, data fingerprint, model hash and the evaluation and profile documents.
/// </summary>
public sealed class FinishRun : MLOpsTask
{
    [Required]
    public string Store { get; set; } = "";

    [Required]
    public string RunId { get; set; } = "";

    /// <summary>succeeded, gate-failed, failed or cached.</summary>
    [Required]
    public string Status { get; set; } = "";

    /// <summary>The train step's folder (training.json, metrics.json, ...).</summary>
    [Required]
    public string TrainingDirectory { get; set; } = "";

    protected override void Run(DiagnosticBag bag)
    {
        if (!RunStatusNames.TryParse(Status, out RunStatus status))
            throw new InvalidOperationException($"Status '{Status}' is not a run status."); // The targets pass it: a bug, not input.
        if (RunRecorder.Finish(Store, RunId, new RunFinish(status, TrainingDirectory), bag) is { } run)
            Progress($"{run.Model}: run {run.Id} {Status}");
    }
}
