using MLOps.Core.Diagnostics;
using MLOps.Core.Registry;
using NuGet.Versioning;

namespace MLOps.Core.Releases;

/// <summary>
/// Opens stage feeds (with the API key from each stage's api-key-env) and answers what a stage serves. With
/// <paramref name="createFolders"/> false (commands that only read), a folder feed that does not exist yet is not
/// created: it holds nothing.
/// </summary>
public sealed class StageFeeds(Func<string, string?>? variable = null, bool createFolders = true)
{
    private readonly Dictionary<string, ModelFeed?> _open = new(StringComparer.Ordinal);

    /// <summary>The stage's feed; null when it cannot be opened (reported), or is a missing folder that is not to be created.</summary>
    public ModelFeed? Open(Stage stage, DiagnosticBag bag)
    {
        if (!createFolders && !stage.IsHttp && !Directory.Exists(stage.Feed))
            return null;
        if (!_open.TryGetValue(stage.Name, out ModelFeed? feed))
            _open[stage.Name] = feed = ModelFeed.Open(stage.Feed, bag, apiKey: stage.ApiKey(variable), allowInsecureConnections: stage.AllowInsecureConnections);
        return feed;
    }

    /// <summary>MLOPS5022 unless the stage's API key is available (or none is configured, or the feed is a folder).</summary>
    public bool CanWrite(Stage stage, DiagnosticBag bag)
    {
        if (!stage.IsHttp || stage.ApiKeyEnv is null || stage.ApiKey(variable) is not null)
            return true;
        bag.Error(Codes.StageApiKeyMissing,
            $"Stage '{stage.Name}' needs its API key to write to feed '{stage.Feed}', but the environment variable {stage.ApiKeyEnv} (api-key-env in stages.yaml) is not set. Set it in the environment (CI: from a secret) and run again.");
        return false;
    }

    /// <summary>The highest listed version the stage's feed serves (what a floating reference restores); null when none.</summary>
    public async Task<NuGetVersion?> ServesAsync(Stage stage, string packageId, DiagnosticBag bag, CancellationToken cancellationToken)
    {
        if (Open(stage, bag) is not { } feed)
            return null;
        IReadOnlyList<NuGetVersion> listed = await feed.GetListedVersionsAsync(packageId, bag, cancellationToken).ConfigureAwait(false);
        return listed.Count == 0 ? null : listed.Max();
    }

    /// <summary>
    /// The version a stage is declared to serve: a pinned version, or for 'latest' the newest stable version
    /// listed in the stage before; null when nothing is declared or 'latest' finds nothing.
    /// </summary>
    public async Task<NuGetVersion?> ResolveDeclaredAsync(StagesConfig stages, ReleaseFile release, Stage stage, string packageId, DiagnosticBag bag, CancellationToken cancellationToken)
    {
        string? declared = release.Declared(stage.Name);
        if (declared != ReleaseFile.Latest)
            return release.DeclaredVersion(stage.Name);
        if (stages.Before(stage) is not { } before || Open(before, bag) is not { } feed)
            return null;
        return VersionResolver.LatestStable(await feed.GetListedVersionsAsync(packageId, bag, cancellationToken).ConfigureAwait(false));
    }
}
