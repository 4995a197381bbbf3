using MLOps.Core.Diagnostics;
using MLOps.Core.Registry;
using NuGet.Versioning;

namespace MLOps.Core.Releases;

/// <summary>
/// Makes each stage's feed match the release file (docs/registry.md "Promotion and rollback"), stage by stage in
/// promotion order: copies the declared version's exact nupkg from the stage before when the stage lacks it,
/// removes (folder) or unlists (HTTP) versions rolled back from the stage, keeps every version the stage served
/// before, and reports a version nothing explains (MLOPS5013) or a stage that still serves another version
/// (MLOPS5014). The first stage is where builds publish: it is read, never written.
/// </summary>
public sealed class StageSync(ModelRelease model, StageFeeds feeds)
{
    private readonly StagesConfig _stages = model.Stages;
    private readonly ReleaseFile _release = model.Release;
    private readonly string _id = model.PackageId;

    /// <summary>Syncs every stage after the first, or only <paramref name="onlyStage"/>.</summary>
    public async Task<StageSyncResult> SyncAsync(string? onlyStage, DiagnosticBag bag, CancellationToken cancellationToken = default)
    {
        var changes = new List<StageChange>();
        var states = new List<StageState>();
        foreach (Stage stage in _stages.Stages.Skip(1))
        {
            if (onlyStage is null || onlyStage == stage.Name)
                states.Add(await SyncStageAsync(stage, _stages.Before(stage)!, changes, bag, cancellationToken).ConfigureAwait(false));
        }

        return new StageSyncResult(changes, states);
    }

