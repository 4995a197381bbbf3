using Microsoft.Build.Framework;
using MLOps.Core.Diagnostics;
using MLOps.Core.Tracking;

namespace MLOps.Tasks;

/// <summary>
/// Adds the package id and version a pack gave the model to the run that made it (its id is in the train step's
/// run.id file, written when the run started). Nothing to do when the model was made without tracking.
/// </summary>
public sealed class RecordRunPackage : MLOpsTask
{
    [Required]
    public string Store { get; set; } = "";

    [Required]
    public string RunIdFile { get; set; } = "";

    [Required]
    public string PackageId { get; set; } = "";

    [Required]
    public string PackageVersion { get; set; } = "";

    protected override void Run(DiagnosticBag bag)
    {
        if (!File.Exists(RunIdFile) || File.ReadAllText(RunIdFile).Trim() is not { Length: > 0 } runId)
            return;
        if (RunRecorder.RecordPackage(Store, runId, PackageId, PackageVersion, bag) is { } run)
            Log.LogMessage(MessageImportance.Normal, $"{run.Model}: run {run.Id} made {PackageId} {PackageVersion}");
    }
}
