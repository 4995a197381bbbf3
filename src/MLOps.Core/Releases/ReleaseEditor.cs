using MLOps.Core.Diagnostics;
using NuGet.Versioning;

namespace MLOps.Core.Releases;

/// <summary>
/// Promotion and rollback as edits of the release file (docs/registry.md "Promotion and rollback"): each checks
/// the request against the stage feeds, then declares the stage's new version and appends a history entry.
/// Nothing is written to a feed here; the release sync (<see cref="StageSync"/>) does that.
/// </summary>
public sealed class ReleaseEditor(ModelRelease model, StageFeeds feeds, string by, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>
    /// Declares <paramref name="version"/> for <paramref name="stageName"/>. The version must be in the stage before's
    /// feed or declared there; otherwise only <paramref name="force"/> with a <paramref name="reason"/> lets it through
    /// (recorded as an override). A version lower than the stage serves is refused: that is a rollback.
    /// </summary>
    public async Task<ReleaseFile?> PromoteAsync(string stageName, NuGetVersion version, string? reason, bool force, DiagnosticBag bag, CancellationToken cancellationToken = default)
    {
        if (Target(stageName, "promote to", bag) is not { } stage)
            return null;
        Stage before = model.Stages.Before(stage)!;
        ReleaseFile release = model.Release;
        bool inBefore = await feeds.ResolveDeclaredAsync(model.Stages, release, before, model.PackageId, bag, cancellationToken).ConfigureAwait(false) == version
            || (feeds.Open(before, bag) is { } feed && (await feed.GetListedVersionsAsync(model.PackageId, bag, cancellationToken).ConfigureAwait(false)).Contains(version));
        if (bag.HasErrors)
            return null;
        if (!inBefore && !force)
        {
            bag.Error(Codes.VersionNotInPreviousStage,
                $"{model.PackageId} {version} is not in stage '{before.Name}' (feed '{before.Feed}') nor declared for it, and '{stage.Name}' takes versions from '{before.Name}'. " +
                $"Promote it to '{before.Name}' first, or override with --force --reason \"why\" (recorded in the history).");
            return null;
        }

        if (force && string.IsNullOrWhiteSpace(reason))
        {
            bag.Error(Codes.ReleaseReasonRequired, $"--force overrides a check, and an override needs a reason: add --reason \"why {version} goes to '{stage.Name}'\".");
            return null;
        }

        NuGetVersion? current = await CurrentAsync(stage, bag, cancellationToken).ConfigureAwait(false);
        if (current is not null && version < current)
        {
            bag.Error(Codes.PromotionIsDowngrade,
                $"Stage '{stage.Name}' serves {model.PackageId} {current}; declaring the lower {version} is a rollback. Run 'mlops rollback {model.Model} --stage {stage.Name} --to {version} --reason \"...\"', which also takes {current} out of the feed.");
            return null;
        }

        var entry = new ReleaseEntry(ReleaseEntry.Promote, stage.Name, version, Now(), by, Clean(reason), Override: !inBefore);
        return release.WithDeclared(stage.Name, version.ToNormalizedString(), StageOrder()).Append(entry);
    }

    /// <summary>
    /// Declares for <paramref name="stageName"/> the version it served before the current one (from the history, or for a
    /// stage that followed 'latest', the next lower version in its feed), or <paramref name="to"/>. The reason is required.
    /// </summary>
    public async Task<ReleaseFile?> RollbackAsync(string stageName, NuGetVersion? to, string? reason, DiagnosticBag bag, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            bag.Error(Codes.ReleaseReasonRequired, $"A rollback needs a reason, recorded in the release file's history: add --reason \"what is wrong with the version '{stageName}' serves\".");
            return null;
        }

        if (Target(stageName, "roll back", bag) is not { } stage)
            return null;
        ReleaseFile release = model.Release;
        NuGetVersion? current = await CurrentAsync(stage, bag, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<NuGetVersion> listed = feeds.Open(stage, bag) is { } feed
            ? await feed.GetListedVersionsAsync(model.PackageId, bag, cancellationToken).ConfigureAwait(false)
            : [];
        if (bag.HasErrors)
            return null;
        if (current is null)
        {
            bag.Error(Codes.NothingToRollBack, $"Stage '{stage.Name}' serves no version of {model.PackageId} yet (nothing declared in {release.Path}, nothing in feed '{stage.Feed}'): there is nothing to roll back.");
            return null;
        }

        NuGetVersion? target = to ?? Previous(stage.Name, current, listed);
        bool servedBefore = target is not null && (release.Served(stage.Name).Contains(target) || listed.Contains(target));
        if (target is null || target == current || !servedBefore)
        {
            string served = string.Join(", ", release.Served(stage.Name).Concat(listed).Distinct().Where(v => v != current).Order().Select(v => v.ToNormalizedString()));
            bag.Error(Codes.NothingToRollBack, to is null
                ? $"Stage '{stage.Name}' serves {model.PackageId} {current} and served no earlier version (history and feed '{stage.Feed}'): there is nothing to go back to. Promote a fixed version instead."
                : $"Stage '{stage.Name}' never served {model.PackageId} {to} (it serves {current}; versions it served: {(served.Length == 0 ? "none" : served)}). Pick one of those with --to, or promote {to} instead.");
            return null;
        }

        var entry = new ReleaseEntry(ReleaseEntry.Rollback, stage.Name, target, Now(), by, Clean(reason), From: current);
        return release.WithDeclared(stage.Name, target.ToNormalizedString(), StageOrder()).Append(entry);
    }

    // The version the stage went to before the current one, skipping versions rolled back since; for a stage that
    // followed 'latest' (no history), the highest lower version still listed in its feed.
    private NuGetVersion? Previous(string stage, NuGetVersion current, IReadOnlyList<NuGetVersion> listed)
    {
        IReadOnlySet<NuGetVersion> rolledBack = model.Release.RolledBack(stage);
        List<NuGetVersion> served = [.. model.Release.Served(stage)];
        int last = served.LastIndexOf(current);
        IEnumerable<NuGetVersion> earlier = last < 0 ? served : served.Take(last);
        return earlier.Where(v => v != current && !rolledBack.Contains(v)).LastOrDefault()
            ?? listed.Where(v => v < current && !rolledBack.Contains(v)).Max();
    }

    private async Task<NuGetVersion?> CurrentAsync(Stage stage, DiagnosticBag bag, CancellationToken cancellationToken) =>
        model.Release.DeclaredVersion(stage.Name)
        ?? await feeds.ServesAsync(stage, model.PackageId, bag, cancellationToken).ConfigureAwait(false);

    private Stage? Target(string stageName, string verb, DiagnosticBag bag)
    {
        Stage? stage = model.Stages.Find(stageName);
        if (stage is not null && model.Stages.IndexOf(stage) > 0)
            return stage;
        string names = string.Join(", ", model.Stages.Stages.Skip(1).Select(s => s.Name));
        bag.Error(Codes.UnknownStage, stage is null
            ? $"Unknown stage {Visible.Quote(stageName)}. The stages to {verb} are: {names} ({model.Stages.File ?? "the defaults: no stages.yaml"})."
            : $"Stage '{stageName}' is the first stage, where builds publish; it cannot be {(verb == "roll back" ? "rolled back" : "promoted to")}. The stages to {verb} are: {names}.");
        return null;
    }

    private IReadOnlyList<string> StageOrder() => [.. model.Stages.Stages.Select(s => s.Name)];

    private DateTimeOffset Now()
    {
        DateTimeOffset now = _clock.GetUtcNow();
        return new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, TimeSpan.Zero);
    }

    private static string? Clean(string? reason) => string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
}
