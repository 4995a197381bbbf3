using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using MLOps.Core.Diagnostics;
using MLOps.Core.Releases;

namespace MLOps.Tasks;

/// <summary>Makes the model's stage feeds match its release.yaml (<see cref="StageSync"/>); the MLOpsRelease target runs it.</summary>
public sealed class ReleaseModel : MLOpsTask
{
    [Required]
    public string ModelFolder { get; set; } = "";

    /// <summary>stages.yaml; empty: searched upward from the model folder (the defaults when there is none).</summary>
    public string StagesFile { get; set; } = "";

    [Required]
    public string ReleaseFile { get; set; } = "";

    /// <summary>Sync only this stage; empty: every stage after the first.</summary>
    public string Stage { get; set; } = "";

    /// <summary>Where to write a copy of each package copied into a stage (for a release hook); empty: none written.</summary>
    public string CopiedPackagesDir { get; set; } = "";

    /// <summary>One item per package copied into a stage: ItemSpec the stage, metadata PackageId, Version, Feed and PackagePath (with <see cref="CopiedPackagesDir"/>).</summary>
    [Output]
    public ITaskItem[] Copied { get; private set; } = [];

    protected override void Run(DiagnosticBag bag)
    {
        if (ModelRelease.Open(ModelFolder, bag, StagesFile, ReleaseFile) is not { } model)
            return;
        if (Stage.Length > 0 && model.Stages.Find(Stage) is null)
        {
            bag.Error(Codes.UnknownStage, $"MLOpsStage is '{Stage}', which is not a stage. The stages are: {string.Join(", ", model.Stages.Stages.Select(s => s.Name))} ({model.Stages.File ?? "the defaults: no stages.yaml"}).");
            return;
        }

        var feeds = new StageFeeds();
        StageSyncResult result = new StageSync(model, feeds).SyncAsync(Stage.Length > 0 ? Stage : null, bag).GetAwaiter().GetResult();
        foreach (string line in result.Describe(model.PackageId))
            Progress(line);
        GitHubReleaseStep.RunAsync(model, result, feeds, Environment.GetEnvironmentVariable, Progress, bag, CancellationToken.None).GetAwaiter().GetResult();
        Copied = [.. result.Changes.Where(c => c.Kind == StageChangeKind.Copied).Select(c => (ITaskItem)new TaskItem(c.Stage, new Dictionary<string, string>
        {
            ["PackageId"] = model.PackageId,
            ["Version"] = c.Version.ToNormalizedString(),
            ["Feed"] = c.Feed,
            ["PackagePath"] = WriteCopy(model.PackageId, c),
        }))];
    }

    // The exact bytes copied, as <dir>/<stage>/<id>.<version>.nupkg; "" when no folder was asked for.
    private string WriteCopy(string packageId, StageChange change)
    {
        if (CopiedPackagesDir.Length == 0 || change.Nupkg is null)
            return "";
        string path = Path.Combine(CopiedPackagesDir, change.Stage, $"{packageId}.{change.Version.ToNormalizedString()}.nupkg");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, change.Nupkg);
        return path;
    }
}
