using Microsoft.Build.Framework;
using MLOps.Core.Diagnostics;
using MLOps.Core.IO;
using MLOps.Core.Registry;
using MLOps.Core.Training;
using NuGet.Versioning;

namespace MLOps.Tasks;

/// <summary>
/// Picks the package version from the feed: 1.0.0 first, the same version again when the feed's latest
/// already holds this exact model, the next patch otherwise; an explicit MLOpsVersion wins.
/// </summary>
public sealed class ResolveModelVersion : MLOpsTask
{
    [Required]
    public string Feed { get; set; } = "";

    [Required]
    public string PackageId { get; set; } = "";

    [Required]
    public string TrainingFile { get; set; } = "";

    public string? RequestedVersion { get; set; }

    [Output]
    public string Version { get; private set; } = "";

    protected override void Run(DiagnosticBag bag)
    {
        if (IntermediateFile.Read<TrainingRecord>(TrainingFile, bag) is not { } training || ModelFeed.Open(Feed, bag) is not { } feed)
        {
            return;
        }

        IReadOnlyList<NuGetVersion> published = feed.GetVersionsAsync(PackageId, bag).GetAwaiter().GetResult();
        string? latestSha = VersionResolver.LatestStable(published) is { } latest
            ? feed.ReadModelSha256Async(PackageId, latest, bag).GetAwaiter().GetResult()
            : null;
        if (VersionResolver.Resolve(published, latestSha, training.ModelSha256, string.IsNullOrWhiteSpace(RequestedVersion) ? null : RequestedVersion, bag) is { } version)
        {
            Version = version.ToNormalizedString();
            Progress($"{PackageId}: version {Version}");
        }
    }
}
