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
        using IRunStore? store = PendingStarts.Complete(BuildEngine4, RunId, bag);
        if (bag.HasErrors)
            return; // The start could not be recorded (its problem is reported): there is no run to finish.
        var finish = new RunFinish(status, TrainingDirectory);
        Run? run;
        if (store is null)
        {
            run = RunRecorder.Finish(Store, RunId, finish, bag); // Started in another build: open the store here.
        }
        else
        {
            try
            {
                run = RunRecorder.Finish(store, RunId, finish, bag);
            }
            catch (RunStoreException e)
            {
                bag.Error(e.Code, e.Message);
                return;
            }
        }

        if (run is not null)
            Progress($"{run.Model}: run {run.Id} {Status}");
    }
}
