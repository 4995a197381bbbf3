using NuGet.Versioning;

namespace MLOps.Core.Releases;

public enum StageChangeKind
{
    /// <summary>The exact nupkg was copied from the stage before (sha512 checked before and after).</summary>
    Copied,

    /// <summary>A rolled-back version was taken out: deleted from a folder feed, unlisted in an HTTP feed.</summary>
    Removed,
}

/// <summary>One change made to a stage feed. <see cref="Nupkg"/> holds the copied package's bytes (null for a removal).</summary>
public sealed record StageChange(string Stage, StageChangeKind Kind, NuGetVersion Version, string Feed, byte[]? Nupkg = null);

/// <summary>
/// What one stage serves after a sync: the declared value, the version it resolves to, and the highest listed
/// version in its feed. <see cref="NewlyServed"/> is true when the stage serves a version it did not before this sync.
/// </summary>
public sealed record StageState(string Stage, string? Declared, NuGetVersion? Target, NuGetVersion? Serves, bool NewlyServed);

/// <summary>The result of <see cref="StageSync.SyncAsync"/>: every change made and every stage's state, in stage order.</summary>
public sealed record StageSyncResult(IReadOnlyList<StageChange> Changes, IReadOnlyList<StageState> States)
{
    /// <summary>The copy that made <paramref name="stage"/> serve a new version in this sync (for a release hook, e.g. a GitHub release); null when none.</summary>
    public StageChange? CopiedTo(string stage) =>
        Changes.LastOrDefault(c => c.Stage == stage && c.Kind == StageChangeKind.Copied);

    /// <summary>What the sync did and what each stage now serves, a line each: what `mlops release` and MLOpsRelease print.</summary>
    public IEnumerable<string> Describe(string packageId) =>
        Changes.Select(change => change.Kind == StageChangeKind.Copied
                ? $"{change.Stage}: copied {packageId} {change.Version} from the stage before (sha512 verified)"
                : $"{change.Stage}: removed {packageId} {change.Version} (rolled back)")
            .Concat(States.Select(state =>
                $"{state.Stage}: serves {packageId} {state.Serves?.ToNormalizedString() ?? "nothing"}{(state.Declared is null ? " (nothing declared)" : "")}"));
}
