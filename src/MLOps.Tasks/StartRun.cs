using Microsoft.Build.Framework;
using MLOps.Core.Diagnostics;
using MLOps.Core.Tracking;

namespace MLOps.Tasks;

/// <summary>
/// Starts a run in the run store when the train step runs (trained, or restored from the run cache: then CachedFrom
/// names the run that trained it), and writes its id to <see cref="RunIdFile"/> so a later pack can add its package.
/// In-process, without ML.NET. The store is written in the background: the node waits for the out-of-process training
/// anyway, so opening the store and asking git for the commit overlap it instead of adding to the build. FinishRun
/// waits for that write (<see cref="PendingStarts"/>) and reports its problems.
/// </summary>
public sealed class StartRun : MLOpsTask
{
    [Required]
    public string Store { get; set; } = "";

    [Required]
    public string ModelName { get; set; } = "";

    /// <summary>build (dotnet build), cake (./build.sh), cli or sweep.</summary>
    [Required]
    public string Source { get; set; } = "";

    /// <summary>The folder the run is started from: the git commit is this folder's.</summary>
    [Required]
    public string WorkingDirectory { get; set; } = "";

    /// <summary>The run whose model the run cache restored; empty when the model is trained.</summary>
    public string CachedFrom { get; set; } = "";

    /// <summary>The parent run (a sweep's) of this run; empty for none.</summary>
    public string ParentId { get; set; } = "";

    /// <summary>Where the run id is written (the train step's folder: the id belongs to the model there).</summary>
    public string RunIdFile { get; set; } = "";

    [Output]
    public string RunId { get; private set; } = "";

    protected override void Run(DiagnosticBag bag)
    {
        if (!RunSources.All.Contains(Source))
        {
            bag.Error(Codes.RunTrackingPropertyInvalid, $"MLOpsRunSource is '{Source}'; expected one of {string.Join(", ", RunSources.All)}. Leave it unset for dotnet build (build).");
            return;
        }

        var start = new RunStart(ModelName, Source, WorkingDirectory)
        {
            Id = RunIds.New(),
            CachedFrom = CachedFrom,
            ParentId = ParentId.Length > 0 ? ParentId : null,
        };
        PendingStarts.Begin(BuildEngine4, Store, start);
        RunId = start.Id;
        if (RunIdFile.Length > 0)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(RunIdFile))!);
            File.WriteAllText(RunIdFile, start.Id + "\n");
        }

        Log.LogMessage(MessageImportance.Normal, $"{ModelName}: run {start.Id} started");
    }
}