    private async Task<StageState> SyncStageAsync(Stage stage, Stage before, List<StageChange> changes, DiagnosticBag bag, CancellationToken cancellationToken)
    {
        string? declared = _release.Declared(stage.Name);
        int errors = ErrorCount(bag);
        if (feeds.Open(stage, bag) is not { } feed || feeds.Open(before, bag) is not { } beforeFeed)
            return new StageState(stage.Name, declared, null, null, false);
        NuGetVersion? target = await feeds.ResolveDeclaredAsync(_stages, _release, stage, _id, bag, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<FeedVersion> present = await feed.GetFeedVersionsAsync(_id, bag, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<FeedVersion> inBefore = await beforeFeed.GetFeedVersionsAsync(_id, bag, cancellationToken).ConfigureAwait(false);
        NuGetVersion? servedBefore = present.Where(v => v.Listed).Select(v => v.Version).Max();
        var listed = present.Where(v => v.Listed).Select(v => v.Version).ToHashSet();
        var remove = _release.RolledBack(stage.Name).Where(v => listed.Contains(v) && v != target).Order().ToList();

        var unexplained = listed.Where(v => !remove.Contains(v) && !Explained(stage, v, target, declared, inBefore)).Order().ToList();
        foreach (NuGetVersion version in unexplained)
        {
            bag.Error(Codes.UnexplainedStageVersion,
                $"Feed '{stage.Feed}' of stage '{stage.Name}' lists {_id} {version}, which {Path.GetFileName(_release.Path)} neither declares nor records in its history (pushed by hand?). " +
                $"Remove it from the feed ({(stage.IsHttp ? $"dotnet nuget delete {_id} {version} --source <feed>" : $"delete its folder {_id.ToLowerInvariant()}/{version.ToNormalizedString().ToLowerInvariant()}")}), " +
                $"or declare it with 'mlops promote {model.Model} {version} --to {stage.Name} --reason \"...\"'; the stage was left as it is.",
                _release.Path);
        }

        if (unexplained.Count > 0 || ErrorCount(bag) > errors)
            return new StageState(stage.Name, declared, target, servedBefore, false);

        if (target is not null && !listed.Contains(target))
        {
            if (!await CopyAsync(stage, before, feed, beforeFeed, target, present, changes, bag, cancellationToken).ConfigureAwait(false))
                return new StageState(stage.Name, declared, target, servedBefore, false);
            listed.Add(target);
        }

        foreach (NuGetVersion version in remove)
        {
            if (!feeds.CanWrite(stage, bag) || !await feed.RemoveAsync(_id, version, bag, cancellationToken).ConfigureAwait(false))
                continue;
            changes.Add(new StageChange(stage.Name, StageChangeKind.Removed, version, stage.Feed));
            listed.Remove(version);
        }

        NuGetVersion? serves = listed.Count == 0 ? null : listed.Max();
        if (target is not null && serves != target)
        {
            bag.Error(Codes.StageServesOtherVersion,
                $"Stage '{stage.Name}' is declared to serve {_id} {target}, but its feed '{stage.Feed}' still serves {serves} (the highest listed version, what a floating reference restores). " +
                $"To go back to {target}, use 'mlops rollback {model.Model} --stage {stage.Name} --to {target} --reason \"...\"', which takes {serves} out of the feed.",
                _release.Path);
        }

        return new StageState(stage.Name, declared, target, serves, serves is not null && serves != servedBefore);
    }

    private static int ErrorCount(DiagnosticBag bag) => bag.Count(d => d.Severity == Severity.Error);

    // A listed version is explained when it is the declared one, one the history says the stage served, or, while
    // the stage follows 'latest' or for versions older than the first one its history records, one the stage before holds.
    private bool Explained(Stage stage, NuGetVersion version, NuGetVersion? target, string? declared, IReadOnlyList<FeedVersion> inBefore)
    {
        if (version == target || _release.Served(stage.Name).Contains(version))
            return true;
        NuGetVersion? first = _release.Served(stage.Name).FirstOrDefault();
        bool followsBefore = declared == ReleaseFile.Latest || first is null || version < first;
        return followsBefore && inBefore.Any(v => v.Version == version) && (target is null || version <= target);
    }

    private async Task<bool> CopyAsync(
        Stage stage, Stage before, ModelFeed feed, ModelFeed beforeFeed, NuGetVersion target, IReadOnlyList<FeedVersion> present,
        List<StageChange> changes, DiagnosticBag bag, CancellationToken cancellationToken)
    {
        if (present.Any(v => v.Version == target))
        {
            bag.Error(Codes.DeclaredVersionUnlisted,
                $"Stage '{stage.Name}' is declared to serve {_id} {target}, which its feed '{stage.Feed}' holds unlisted (it was rolled back) and an HTTP feed cannot relist by a push. Relist it on the feed's server, or promote a new version.",
                _release.Path);
            return false;
        }

        int errorsBefore = ErrorCount(bag);
        byte[]? nupkg = await beforeFeed.DownloadBytesAsync(_id, target, bag, cancellationToken).ConfigureAwait(false);
        if (nupkg is null)
        {
            if (ErrorCount(bag) == errorsBefore)
            {
                bag.Error(Codes.VersionNotInPreviousStage,
                    $"Stage '{stage.Name}' is declared to serve {_id} {target}, but the stage before, '{before.Name}' (feed '{before.Feed}'), does not hold it, and a stage only takes a package copied from the stage before. " +
                    $"Promote {target} to '{before.Name}' first, or declare a version '{before.Name}' holds.",
                    _release.Path);
            }

            return false;
        }

        if (beforeFeed.RecordedSha512(_id, target) is { } recorded && recorded != ModelFeed.Sha512(nupkg))
        {
            bag.Error(Codes.StageCopyHashMismatch,
                $"{_id} {target} in feed '{before.Feed}' does not match the sha512 the feed recorded when it was added ({recorded}; the file hashes to {ModelFeed.Sha512(nupkg)}): it was changed in place. Nothing was copied; publish a new version instead.",
                _release.Path);
            return false;
        }

        if (stage.RequireSigned && !ModelFeed.IsSigned(nupkg))
        {
            bag.Error(Codes.UnsignedPackageRefused,
                $"Stage '{stage.Name}' requires signed packages (require-signed in stages.yaml), and {_id} {target} from '{before.Name}' is not signed (no {ModelFeed.SignatureEntry}). Sign the package when it is built (MLOpsSigningCertificate) and publish it again under a new version.",
                _release.Path);
            return false;
        }

        if (!feeds.CanWrite(stage, bag) || !await feed.AddExactAsync(_id, target, nupkg, bag, cancellationToken).ConfigureAwait(false))
            return false;
        changes.Add(new StageChange(stage.Name, StageChangeKind.Copied, target, stage.Feed, nupkg));
        return true;
    }
}
