using Microsoft.Build.Framework;
using MLOps.Core.Diagnostics;
using MLOps.Core.Releases;

namespace MLOps.Tasks;

/// <summary>
/// Defaults the champion from the repository's release configuration: the version release.yaml declares for the
/// champion stage, in that stage's feed from stages.yaml. Runs only when the project sets neither MLOpsChampionFeed
/// nor MLOpsChampionVersion; reads two small YAML files, so it stays in-process.
/// </summary>
public sealed class ResolveChampion : MLOpsTask
{
    [Required]
    public string ModelFolder { get; set; } = "";

    [Required]
    public string Stage { get; set; } = "";

    public string StagesFile { get; set; } = "";

    public string ReleaseFile { get; set; } = "";

    [Output]
    public string Feed { get; private set; } = "";

    [Output]
    public string Version { get; private set; } = "";

    protected override void Run(DiagnosticBag bag)
    {
        if (ChampionSource.Find(ModelFolder, Stage, bag, StagesFile, ReleaseFile) is { } champion)
            (Feed, Version) = (champion.Feed, champion.Version);
    }
}
