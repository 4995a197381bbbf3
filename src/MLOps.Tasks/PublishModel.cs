using Microsoft.Build.Framework;
using MLOps.Core.Diagnostics;
using MLOps.Core.IO;
using MLOps.Core.Registry;
using MLOps.ModelFormat.Contract;

namespace MLOps.Tasks;

/// <summary>Pushes a packed model to the feed (the registry) and records the run's outcome for summaries.</summary>
public sealed class PublishModel : MLOpsTask
{
    [Required]
    public string Feed { get; set; } = "";

    [Required]
    public string PackageFile { get; set; } = "";

    [Required]
    public string LineageFile { get; set; } = "";

    [Required]
    public string SummaryFile { get; set; } = "";

    /// <summary>The environment variable holding the feed's API key (MLOpsFeedApiKeyEnv); the key itself never passes through MSBuild.</summary>
    public string? ApiKeyVariable { get; set; }

    /// <summary>Allows pushing to a plain-http feed (MLOpsFeedAllowInsecureConnections), which NuGet refuses by default.</summary>
    public bool AllowInsecureConnections { get; set; }

    /// <summary>Where the package now is: its path in a folder feed, or the feed's URL.</summary>
    [Output]
    public string PublishedPackage { get; private set; } = "";

    protected override void Run(DiagnosticBag bag)
    {
        // The package carries this lineage.json: a damaged one is not published.
        string? apiKey = null;
        if (!string.IsNullOrWhiteSpace(ApiKeyVariable) && string.IsNullOrEmpty(apiKey = Environment.GetEnvironmentVariable(ApiKeyVariable)))
        {
            bag.Error(Codes.ApiKeyVariableNotSet,
                $"MLOpsFeedApiKeyEnv names the environment variable '{ApiKeyVariable}' for the feed's API key, but it is not set. Set it (in CI, from a secret), or leave MLOpsFeedApiKeyEnv empty for a feed that needs no key.");
            return;
        }

        if (IntermediateFile.Read<Lineage>(LineageFile, bag) is not { } lineage
            || ModelFeed.Open(Feed, bag, apiKey: apiKey, allowInsecureConnections: AllowInsecureConnections) is not { } feed)
        {
            return;
        }

        PublishResult result = feed.PublishAsync(PackageFile, bag).GetAwaiter().GetResult();
        if (!result.Succeeded)
        {
            return;
        }

        string where = feed.LocalFolder is { } folder
            ? Path.Combine(folder, result.PackageId!.ToLowerInvariant(), result.Version!.ToNormalizedString(), Path.GetFileName(PackageFile).ToLowerInvariant())
            : feed.Source;
        Progress(result.Outcome == PublishOutcome.Published
            ? $"{result.PackageId} {result.Version} published to {where}"
            : $"{result.PackageId} {result.Version} is already in {feed.Source} with the same model; nothing to publish");
        var summary = new RunSummary(
            result.PackageId!,
            result.Version!.ToNormalizedString(),
            result.Outcome == PublishOutcome.Published ? RunSummary.Published : RunSummary.AlreadyPublished,
            where,
            lineage.Task,
            lineage.Metrics,
            lineage.Gates.All(g => g.Passed));
        TextFile.WriteIfChanged(SummaryFile, summary.ToJson());
        PublishedPackage = where;
    }
}
