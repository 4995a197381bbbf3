using Microsoft.Build.Framework;
using MLOps.Core.Diagnostics;
using MLOps.Core.IO;
using MLOps.Core.Registry;
using MLOps.Core.SourceControl;
using MLOps.Core.Training;
using MLOps.Core.Versioning;
using NuGet.Versioning;

namespace MLOps.Tasks;

/// <summary>
/// Picks the package version from the feed (docs/registry.md#versions): the model's contract compared with the latest
/// stable version's decides MAJOR, MINOR or PATCH; the same model keeps its version; a build outside CI or off the
/// release branch gets a pre-release; an explicit MLOpsVersion wins. Writes the contract to pack and the decision
/// for lineage and the model card, and prints the decision.
/// </summary>
public sealed class ResolveModelVersion : MLOpsTask
{
    [Required]
    public string Feed { get; set; } = "";

    [Required]
    public string PackageId { get; set; } = "";

    [Required]
    public string SpecFile { get; set; } = "";

    [Required]
    public string TrainingFile { get; set; } = "";

    /// <summary>Where to write this model's contract.json (packed beside lineage.json).</summary>
    [Required]
    public string ContractFile { get; set; } = "";

    /// <summary>Where to write the decision (lineage's version_decision), for WritePackageFiles.</summary>
    [Required]
    public string DecisionFile { get; set; } = "";

    public string? RequestedVersion { get; set; }

    /// <summary>MLOpsPrerelease: auto, true or false.</summary>
    public string? Prerelease { get; set; }

    public string? PrereleaseLabel { get; set; }

    public string ReleaseBranch { get; set; } = "main";

    [Output]
    public string Version { get; private set; } = "";

    protected override void Run(DiagnosticBag bag)
    {
        if (SpecInputs.Load(SpecFile, bag) is not { } inputs || IntermediateFile.Read<TrainingRecord>(TrainingFile, bag) is not { } training)
            return;

        var (spec, schema) = inputs;
        string directory = Path.GetDirectoryName(Path.GetFullPath(SpecFile))!;
        var ci = CiEnvironment.Current(directory);
        string? requested = string.IsNullOrWhiteSpace(RequestedVersion) ? null : RequestedVersion;
        PrereleaseLabel? label = requested is null
            ? Core.Versioning.PrereleaseLabel.Decide(Prerelease, PrereleaseLabel, ReleaseBranch, ci, ci.Branch ?? GitBranch(directory), bag)
            : null;
        if (bag.HasErrors || ModelFeed.Open(Feed, bag) is not { } feed)
            return;

        IReadOnlyList<NuGetVersion> published = feed.GetVersionsAsync(PackageId, bag).GetAwaiter().GetResult();
        PublishedModel? latest = VersionResolver.LatestStable(published) is { } stable
            ? feed.ReadPublishedModelAsync(PackageId, stable, bag).GetAwaiter().GetResult()
            : null;
        ModelContract contract = ModelContract.From(spec, schema);
        var request = new VersionRequest(published, latest, training.ModelSha256, contract, requested, label,
            v => feed.ReadModelSha256Async(PackageId, v, bag).GetAwaiter().GetResult());
        if (bag.HasErrors || VersionResolver.Resolve(request, bag) is not { } resolved)
            return;

        Version = resolved.Version.ToNormalizedString();
        JsonFile.Write(ContractFile, contract);
        JsonFile.Write(DecisionFile, resolved.Decision);
        Progress(resolved.Describe(PackageId));
    }

    // Outside CI the branch is git's; a detached HEAD (or no git) is no branch.
    private static string? GitBranch(string directory) =>
        new ProcessRunner().Run("git", "rev-parse --abbrev-ref HEAD", directory) is (0, var output) && output.Trim() is { Length: > 0 } branch && branch != "HEAD"
            ? branch
            : null;
}
